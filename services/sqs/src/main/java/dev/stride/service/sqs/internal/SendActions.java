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
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

/**
 * SendMessage and SendMessageBatch. A send is checked outside the queue lock; under it the
 * message gets its sequence and place (or, in a FIFO queue, is found a duplicate), and its
 * records are appended to the journal; the reply waits for them to be durable.
 */
final class SendActions {
    private static final int MAX_BATCH_BYTES = 262_144;

    private final Context ctx;

    SendActions(Context ctx) { this.ctx = ctx; }

    JsonNode send(ServiceCall call) {
        Queue q = ctx.queues().resolve(call, Params.text(call.params(), "QueueUrl"));
        SendInput input = SendInput.of(call.params(), q, call.account());
        ObjectNode reply = Json.object();
        List<Write> writes = new ArrayList<>(3);
        WriteJournal.Ticket ticket;
        q.lock.lock();
        try {
            long now = ctx.now();
            if (q.deleted) throw Errors.queueDoesNotExist();
            enqueue(q, input, now, reply, writes);
            if (call.idempotencyKey() != null) writes.add(Idempotency.record(call.idempotencyKey(), reply, now));
            // a duplicate writes nothing, but its reply must not come before the first send is durable
            ticket = writes.isEmpty() ? ctx.journal().barrier() : ctx.journal().append(writes);
        } finally {
            q.lock.unlock();
        }
        ticket.await();
        return reply;
    }

    JsonNode sendBatch(ServiceCall call) {
        Queue q = ctx.queues().resolve(call, Params.text(call.params(), "QueueUrl"));
        List<ObjectNode> entries = BatchEntries.read(call.params(), "SendMessageBatchRequestEntry");
        List<SendInput> inputs = new ArrayList<>(entries.size());
        ArrayNode failed = Json.MAPPER.createArrayNode();
        long total = 0;
        for (ObjectNode e : entries) {
            try {
                SendInput in = SendInput.of(e, q, call.account());
                inputs.add(in);
                total += in.size();
            } catch (ServiceException ex) {
                inputs.add(null);
                BatchEntries.fail(failed, e.get("Id").asText(), ex);
            }
        }
        if (total > MAX_BATCH_BYTES) throw Errors.batchTooLong(MAX_BATCH_BYTES, total);
        ArrayNode successful = Json.MAPPER.createArrayNode();
        ObjectNode reply = Json.object();
        List<Write> writes = new ArrayList<>(entries.size() * 2 + 1);
        WriteJournal.Ticket ticket;
        q.lock.lock();
        try {
            long now = ctx.now();
            if (q.deleted) throw Errors.queueDoesNotExist();
            for (int i = 0; i < entries.size(); i++) {
                if (inputs.get(i) == null) continue;
                ObjectNode ok = successful.addObject().put("Id", entries.get(i).get("Id").asText());
                enqueue(q, inputs.get(i), now, ok, writes);
            }
            reply.set("Successful", successful);
            reply.set("Failed", failed);
            if (call.idempotencyKey() != null) writes.add(Idempotency.record(call.idempotencyKey(), reply, now));
            ticket = writes.isEmpty() ? ctx.journal().barrier() : ctx.journal().append(writes);
        } finally {
            q.lock.unlock();
        }
        ticket.await();
        return reply;
    }

    /** Puts one checked message in the queue (call holding its lock) and fills its reply; a duplicate only fills the reply. */
    private static void enqueue(Queue q, SendInput in, long now, ObjectNode reply, List<Write> writes) {
        Message.Sent s = in.sent();
        if (q.fifo) {
            DedupWindow.Entry seen = q.dedup.find(in.dedupKey(), now);
            if (seen != null) { // AWS acknowledges a duplicate with the first message's id and sends nothing
                fill(reply, seen.messageId(), s, seen.seq(), true);
                return;
            }
        }
        Message m = new Message(q.nextSeq(now), newMessageId(), s, now, now, null);
        m.visibleAt = now + in.delaySeconds() * 1000L;
        q.add(m, now);
        writes.add(Records.putMessage(q.key, m));
        if (q.fifo) {
            DedupWindow.Entry e = new DedupWindow.Entry(in.dedupKey(), m.id, m.seq, now + DedupWindow.WINDOW_MILLIS);
            q.dedup.add(e);
            writes.add(Records.putDedup(q.key, e));
        }
        fill(reply, m.id, s, m.seq, q.fifo);
    }

    private static void fill(ObjectNode reply, String messageId, Message.Sent s, long seq, boolean fifo) {
        reply.put("MessageId", messageId).put("MD5OfMessageBody", s.md5OfBody());
        if (s.md5OfAttributes() != null) reply.put("MD5OfMessageAttributes", s.md5OfAttributes());
        if (s.md5OfSystemAttributes() != null) reply.put("MD5OfMessageSystemAttributes", s.md5OfSystemAttributes());
        if (fifo) reply.put("SequenceNumber", sequenceNumber(seq));
    }

    /** FIFO's SequenceNumber: the message's sequence as 20 digits. */
    static String sequenceNumber(long seq) {
        String digits = Long.toString(seq);
        return "0".repeat(Math.max(0, 20 - digits.length())) + digits;
    }

    /** A version-4 UUID from the thread's generator: SecureRandom would be a shared point of contention. */
    private static String newMessageId() {
        ThreadLocalRandom r = ThreadLocalRandom.current();
        long msb = (r.nextLong() & ~0xF000L) | 0x4000L;
        long lsb = (r.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
        return new UUID(msb, lsb).toString();
    }
}
