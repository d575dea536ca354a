package dev.stride.service.sqs.internal;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * What a receive asked to see of each message — system attributes (AttributeNames and
 * MessageSystemAttributeNames) and message attributes (MessageAttributeNames) — and the
 * Message it returns.
 */
record ReceiveView(Set<String> system, boolean allSystem, List<String> messageAttributes) {
    private static final Set<String> SYSTEM_NAMES = Set.of("SenderId", "SentTimestamp", "ApproximateReceiveCount",
            "ApproximateFirstReceiveTimestamp", "MessageGroupId", "MessageDeduplicationId", "SequenceNumber", "AWSTraceHeader",
            "DeadLetterQueueSourceArn", "SqsManagedSseEnabled");

    static ReceiveView of(ObjectNode p) {
        List<String> names = new ArrayList<>(Params.strings(p, "AttributeNames"));
        names.addAll(Params.strings(p, "MessageSystemAttributeNames"));
        boolean all = false;
        for (String n : names) {
            if (n.equals("All")) all = true;
            else if (!SYSTEM_NAMES.contains(n)) throw Errors.invalidAttributeName(n);
        }
        return new ReceiveView(Set.copyOf(names), all, Params.strings(p, "MessageAttributeNames"));
    }

    private boolean wants(String name) { return allSystem || system.contains(name); }

    ObjectNode render(Message.Delivery d) {
        Message m = d.message();
        ObjectNode o = Json.object();
        o.put("MessageId", m.id).put("ReceiptHandle", d.receiptHandle()).put("MD5OfBody", m.md5OfBody).put("Body", m.body);
        if (allSystem || !system.isEmpty()) {
            ObjectNode a = Json.object();
            if (wants("SenderId") && m.senderId != null) a.put("SenderId", m.senderId);
            if (wants("SentTimestamp")) a.put("SentTimestamp", Long.toString(m.sentAt));
            if (wants("ApproximateReceiveCount")) a.put("ApproximateReceiveCount", Integer.toString(d.receiveCount()));
            if (wants("ApproximateFirstReceiveTimestamp")) a.put("ApproximateFirstReceiveTimestamp", Long.toString(d.firstReceivedAt()));
            if (wants("MessageGroupId") && m.groupId != null) a.put("MessageGroupId", m.groupId);
            if (wants("MessageDeduplicationId") && m.dedupId != null) a.put("MessageDeduplicationId", m.dedupId);
            if (wants("SequenceNumber") && m.dedupId != null) a.put("SequenceNumber", SendActions.sequenceNumber(m.seq));
            if (wants("AWSTraceHeader") && m.traceHeader() != null) a.put("AWSTraceHeader", m.traceHeader());
            if (wants("DeadLetterQueueSourceArn") && m.sourceArn != null) a.put("DeadLetterQueueSourceArn", m.sourceArn);
            if (!a.isEmpty()) o.set("Attributes", a);
        }
        List<MessageAttribute> shown = MessageAttributes.select(m.attributes, messageAttributes);
        if (!shown.isEmpty()) {
            // the MD5 covers the attributes returned, which is what the SDKs check it against
            o.put("MD5OfMessageAttributes", shown.size() == m.attributes.size() ? m.md5OfAttributes : Digests.attributes(shown));
            o.set("MessageAttributes", MessageAttributes.toJson(shown));
        }
        return o;
    }
}
