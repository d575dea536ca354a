package dev.stride.service.sqs.internal;

import dev.stride.service.WriteJournal;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.stride.service.ServiceCall;
import java.util.List;
import java.util.Map;

/** TagQueue, UntagQueue, ListQueueTags, and the tag limits CreateQueue shares. */
final class QueueTags {
    private static final int MAX_TAGS = 50;

    private final Context ctx;

    QueueTags(Context ctx) { this.ctx = ctx; }

    static void check(Map<String, String> tags, int existing) {
        for (Map.Entry<String, String> e : tags.entrySet()) {
            if (e.getKey() == null || e.getKey().isEmpty() || e.getKey().length() > 128) {
                throw Errors.invalidValue("Tag keys must be between 1 and 128 characters in length.");
            }
            if (e.getValue() == null || e.getValue().length() > 256) {
                throw Errors.invalidValue("Tag values must be between 0 and 256 characters in length.");
            }
        }
        if (existing + tags.size() > MAX_TAGS) throw Errors.invalidValue("Too many tags added for queue. The maximum is " + MAX_TAGS + ".");
    }

    JsonNode tag(ServiceCall call) {
        Queue q = ctx.queues().resolve(call, Params.text(call.params(), "QueueUrl"));
        Map<String, String> tags = QueueActions.textMap(Params.object(call.params(), "Tags"));
        if (tags.isEmpty()) throw Errors.missing("Tags");
        WriteJournal.Ticket ticket;
        q.lock.lock();
        try {
            int added = 0;
            for (String k : tags.keySet()) if (!q.tags.containsKey(k)) added++;
            check(tags, q.tags.size() + added - tags.size());
            q.tags.putAll(tags);
            ticket = ctx.journal().append(List.of(Queues.record(q)));
        } finally {
            q.lock.unlock();
        }
        ticket.await();
        return Json.object();
    }

    JsonNode untag(ServiceCall call) {
        Queue q = ctx.queues().resolve(call, Params.text(call.params(), "QueueUrl"));
        List<String> keys = Params.strings(call.params(), "TagKeys");
        if (keys.isEmpty()) throw Errors.missing("TagKeys");
        WriteJournal.Ticket ticket;
        q.lock.lock();
        try {
            keys.forEach(q.tags::remove);
            ticket = ctx.journal().append(List.of(Queues.record(q)));
        } finally {
            q.lock.unlock();
        }
        ticket.await();
        return Json.object();
    }

    JsonNode list(ServiceCall call) {
        Queue q = ctx.queues().resolve(call, Params.text(call.params(), "QueueUrl"));
        ObjectNode out = Json.object();
        q.lock.lock();
        try {
            if (!q.tags.isEmpty()) {
                ObjectNode tags = out.putObject("Tags");
                q.tags.forEach(tags::put);
            }
        } finally {
            q.lock.unlock();
        }
        return out;
    }
}
