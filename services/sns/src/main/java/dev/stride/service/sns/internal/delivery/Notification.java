package dev.stride.service.sns.internal.delivery;

import dev.stride.service.sns.internal.MessageAttribute;
import java.util.Map;

/**
 * One published message on its way to a topic's subscribers.
 *
 * @param messages       with MessageStructure json, the message per protocol ({@code sqs},
 *                       {@code http}, ...) besides {@code default}; empty otherwise
 * @param endpoint       the base URL of Stride the publisher used, for the envelope's links
 * @param deduplicationId a FIFO message's deduplication id (given, or the body's SHA-256); null for standard topics
 * @param sequenceNumber a FIFO message's sequence number; null for standard topics
 */
public record Notification(String messageId, String topicArn, String subject, String message, Map<String, String> messages,
                           Map<String, MessageAttribute> attributes, long timestampMillis, String endpoint,
                           String groupId, String deduplicationId, String sequenceNumber) {
    /** The text a subscriber of this protocol gets: its own entry of a json structure, else the default. */
    public String messageFor(String protocol) {
        String own = messages.get(protocol);
        return own != null ? own : message;
    }
}
