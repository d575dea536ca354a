package dev.stride.service.sqs.internal;

import dev.stride.service.WriteJournal;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.stride.engine.spi.RecordStore.Write;
import dev.stride.service.ServiceCall;
import dev.stride.service.ServiceException;
import java.util.ArrayList;
import java.util.List;

/**
 * What a consumer does with a receipt handle: DeleteMessage, ChangeMessageVisibility and their
 * batches. As in AWS, deleting with a handle of a message already gone succeeds, and so does a
 * handle from an earlier receive of a message received again since.
 */
final class ReceiptActions {
    private static final String VISIBILITY_RANGE = "Must be >= 0 and <= 43200, if provided.";

    private final Context ctx;

    ReceiptActions(Context ctx) { this.ctx = ctx; }

    /** One handle's work under the queue lock; it adds its record changes to {@code writes}. */
    private interface Change {
        void apply(Queue q, ObjectNode entry, long now, List<Write> writes);
    }

    JsonNode delete(ServiceCall call) {
        return single(call, ReceiptActions::delete);
    }

    JsonNode deleteBatch(ServiceCall call) {
        return batch(call, "DeleteMessageBatchRequestEntry", ReceiptActions::delete);
    }

    JsonNode changeVisibility(ServiceCall call) {
        return single(call, ReceiptActions::changeVisibility);
    }

    JsonNode changeVisibilityBatch(ServiceCall call) {
        return batch(call, "ChangeMessageVisibilityBatchRequestEntry", ReceiptActions::changeVisibility);
    }

    private static void delete(Queue q, ObjectNode entry, long now, List<Write> writes) {
        ReceiptHandle h = ReceiptHandle.decode(Params.text(entry, "ReceiptHandle"));
        Message m = q.messages.get(h.seq());
        if (m != null) q.remove(m, writes);
    }

    private static void changeVisibility(Queue q, ObjectNode entry, long now, List<Write> writes) {
        String text = Params.text(entry, "ReceiptHandle");
        ReceiptHandle h = ReceiptHandle.decode(text);
        if (!Params.has(entry, "VisibilityTimeout")) throw Errors.missing("VisibilityTimeout");
        int seconds = Params.ranged(entry, "VisibilityTimeout", 0, 0, 43_200, VISIBILITY_RANGE);
        q.advance(now);
        Message m = q.messages.get(h.seq());
        if (m == null) throw Errors.notAvailableForVisibilityChange(text);
        if (m.state != Message.State.IN_FLIGHT) throw Errors.messageNotInflight();
        q.changeVisibility(m, now, seconds);
        writes.add(Records.putDelivery(q.key, m));
    }

    private JsonNode single(ServiceCall call, Change change) {
        Queue q = ctx.queues().resolve(call, Params.text(call.params(), "QueueUrl"));
        List<Write> writes = new ArrayList<>(2);
        WriteJournal.Ticket ticket;
        q.lock.lock();
        try {
            change.apply(q, call.params(), ctx.now(), writes);
            ticket = ctx.journal().append(writes);
        } finally {
            q.lock.unlock();
        }
        ticket.await();
        return Json.object();
    }

    private JsonNode batch(ServiceCall call, String entryName, Change change) {
        Queue q = ctx.queues().resolve(call, Params.text(call.params(), "QueueUrl"));
        List<ObjectNode> entries = BatchEntries.read(call.params(), entryName);
        ArrayNode successful = Json.MAPPER.createArrayNode();
        ArrayNode failed = Json.MAPPER.createArrayNode();
        List<Write> writes = new ArrayList<>(entries.size() * 2);
        WriteJournal.Ticket ticket;
        q.lock.lock();
        try {
            long now = ctx.now();
            for (ObjectNode e : entries) {
                String id = e.get("Id").asText();
                try {
                    change.apply(q, e, now, writes);
                    successful.addObject().put("Id", id);
                } catch (ServiceException ex) {
                    BatchEntries.fail(failed, id, ex);
                }
            }
            ticket = ctx.journal().append(writes);
        } finally {
            q.lock.unlock();
        }
        ticket.await();
        ObjectNode reply = Json.object();
        reply.set("Successful", successful);
        reply.set("Failed", failed);
        return reply;
    }
}
