package dev.stride.service.sns.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.stride.service.JsonProtocol;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

/**
 * A Publish (or one PublishBatch entry) read and checked against its topic, with AWS's texts.
 *
 * @param messages with MessageStructure json, each protocol's message (the {@code default} one is {@link #message})
 */
record PublishInput(String message, String subject, Map<String, String> messages, Map<String, MessageAttribute> attributes,
                    String groupId, String deduplicationId) {
    static final int MAX_BYTES = 256 * 1024;

    static PublishInput read(JsonNode p, Topic topic) {
        String message = Params.text(p, "Message");
        if (message == null || message.isEmpty()) throw SnsErrors.invalidParameter("Empty message");
        Map<String, MessageAttribute> attributes = MessageAttributes.read(p);
        if (size(message, attributes) > MAX_BYTES) throw SnsErrors.invalidParameter("Message too long");
        String subject = Params.text(p, "Subject");
        if (subject != null) checkSubject(subject);
        Map<String, String> messages = Map.of();
        String structure = Params.text(p, "MessageStructure");
        if (structure != null && !structure.isEmpty()) {
            if (!structure.equals("json")) throw SnsErrors.invalidParameter("MessageStructure");
            messages = perProtocol(message);
            message = messages.get("default");
        }
        String groupId = Params.text(p, "MessageGroupId");
        String dedupId = Params.text(p, "MessageDeduplicationId");
        if (topic.fifo()) {
            if (groupId == null || groupId.isEmpty()) throw SnsErrors.invalidParameter("The MessageGroupId parameter is required for FIFO topics");
            if ((dedupId == null || dedupId.isEmpty()) && !topic.contentBasedDeduplication()) {
                throw SnsErrors.invalidParameter("The topic should either have ContentBasedDeduplication enabled or MessageDeduplicationId provided explicitly");
            }
            checkFifoId("MessageGroupId", groupId);
            if (dedupId != null) checkFifoId("MessageDeduplicationId", dedupId);
        } else {
            if (groupId != null) throw SnsErrors.invalidParameter("MessageGroupId Reason: The request includes MessageGroupId parameter that is not valid for this topic type");
            if (dedupId != null) throw SnsErrors.invalidParameter("MessageDeduplicationId Reason: The request includes MessageDeduplicationId parameter that is not valid for this topic type");
        }
        return new PublishInput(message, subject, messages, attributes, groupId, dedupId);
    }

    /** The size SNS counts against 256 KiB: the message and every attribute's name, type and value. */
    static int size(String message, Map<String, MessageAttribute> attributes) {
        int n = utf8Length(message);
        for (Map.Entry<String, MessageAttribute> e : attributes.entrySet()) {
            MessageAttribute a = e.getValue();
            n += utf8Length(e.getKey()) + utf8Length(a.dataType()) + utf8Length(a.envelopeValue());
        }
        return n;
    }

    private static int utf8Length(String s) {
        if (s == null) return 0;
        int ascii = s.length();
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) >= 0x80) return s.getBytes(StandardCharsets.UTF_8).length;
        }
        return ascii;
    }

    private static void checkSubject(String subject) {
        // SNS takes printable ASCII up to 100 characters that does not start with a space; no line breaks
        boolean valid = !subject.isEmpty() && subject.length() <= 100 && subject.charAt(0) != ' ';
        for (int i = 0; valid && i < subject.length(); i++) {
            char c = subject.charAt(i);
            valid = c >= 0x20 && c < 0x7f;
        }
        if (!valid) throw SnsErrors.invalidParameter("Subject");
    }

    private static void checkFifoId(String name, String id) {
        boolean valid = id.length() <= 128;
        for (int i = 0; valid && i < id.length(); i++) {
            char c = id.charAt(i);
            valid = c > 0x20 && c < 0x7f;
        }
        if (!valid) throw SnsErrors.invalidParameter(name + " Reason: " + name + " can only contain alphanumeric characters and punctuation, and be at most 128 characters long");
    }

    private static Map<String, String> perProtocol(String message) {
        JsonNode parsed;
        try {
            parsed = JsonProtocol.MAPPER.readTree(message);
        } catch (JsonProcessingException e) {
            parsed = null;
        }
        if (parsed == null || !parsed.isObject()) throw SnsErrors.invalidParameter("Message Structure - JSON message body failed to parse");
        JsonNode fallback = parsed.get("default");
        if (fallback == null || !fallback.isTextual()) throw SnsErrors.invalidParameter("Message Structure - No default entry in JSON message body");
        Map<String, String> out = new HashMap<>();
        parsed.properties().forEach(e -> out.put(e.getKey(), e.getValue().isTextual() ? e.getValue().textValue() : e.getValue().toString()));
        return Map.copyOf(out);
    }
}
