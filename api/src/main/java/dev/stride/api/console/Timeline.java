package dev.stride.api.console;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An execution's timeline (a Gantt chart) as JSON for the page's script to draw: one lane per
 * state and Map iteration, in the order they were first entered, each with its spans from a
 * StateEntered to its StateExited (milliseconds from the execution's start). A lane in a Parallel
 * branch or a Map iteration says which. A span never exited ends at the last event: running,
 * or failed or aborted with the execution.
 *
 * <p>Compact on purpose: a loop that hits the 25,000-event quota has thousands of spans in
 * two lanes, so a span is {@code [start, end]}, with a third element only when it did not
 * succeed; the script merges spans closer than a pixel.
 */
final class Timeline {
    private Timeline() {}

    private static final class Lane {
        final ObjectNode json;
        final ArrayNode spans;
        long openedAt = -1;

        Lane(ObjectNode json) {
            this.json = json;
            this.spans = json.putArray("spans");
        }
    }

    static ObjectNode of(List<JsonNode> events, ExecutionPicture.Shape shape) {
        ObjectNode out = Html.MAPPER.createObjectNode();
        if (events.isEmpty()) {
            out.put("start", 0).put("end", 0).putArray("lanes");
            return out;
        }
        EventScopes scopes = EventScopes.of(events);
        long start = millis(events.getFirst());
        long end = millis(events.getLast());
        Map<Long, Integer> indexOf = new HashMap<>();
        Map<String, Lane> lanes = new LinkedHashMap<>();
        List<String> failedOpen = new ArrayList<>();
        for (JsonNode e : events) {
            long id = e.path("id").asLong();
            String type = e.path("type").asText();
            JsonNode details = ExecutionPicture.details(e);
            if (type.equals("MapIterationStarted")) indexOf.put(id, details.path("index").asInt());
            boolean entered = type.endsWith("StateEntered");
            if (!entered && !type.endsWith("StateExited")) continue;
            String name = details.path("name").asText();
            long iteration = scopes.iteration(id);
            String key = name + "#" + iteration;
            Lane lane = lanes.get(key);
            if (lane == null) {
                if (!entered) continue;
                ObjectNode json = Html.MAPPER.createObjectNode().put("state", name).put("type", type.substring(0, type.indexOf("State")));
                if (iteration >= 0) json.put("iteration", indexOf.getOrDefault(iteration, -1)).put("iterationEvent", iteration);
                String branch = shape.branchOf(name);
                if (branch != null) json.put("branch", branch);
                lane = new Lane(json);
                lanes.put(key, lane);
            }
            long at = millis(e) - start;
            if (entered) {
                if (lane.openedAt >= 0) lane.spans.add(span(lane.openedAt, at, "left")); // re-entered without an exit
                lane.openedAt = at;
                if (type.equals("FailStateEntered")) {
                    lane.spans.add(span(at, at, "failed"));
                    lane.openedAt = -1;
                }
            } else if (lane.openedAt >= 0) {
                lane.spans.add(span(lane.openedAt, at, null));
                lane.openedAt = -1;
            }
        }
        String ending = ending(events.getLast().path("type").asText());
        for (Lane lane : lanes.values()) {
            if (lane.openedAt >= 0) lane.spans.add(span(lane.openedAt, end - start, ending));
        }
        out.put("start", start).put("end", end);
        ArrayNode all = out.putArray("lanes");
        lanes.values().forEach(l -> all.add(l.json));
        return out;
    }

    private static String ending(String lastType) {
        return switch (lastType) {
            case "ExecutionFailed", "ExecutionTimedOut" -> "failed";
            case "ExecutionAborted" -> "aborted";
            case "ExecutionSucceeded" -> "left";
            default -> "running";
        };
    }

    private static ArrayNode span(long from, long to, String status) {
        ArrayNode s = Html.MAPPER.createArrayNode().add(from).add(to);
        return status == null ? s : s.add(status);
    }

    private static long millis(JsonNode e) {
        return Math.round(e.path("timestamp").asDouble() * 1000);
    }
}
