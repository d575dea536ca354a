package dev.stride.service.sqs.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.stride.service.ServiceCall;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Dead-letter queue redrive (StartMessageMoveTask, ListMessageMoveTasks,
 * CancelMessageMoveTask). Locally a move finishes within the call: every message not in flight
 * goes to the destination, or back to the queue it came from, and the task is listed as
 * COMPLETED. Task listings live in memory only.
 */
final class MessageMoves {
    private final Context ctx;
    private final Map<String, List<ObjectNode>> tasksBySource = new ConcurrentHashMap<>();

    MessageMoves(Context ctx) { this.ctx = ctx; }

    JsonNode start(ServiceCall call) {
        String sourceArn = Params.required(call.params(), "SourceArn");
        String destinationArn = Params.text(call.params(), "DestinationArn");
        Queue source = ctx.queues().byArn(sourceArn);
        if (source == null) throw Errors.resourceNotFound("The resource that you specified for the SourceArn parameter doesn't exist.");
        Queue destination = destinationArn == null ? null : ctx.queues().byArn(destinationArn);
        if (destinationArn != null && destination == null) {
            throw Errors.resourceNotFound("The resource that you specified for the DestinationArn parameter doesn't exist.");
        }
        long now = ctx.now();
        List<Message> taken = new ArrayList<>();
        source.lock.lock();
        try {
            source.advance(now);
            for (Message m : source.snapshot()) {
                Queue to = destination != null ? destination : ctx.queues().byArn(m.sourceArn);
                if (m.state != Message.State.IN_FLIGHT && to != null && to != source) {
                    source.detach(m);
                    taken.add(m);
                }
            }
        } finally {
            source.lock.unlock();
        }
        for (Message m : taken) {
            MessageTransfer.move(ctx, source, m, destination != null ? destination : ctx.queues().byArn(m.sourceArn), now, null);
        }
        String handle = UUID.randomUUID().toString();
        ObjectNode task = Json.object().put("TaskHandle", handle).put("Status", "COMPLETED").put("SourceArn", sourceArn)
                .put("ApproximateNumberOfMessagesMoved", taken.size()).put("ApproximateNumberOfMessagesToMove", taken.size())
                .put("StartedTimestamp", now);
        if (destinationArn != null) task.put("DestinationArn", destinationArn);
        tasksBySource.computeIfAbsent(sourceArn, k -> new ArrayList<>()).add(0, task);
        return Json.object().put("TaskHandle", handle);
    }

    JsonNode list(ServiceCall call) {
        String sourceArn = Params.required(call.params(), "SourceArn");
        if (ctx.queues().byArn(sourceArn) == null) {
            throw Errors.resourceNotFound("The resource that you specified for the SourceArn parameter doesn't exist.");
        }
        int max = Params.ranged(call.params(), "MaxResults", 1, 1, 10, "MaxResults must be between 1 and 10.");
        ArrayNode results = Json.MAPPER.createArrayNode();
        List<ObjectNode> tasks = tasksBySource.getOrDefault(sourceArn, List.of());
        for (int i = 0; i < tasks.size() && i < max; i++) {
            ObjectNode t = tasks.get(i).deepCopy();
            t.remove("TaskHandle"); // AWS lists the handle of running tasks only
            results.add(t);
        }
        ObjectNode out = Json.object();
        out.set("Results", results);
        return out;
    }

    JsonNode cancel(ServiceCall call) {
        Params.required(call.params(), "TaskHandle");
        // every local move is over by the time its start returns, so there is never one to cancel
        throw Errors.resourceNotFound("The task that you specified for the TaskHandle parameter doesn't exist or is not running.");
    }
}
