package dev.stride.service.sns.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.stride.engine.spi.RecordStore.Write;
import dev.stride.service.JsonProtocol;
import dev.stride.service.ServiceCall;
import dev.stride.service.ServiceException;
import dev.stride.service.sns.internal.FifoDeduplication.Entry;
import dev.stride.service.sns.internal.PublishAction.Published;
import dev.stride.service.sns.internal.delivery.Outbox;
import dev.stride.service.sns.internal.delivery.PendingDelivery;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * PublishBatch: up to ten messages to one topic, each checked and published on its own (a bad
 * entry is reported in {@code Failed}, the rest go out), all that they leave behind committed in
 * one write.
 */
public final class PublishBatchAction {
    private static final int MAX_ENTRIES = 10;
    private static final Pattern ENTRY_ID = Pattern.compile("[A-Za-z0-9_-]{1,80}");

    private final PublishAction publish;

    public PublishBatchAction(PublishAction publish) { this.publish = publish; }

    public JsonNode publishBatch(ServiceCall call) {
        JsonNode prior = publish.replies().get(call.idempotencyKey());
        if (prior != null) return prior;
        JsonNode p = call.params();
        Topic topic = publish.target(call, p);
        JsonNode entries = p.path("PublishBatchRequestEntries");
        checkBatch(entries);
        ObjectNode reply = JsonProtocol.MAPPER.createObjectNode();
        ArrayNode successful = reply.putArray("Successful");
        ArrayNode failed = reply.putArray("Failed");
        List<PendingDelivery> pending = new ArrayList<>();
        List<Entry> reserved = new ArrayList<>();
        for (JsonNode entry : entries) {
            String id = entry.path("Id").asText();
            try {
                String key = call.idempotencyKey() == null ? null : call.idempotencyKey() + "/" + id;
                Published one = publish.publishOne(call, topic, entry, key);
                ObjectNode ok = successful.addObject().put("Id", id).put("MessageId", one.reply().get("MessageId").asText());
                if (one.reply().has("SequenceNumber")) ok.put("SequenceNumber", one.reply().get("SequenceNumber").asText());
                pending.addAll(one.pending());
                if (one.reserved() != null) reserved.add(one.reserved());
            } catch (ServiceException e) {
                failed.addObject().put("Id", id).put("Code", e.code()).put("Message", e.getMessage()).put("SenderFault", e.sender());
            }
        }
        long now = publish.clock().getAsLong();
        List<Write> writes = new ArrayList<>(Outbox.records(pending));
        reserved.forEach(e -> writes.add(FifoDeduplication.record(e)));
        if (!reserved.isEmpty()) writes.addAll(publish.dedup().expire(now));
        if (call.idempotencyKey() != null) writes.add(publish.replies().record(call.idempotencyKey(), reply, now));
        publish.commit(writes, reserved);
        if (call.idempotencyKey() != null) publish.replies().remember(call.idempotencyKey(), reply);
        publish.outbox().start(pending);
        return reply;
    }

    private static void checkBatch(JsonNode entries) {
        if (!entries.isArray() || entries.isEmpty()) {
            throw SnsErrors.batch("EmptyBatchRequest", "The batch request doesn't contain any entries.");
        }
        if (entries.size() > MAX_ENTRIES) {
            throw SnsErrors.batch("TooManyEntriesInBatchRequest", "The batch request contains more entries than permissible.");
        }
        Set<String> ids = new HashSet<>();
        long total = 0;
        for (JsonNode entry : entries) {
            String id = Params.text(entry, "Id");
            if (id == null || !ENTRY_ID.matcher(id).matches()) {
                throw SnsErrors.batch("InvalidBatchEntryId", "The Id of a batch entry in a batch request doesn't abide by the specification.");
            }
            if (!ids.add(id)) throw SnsErrors.batch("BatchEntryIdsNotDistinct", "Two or more batch entries in the request have the same Id.");
            String message = Params.text(entry, "Message");
            total += message == null ? 0 : message.length();
        }
        if (total > PublishInput.MAX_BYTES) {
            throw SnsErrors.batch("BatchRequestTooLong", "The length of all the messages put together is more than the limit.");
        }
    }
}
