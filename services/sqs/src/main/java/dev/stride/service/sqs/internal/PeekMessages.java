package dev.stride.service.sqs.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.stride.service.ServiceCall;

/**
 * A queue's messages as they are, without receiving them: no visibility timeout starts, no
 * receive is counted. For the console; not an AWS action, and no HTTP route reaches it.
 * Params: QueueUrl, MaxNumberOfMessages (default 50, at most 500).
 */
final class PeekMessages {
    private final Context ctx;

    PeekMessages(Context ctx) { this.ctx = ctx; }

    JsonNode peek(ServiceCall call) {
        Queue q = ctx.queues().resolve(call, call.params().path("QueueUrl").asText(""));
        int max = Math.max(1, Math.min(500, call.params().path("MaxNumberOfMessages").asInt(50)));
        ObjectNode out = Json.MAPPER.createObjectNode();
        ArrayNode list = out.putArray("Messages");
        int total = 0;
        q.lock.lock();
        try {
            for (Message m : q.messages.values()) {
                if (m.state == Message.State.GONE) continue;
                total++;
                if (list.size() >= max) continue;
                ObjectNode o = list.addObject().put("MessageId", m.id).put("Body", m.body).put("State", m.state.name())
                        .put("SentTimestamp", m.sentAt).put("ReceiveCount", m.receiveCount);
                if (m.groupId != null) o.put("MessageGroupId", m.groupId);
                if (m.state != Message.State.READY) o.put("VisibleAt", m.visibleAt);
            }
        } finally {
            q.lock.unlock();
        }
        return out.put("Total", total);
    }
}
