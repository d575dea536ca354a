package dev.stride.api.console;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Which Map iteration and which state each event of a history belongs to, found in one pass in
 * event order (an event's {@code previousEventId} always names an earlier event), so a
 * 25,000-event history costs 25,000 steps, not a walk back along the chain for each event.
 *
 * <p>An event is in the iteration of the event before it on its chain; a MapIterationStarted opens
 * its own; the event after a MapIterationSucceeded (or Failed, Aborted) is back outside it: in the
 * iteration around the Map (-1 at the top). Its state is its own {@code name}, or, for an event that names
 * none (TaskScheduled, ParallelStateSucceeded), the state of the event before it.
 */
final class EventScopes {
    private final Map<Long, Long> iteration = new HashMap<>();
    private final Map<Long, String> state = new HashMap<>();
    private final Map<Long, String> types = new HashMap<>();
    /** Each iteration's (by its MapIterationStarted id) Map state, and the iteration around it (-1: none). */
    private final Map<Long, String> mapOf = new HashMap<>();
    private final Map<Long, Long> outside = new HashMap<>();

    private EventScopes() {}

    static EventScopes of(List<JsonNode> events) {
        EventScopes s = new EventScopes();
        for (JsonNode e : events) s.add(e);
        return s;
    }

    private void add(JsonNode e) {
        long id = e.path("id").asLong();
        long prev = e.path("previousEventId").asLong();
        String type = e.path("type").asText();
        long in = iteration.getOrDefault(prev, -1L);
        String before = types.get(prev);
        JsonNode name = ExecutionPicture.details(e).get("name");
        if (type.equals("MapIterationStarted")) {
            // The engine chains an iteration's start to its sibling's last event: the same Map's, so the same outside.
            String map = name == null ? "" : name.asText();
            outside.put(id, in >= 0 && map.equals(mapOf.get(in)) ? outside.getOrDefault(in, -1L) : in);
            mapOf.put(id, map);
            in = id;
        } else if (in >= 0 && before != null && before.startsWith("MapIteration") && !before.equals("MapIterationStarted")) {
            in = outside.getOrDefault(in, -1L); // out of the iteration that just ended
        }
        types.put(id, type);
        iteration.put(id, in);
        state.put(id, name != null && name.isTextual() ? name.asText() : state.getOrDefault(prev, ""));
    }

    /** The id of the MapIterationStarted event of the iteration the event is in, or -1. */
    long iteration(long eventId) { return iteration.getOrDefault(eventId, -1L); }

    /** The state the event belongs to, or "" (ExecutionStarted). */
    String state(long eventId) { return state.getOrDefault(eventId, ""); }
}
