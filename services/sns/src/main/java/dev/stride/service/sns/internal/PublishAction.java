package dev.stride.service.sns.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.stride.engine.spi.RecordStore.Write;
import dev.stride.service.JsonProtocol;
import dev.stride.service.ServiceCall;
import dev.stride.service.sns.internal.FifoDeduplication.Entry;
import dev.stride.service.sns.internal.delivery.Fanout;
import dev.stride.service.sns.internal.delivery.Notification;
import dev.stride.service.sns.internal.delivery.Outbox;
import dev.stride.service.sns.internal.delivery.PendingDelivery;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.LongSupplier;

/**
 * Publish, the hot path, and the per-message work PublishBatch shares with it.
 *
 * <p>Order of work: check, deduplicate (FIFO), deliver to SQS subscribers in place, then commit
 * in one write whatever the publish leaves behind (outbox records for other protocols, the
 * deduplication entry, the idempotent reply), then reply and start the outbox. A standard topic
 * with only SQS subscribers and no idempotency key commits nothing here: SQS commits the
 * messages. With an idempotency key the message id is derived from it, so a repeat after a
 * crash before the commit re-sends under the same SQS idempotency keys and never doubles.
 */
public final class PublishAction {
    private final Resources resources;
    private final SnsState state;
    private final Fanout fanout;
    private final Outbox outbox;
    private final FifoDeduplication dedup;
    private final IdempotentReplies replies;
    private final LongSupplier clock;

    public PublishAction(Resources resources, SnsState state, Fanout fanout, Outbox outbox, FifoDeduplication dedup,
                         IdempotentReplies replies, LongSupplier clock) {
        this.resources = resources;
        this.state = state;
        this.fanout = fanout;
        this.outbox = outbox;
        this.dedup = dedup;
        this.replies = replies;
        this.clock = clock;
    }

    /** What one message leaves to commit and to start. */
    record Published(ObjectNode reply, List<PendingDelivery> pending, Entry reserved) {}

    public JsonNode publish(ServiceCall call) {
        JsonNode prior = replies.get(call.idempotencyKey());
        if (prior != null) return prior;
        JsonNode p = call.params();
        Topic topic = target(call, p);
        Published published = publishOne(call, topic, p, call.idempotencyKey());
        List<Write> writes = new ArrayList<>(Outbox.records(published.pending()));
        long now = clock.getAsLong();
        if (published.reserved() != null) {
            writes.add(FifoDeduplication.record(published.reserved()));
            writes.addAll(dedup.expire(now));
        }
        if (call.idempotencyKey() != null) writes.add(replies.record(call.idempotencyKey(), published.reply(), now));
        commit(writes, published.reserved() == null ? List.of() : List.of(published.reserved()));
        if (call.idempotencyKey() != null) replies.remember(call.idempotencyKey(), published.reply());
        outbox.start(published.pending());
        return published.reply();
    }

    Topic target(ServiceCall call, JsonNode p) {
        String topicArn = Params.text(p, "TopicArn");
        String targetArn = Params.text(p, "TargetArn");
        if (Params.text(p, "PhoneNumber") != null) throw SnsErrors.invalidParameter("PhoneNumber Reason: SMS is not supported by this endpoint");
        if (topicArn != null && targetArn != null) throw SnsErrors.invalidParameter("TopicArn or TargetArn Reason: Only one of them may be given");
        if (topicArn == null && targetArn == null) throw SnsErrors.invalidParameter("TopicArn or TargetArn Reason: no value for required parameter");
        return topicArn != null ? resources.topic(call, "TopicArn", topicArn, "Publish") : resources.topic(call, "TargetArn", targetArn, "Publish");
    }

    /** Checks, deduplicates and delivers one message; {@code idempotencyKey} (may be null) fixes its message id. */
    Published publishOne(ServiceCall call, Topic topic, JsonNode p, String idempotencyKey) {
        PublishInput in = PublishInput.read(p, topic);
        long now = clock.getAsLong();
        String messageId = idempotencyKey != null
                ? UUID.nameUUIDFromBytes(idempotencyKey.getBytes(StandardCharsets.UTF_8)).toString() : randomId();
        ObjectNode reply = JsonProtocol.MAPPER.createObjectNode().put("MessageId", messageId);
        if (!topic.fifo()) {
            Notification n = new Notification(messageId, topic.arn(), in.subject(), in.message(), in.messages(), in.attributes(),
                    now, call.endpoint(), null, null, null);
            return new Published(reply, fanout.deliver(topic, n), null);
        }
        String dedupId = in.deduplicationId() != null ? in.deduplicationId() : FifoDeduplication.contentId(in.message());
        Entry candidate = new Entry(FifoDeduplication.key(topic.arn(), dedupId), messageId, dedup.nextSequenceNumber(now),
                now + FifoDeduplication.WINDOW_MILLIS);
        Entry entry = dedup.reserve(candidate, now);
        reply.put("MessageId", entry.messageId()).put("SequenceNumber", entry.sequenceNumber());
        if (entry != candidate) return new Published(reply, List.of(), null); // a duplicate: answered, not sent
        Notification n = new Notification(messageId, topic.arn(), in.subject(), in.message(), in.messages(), in.attributes(),
                now, call.endpoint(), in.groupId(), dedupId, entry.sequenceNumber());
        try {
            return new Published(reply, fanout.deliver(topic, n), entry);
        } catch (RuntimeException e) {
            dedup.release(entry);
            throw e;
        }
    }

    void commit(List<Write> writes, List<Entry> reserved) {
        if (writes.isEmpty()) return;
        try {
            state.store().commit(writes);
        } catch (RuntimeException e) {
            reserved.forEach(dedup::release);
            throw e;
        }
    }

    /** A version-4 UUID from the thread's generator: SecureRandom would be a contended lock on the hot path. */
    private static String randomId() {
        ThreadLocalRandom r = ThreadLocalRandom.current();
        long hi = (r.nextLong() & ~0xF000L) | 0x4000L;
        long lo = (r.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
        return new UUID(hi, lo).toString();
    }

    Outbox outbox() { return outbox; }

    IdempotentReplies replies() { return replies; }

    LongSupplier clock() { return clock; }

    FifoDeduplication dedup() { return dedup; }
}
