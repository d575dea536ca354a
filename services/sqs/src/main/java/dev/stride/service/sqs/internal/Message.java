package dev.stride.service.sqs.internal;

import java.util.List;

/**
 * A message in a queue: what was sent (never changes) and where it is in its delivery
 * lifecycle (changes under the queue's lock only).
 *
 * <pre>
 *   DELAYED --(delay over)--> READY --(received)--> IN_FLIGHT --(visibility over)--> READY
 *      any state --(deleted, purged, expired, moved to the dead-letter queue)--> GONE
 * </pre>
 */
final class Message {
    enum State { DELAYED, READY, IN_FLIGHT, GONE }

    final long seq;
    final String id;
    final String body;
    final List<MessageAttribute> attributes;
    final List<MessageAttribute> systemAttributes;
    final String md5OfBody;
    final String md5OfAttributes;
    final String md5OfSystemAttributes;
    final long sentAt;
    /** When retention counts from: the send, or for a FIFO dead-letter queue the move into it (as AWS). */
    final long retainedFrom;
    final String groupId;
    final String dedupId;
    final String senderId;
    /** The ARN of the queue it was moved from, for a message in a dead-letter queue. */
    final String sourceArn;

    State state;
    long visibleAt;
    int receiveCount;
    long firstReceivedAt;
    long receipt;

    Message(long seq, String id, Sent sent, long sentAt, long retainedFrom, String sourceArn) {
        this.seq = seq;
        this.id = id;
        this.body = sent.body();
        this.attributes = sent.attributes();
        this.systemAttributes = sent.systemAttributes();
        this.md5OfBody = sent.md5OfBody();
        this.md5OfAttributes = sent.md5OfAttributes();
        this.md5OfSystemAttributes = sent.md5OfSystemAttributes();
        this.groupId = sent.groupId();
        this.dedupId = sent.dedupId();
        this.senderId = sent.senderId();
        this.sentAt = sentAt;
        this.retainedFrom = retainedFrom;
        this.sourceArn = sourceArn;
    }

    /** The checked content of a send, before it has a place in a queue. */
    record Sent(String body, List<MessageAttribute> attributes, List<MessageAttribute> systemAttributes, String md5OfBody,
                String md5OfAttributes, String md5OfSystemAttributes, String groupId, String dedupId, String senderId) {}

    Sent content() {
        return new Sent(body, attributes, systemAttributes, md5OfBody, md5OfAttributes, md5OfSystemAttributes, groupId, dedupId, senderId);
    }

    String traceHeader() {
        return systemAttributes.isEmpty() ? null : systemAttributes.get(0).stringValue();
    }

    /** What one receive hands out: a copy taken under the lock, so replies are built outside it. */
    record Delivery(Message message, String receiptHandle, int receiveCount, long firstReceivedAt) {}
}
