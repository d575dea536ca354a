package dev.stride.service.sqs.internal;

import dev.stride.service.WriteJournal;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.stride.engine.spi.RecordStore.Write;
import dev.stride.service.ServiceCall;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** GetQueueAttributes and SetQueueAttributes. */
final class QueueAttributes {
    /** The order AWS lists a queue's attributes in for {@code All}. */
    private static final List<String> ORDER = List.of("QueueArn", "ApproximateNumberOfMessages", "ApproximateNumberOfMessagesNotVisible",
            "ApproximateNumberOfMessagesDelayed", "CreatedTimestamp", "LastModifiedTimestamp", "VisibilityTimeout", "MaximumMessageSize",
            "MessageRetentionPeriod", "DelaySeconds", "ReceiveMessageWaitTimeSeconds", "Policy", "RedrivePolicy", "RedriveAllowPolicy",
            "KmsMasterKeyId", "KmsDataKeyReusePeriodSeconds", "SqsManagedSseEnabled", "FifoQueue", "ContentBasedDeduplication",
            "DeduplicationScope", "FifoThroughputLimit");
    private static final Set<String> KNOWN = Set.copyOf(ORDER);

    private final Context ctx;

    QueueAttributes(Context ctx) { this.ctx = ctx; }

    JsonNode get(ServiceCall call) {
        Queue q = ctx.queues().resolve(call, Params.text(call.params(), "QueueUrl"));
        Set<String> wanted = new LinkedHashSet<>();
        for (String n : Params.strings(call.params(), "AttributeNames")) {
            if (n.equals("All")) wanted.addAll(ORDER);
            else if (KNOWN.contains(n)) wanted.add(n);
            else throw Errors.invalidAttributeName(n);
        }
        ObjectNode attrs = Json.object();
        WriteJournal.Ticket ticket;
        q.lock.lock();
        try {
            long now = ctx.now();
            q.advance(now);
            List<Write> expired = new ArrayList<>();
            q.expireOld(now, expired);
            ticket = ctx.journal().append(expired);
            for (String n : ORDER) {
                if (!wanted.contains(n)) continue;
                String v = value(q, n);
                if (v != null) attrs.put(n, v);
            }
        } finally {
            q.lock.unlock();
        }
        ticket.await();
        ObjectNode out = Json.object();
        if (!attrs.isEmpty()) out.set("Attributes", attrs);
        return out;
    }

    private static String value(Queue q, String name) {
        return switch (name) {
            case "QueueArn" -> q.arn;
            case "ApproximateNumberOfMessages" -> Integer.toString(q.count(Message.State.READY));
            case "ApproximateNumberOfMessagesNotVisible" -> Integer.toString(q.count(Message.State.IN_FLIGHT));
            case "ApproximateNumberOfMessagesDelayed" -> Integer.toString(q.count(Message.State.DELAYED));
            case "CreatedTimestamp" -> Long.toString(q.createdAt / 1000);
            case "LastModifiedTimestamp" -> Long.toString(q.modifiedAt / 1000);
            default -> q.settings.values.get(name);
        };
    }

    JsonNode set(ServiceCall call) {
        Queue q = ctx.queues().resolve(call, Params.text(call.params(), "QueueUrl"));
        Map<String, String> changes = QueueActions.textMap(Params.object(call.params(), "Attributes"));
        if (changes.isEmpty()) throw Errors.missing("Attributes");
        WriteJournal.Ticket ticket;
        q.lock.lock();
        try {
            q.settings = q.settings.with(changes, q.fifo, false, ctx.queues()::isFifo);
            q.modifiedAt = ctx.now();
            ticket = ctx.journal().append(List.of(Queues.record(q)));
        } finally {
            q.lock.unlock();
        }
        ticket.await();
        return Json.object();
    }
}
