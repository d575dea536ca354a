package dev.stride.service.sqs.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/**
 * One message to send (a SendMessage, or one entry of a batch), checked against its queue
 * before any lock is taken: body characters and size, attributes, delay, and for FIFO queues
 * the group and deduplication ids.
 */
record SendInput(Message.Sent sent, int delaySeconds, String dedupKey, int size) {
    private static final String DELAY_RANGE = "DelaySeconds must be >= 0 and <= 900.";
    private static final String NOT_FOR_THIS_QUEUE = "The request include parameter that is not valid for this queue type.";

    static SendInput of(ObjectNode p, Queue q, String senderId) {
        QueueSettings settings = q.settings;
        String body = body(p);
        Bodies.checkCharacters(body);
        List<MessageAttribute> attrs = MessageAttributes.parse(Params.object(p, "MessageAttributes"));
        List<MessageAttribute> system = MessageAttributes.parseSystem(Params.object(p, "MessageSystemAttributes"));
        byte[] bodyBytes = MessageAttribute.utf8(body);
        int attrBytes = MessageAttributes.size(attrs);
        Bodies.checkSize(bodyBytes.length, attrBytes, settings.maximumMessageSize);

        int delay = Params.ranged(p, "DelaySeconds", settings.delaySeconds, 0, 900, DELAY_RANGE);
        String group = Params.text(p, "MessageGroupId");
        String dedupId = Params.text(p, "MessageDeduplicationId");
        String dedupKey = null;
        if (q.fifo) {
            if (Params.has(p, "DelaySeconds") && delay != 0) throw Errors.invalidParameter("DelaySeconds", delay, NOT_FOR_THIS_QUEUE);
            delay = settings.delaySeconds;
            if (group == null || group.isEmpty()) throw Errors.missing("MessageGroupId");
            checkId("MessageGroupId", group);
            if (dedupId == null || dedupId.isEmpty()) {
                if (!settings.contentBasedDeduplication) {
                    throw Errors.invalidValue("The queue should either have ContentBasedDeduplication enabled or MessageDeduplicationId provided explicitly");
                }
                dedupId = Digests.sha256Hex(bodyBytes);
            } else {
                checkId("MessageDeduplicationId", dedupId);
            }
            // a space can be in neither id, so it separates them without ambiguity
            dedupKey = settings.dedupPerGroup ? group + " " + dedupId : dedupId;
        } else if (dedupId != null) {
            throw Errors.invalidParameter("MessageDeduplicationId", dedupId, NOT_FOR_THIS_QUEUE);
        } else if (group != null) {
            checkId("MessageGroupId", group); // standard queues take a group id too (fair queues)
        }
        Message.Sent sent = new Message.Sent(body, attrs, system, Digests.md5Hex(bodyBytes), Digests.attributes(attrs),
                Digests.attributes(system), group, dedupId, senderId);
        return new SendInput(sent, delay, dedupKey, bodyBytes.length + attrBytes);
    }

    /** The body's text; a Task state may give any JSON value, which is sent as its JSON text (as Step Functions does). */
    private static String body(ObjectNode p) {
        JsonNode b = p.get("MessageBody");
        if (b == null || b.isNull() || (b.isTextual() && b.textValue().isEmpty())) throw Errors.missing("MessageBody");
        return b.isTextual() ? b.textValue() : Json.write(b);
    }

    /** Group and deduplication ids: 1 to 128 alphanumeric or punctuation characters. */
    private static void checkId(String parameter, String id) {
        boolean ok = id.length() <= 128;
        for (int i = 0; ok && i < id.length(); i++) {
            char c = id.charAt(i);
            ok = c > 0x20 && c < 0x7F;
        }
        if (!ok) {
            throw Errors.invalidParameter(parameter, id, parameter + " can only include alphanumeric and punctuation characters. 1 to 128 in length.");
        }
    }
}
