package dev.stride.service.sqs.internal;

import dev.stride.service.WriteJournal;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.stride.service.ServiceCall;
import java.util.List;
import java.util.Map;

/**
 * AddPermission and RemovePermission: statements in the queue's Policy document, one per label,
 * as AWS writes them. Stride stores the policy and returns it; it does not enforce it.
 */
final class Permissions {
    private final Context ctx;

    Permissions(Context ctx) { this.ctx = ctx; }

    JsonNode add(ServiceCall call) {
        Queue q = ctx.queues().resolve(call, Params.text(call.params(), "QueueUrl"));
        String label = Params.required(call.params(), "Label");
        List<String> accounts = Params.strings(call.params(), "AWSAccountIds");
        List<String> actions = Params.strings(call.params(), "Actions");
        if (accounts.isEmpty()) throw Errors.missing("AWSAccountIds");
        if (actions.isEmpty()) throw Errors.missing("Actions");
        return update(q, policy -> {
            ArrayNode statements = policy.withArray("Statement");
            for (JsonNode s : statements) {
                if (label.equals(s.path("Sid").asText())) throw Errors.invalidParameter("Label", label, "Already exists.");
            }
            ObjectNode s = statements.addObject().put("Sid", label).put("Effect", "Allow");
            ArrayNode principals = s.putObject("Principal").putArray("AWS");
            accounts.forEach(a -> principals.add("arn:aws:iam::" + a + ":root"));
            ArrayNode acts = s.putArray("Action");
            actions.forEach(a -> acts.add(a.startsWith("SQS:") || a.equals("*") ? a : "SQS:" + a));
            s.put("Resource", q.arn);
        });
    }

    JsonNode remove(ServiceCall call) {
        Queue q = ctx.queues().resolve(call, Params.text(call.params(), "QueueUrl"));
        String label = Params.required(call.params(), "Label");
        return update(q, policy -> {
            ArrayNode statements = policy.withArray("Statement");
            for (int i = 0; i < statements.size(); i++) {
                if (label.equals(statements.get(i).path("Sid").asText())) {
                    statements.remove(i);
                    return;
                }
            }
            throw Errors.invalidParameter("Label", label, "can't find label.");
        });
    }

    private interface Edit {
        void apply(ObjectNode policy);
    }

    private JsonNode update(Queue q, Edit edit) {
        WriteJournal.Ticket ticket;
        q.lock.lock();
        try {
            String text = q.settings.values.get("Policy");
            ObjectNode policy = text == null ? null : Json.parseObject(text);
            if (policy == null) {
                policy = Json.object().put("Version", "2012-10-17").put("Id", q.arn + "/SQSDefaultPolicy");
                policy.putArray("Statement");
            }
            edit.apply(policy);
            String next = policy.withArray("Statement").isEmpty() ? "" : Json.write(policy);
            q.settings = q.settings.with(Map.of("Policy", next), q.fifo, false, ctx.queues()::isFifo);
            q.modifiedAt = ctx.now();
            ticket = ctx.journal().append(List.of(Queues.record(q)));
        } finally {
            q.lock.unlock();
        }
        ticket.await();
        return Json.object();
    }
}
