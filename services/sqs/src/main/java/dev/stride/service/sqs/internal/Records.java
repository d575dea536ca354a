package dev.stride.service.sqs.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.stride.engine.spi.RecordStore.Write;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * SQS's tables in the record store and the JSON of their records. Member names are one letter
 * because a message record is written for every send.
 *
 * <ul>
 *   <li>{@code sqs.queues}: {@code region/account/name} → settings, tags, timestamps</li>
 *   <li>{@code sqs.messages}: queue key + {@code /} + 20-digit sequence → what was sent (written once)</li>
 *   <li>{@code sqs.deliveries}: the same key → receive count, visibility deadline, receipt of the last
 *       receive (small, rewritten on every receive, so the body is not)</li>
 *   <li>{@code sqs.dedup}: queue key + {@code /} + deduplication key → the message it first sent</li>
 *   <li>{@code sqs.idempotency}: a Task state's idempotency key → the reply of its first call</li>
 * </ul>
 */
final class Records {
    static final String QUEUES = "sqs.queues";
    static final String MESSAGES = "sqs.messages";
    static final String DELIVERIES = "sqs.deliveries";
    static final String DEDUP = "sqs.dedup";
    static final String IDEMPOTENCY = "sqs.idempotency";

    private Records() {}

    static String messageKey(String queueKey, long seq) {
        String digits = Long.toString(seq);
        StringBuilder b = new StringBuilder(queueKey.length() + 21).append(queueKey).append('/');
        for (int i = digits.length(); i < 20; i++) b.append('0');
        return b.append(digits).toString();
    }

    static Write putMessage(String queueKey, Message m) {
        ObjectNode o = Json.object();
        o.put("i", m.id).put("b", m.body).put("t", m.sentAt).put("v", m.visibleAt);
        if (m.retainedFrom != m.sentAt) o.put("e", m.retainedFrom);
        if (m.groupId != null) o.put("g", m.groupId);
        if (m.dedupId != null) o.put("d", m.dedupId);
        if (m.senderId != null) o.put("s", m.senderId);
        if (!m.attributes.isEmpty()) o.set("a", attributes(m.attributes));
        if (m.traceHeader() != null) o.put("x", m.traceHeader());
        if (m.receiveCount > 0) o.put("r", m.receiveCount).put("f", m.firstReceivedAt);
        if (m.sourceArn != null) o.put("o", m.sourceArn);
        return Write.put(MESSAGES, messageKey(queueKey, m.seq), Json.write(o));
    }

    static Write putDelivery(String queueKey, Message m) {
        String v = "{\"r\":" + m.receiveCount + ",\"f\":" + m.firstReceivedAt + ",\"v\":" + m.visibleAt + ",\"h\":" + m.receipt + "}";
        return Write.put(DELIVERIES, messageKey(queueKey, m.seq), v);
    }

    /** The deletes that remove a message: its record and its delivery record (a delete of a missing key is harmless). */
    static void deleteMessage(String queueKey, Message m, List<Write> out) {
        String key = messageKey(queueKey, m.seq);
        out.add(Write.delete(MESSAGES, key));
        if (m.receiveCount > 0) out.add(Write.delete(DELIVERIES, key));
    }

    static Message readMessage(long seq, JsonNode o) {
        List<MessageAttribute> attrs = readAttributes(o.get("a"));
        String trace = o.path("x").textValue();
        List<MessageAttribute> system = trace == null ? List.of() : List.of(new MessageAttribute("AWSTraceHeader", "String", trace, null));
        String body = o.path("b").asText();
        Message.Sent sent = new Message.Sent(body, attrs, system, Digests.md5Hex(MessageAttribute.utf8(body)), Digests.attributes(attrs),
                Digests.attributes(system), o.path("g").textValue(), o.path("d").textValue(), o.path("s").textValue());
        long sentAt = o.path("t").asLong();
        Message m = new Message(seq, o.path("i").asText(), sent, sentAt, o.path("e").asLong(sentAt), o.path("o").textValue());
        m.visibleAt = o.path("v").asLong();
        m.receiveCount = o.path("r").asInt();
        m.firstReceivedAt = o.path("f").asLong();
        return m;
    }

    static void readDelivery(Message m, JsonNode o) {
        m.receiveCount = o.path("r").asInt();
        m.firstReceivedAt = o.path("f").asLong();
        m.visibleAt = o.path("v").asLong();
        m.receipt = o.path("h").asLong();
    }

    private static ObjectNode attributes(List<MessageAttribute> attributes) {
        ObjectNode o = Json.object();
        for (MessageAttribute a : attributes) {
            ObjectNode v = o.putObject(a.name()).put("t", a.dataType());
            if (a.binary()) v.put("b", Base64.getEncoder().encodeToString(a.binaryValue()));
            else v.put("s", a.stringValue());
        }
        return o;
    }

    private static List<MessageAttribute> readAttributes(JsonNode o) {
        if (o == null || o.isEmpty()) return List.of();
        List<MessageAttribute> out = new ArrayList<>(o.size());
        for (Iterator<Map.Entry<String, JsonNode>> it = o.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            JsonNode v = e.getValue();
            byte[] bin = v.has("b") ? Base64.getDecoder().decode(v.get("b").asText()) : null;
            out.add(new MessageAttribute(e.getKey(), v.path("t").asText(), bin == null ? v.path("s").asText() : null, bin));
        }
        out.sort(null);
        return List.copyOf(out);
    }

    static Write putDedup(String queueKey, DedupWindow.Entry e) {
        ObjectNode o = Json.object().put("k", e.key()).put("m", e.messageId()).put("n", e.seq()).put("x", e.expiresAt());
        return Write.put(DEDUP, queueKey + "/" + e.key(), Json.write(o));
    }

    static Write deleteDedup(String queueKey, DedupWindow.Entry e) { return Write.delete(DEDUP, queueKey + "/" + e.key()); }

    static DedupWindow.Entry readDedup(JsonNode o) {
        return new DedupWindow.Entry(o.path("k").asText(), o.path("m").asText(), o.path("n").asLong(), o.path("x").asLong());
    }

    /** The queue key a message, delivery or dedup record belongs to: the key's first three segments. */
    static String queueKeyOf(String recordKey) {
        int first = recordKey.indexOf('/');
        int second = first < 0 ? -1 : recordKey.indexOf('/', first + 1);
        int third = second < 0 ? -1 : recordKey.indexOf('/', second + 1);
        return third < 0 ? null : recordKey.substring(0, third);
    }

    static long seqOf(String messageKey) { return Long.parseLong(messageKey.substring(messageKey.lastIndexOf('/') + 1)); }
}
