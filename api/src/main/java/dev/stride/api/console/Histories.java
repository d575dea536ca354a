package dev.stride.api.console;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Execution histories as GetExecutionHistory answers them, kept for the requests that follow a
 * page (its picture, each step of the stepper, the timeline, a branch or iteration): a
 * 25,000-event history is 25 calls of 1,000 events, about a second and a half, and stepping
 * through it would pay that on every step.
 *
 * <p>A history only grows, so a kept one is checked with one call for its newest event and
 * extended with the events after the ones it holds; a redriven execution's new events arrive the
 * same way. At most {@link #KEEP_EVENTS} events are kept in all, the least recently used history
 * dropped first.
 */
final class Histories {
    static final int KEEP_EVENTS = 60_000;
    private final Backend backend;
    private final Map<String, List<JsonNode>> kept = new LinkedHashMap<>(16, 0.75f, true);
    private int keptEvents;

    Histories(Backend backend) { this.backend = backend; }

    /** The whole history, oldest first; the list is not to be changed. */
    List<JsonNode> of(String arn) {
        List<JsonNode> known;
        synchronized (kept) {
            known = kept.get(arn);
        }
        List<JsonNode> events;
        if (known == null) {
            events = read(arn);
        } else if (newestId(arn) == known.size()) {
            return known;
        } else {
            events = new ArrayList<>(known);
            newer(arn, events);
        }
        keep(arn, known, events);
        return events;
    }

    private void keep(String arn, List<JsonNode> before, List<JsonNode> events) {
        List<JsonNode> fixed = List.copyOf(events);
        synchronized (kept) {
            if (before != null && kept.remove(arn) != null) keptEvents -= before.size();
            if (fixed.size() > KEEP_EVENTS) return;
            kept.put(arn, fixed);
            keptEvents += fixed.size();
            for (Iterator<List<JsonNode>> it = kept.values().iterator(); keptEvents > KEEP_EVENTS && it.hasNext(); ) {
                keptEvents -= it.next().size();
                it.remove();
            }
        }
    }

    private List<JsonNode> read(String arn) {
        List<JsonNode> out = new ArrayList<>();
        ObjectNode req = Html.MAPPER.createObjectNode().put("executionArn", arn).put("maxResults", 1000);
        while (true) {
            JsonNode page = backend.stepFunctions("GetExecutionHistory", req);
            page.path("events").forEach(out::add);
            if (!page.hasNonNull("nextToken")) return out;
            req.put("nextToken", page.get("nextToken").asText());
        }
    }

    private long newestId(String arn) {
        JsonNode page = backend.stepFunctions("GetExecutionHistory", Html.MAPPER.createObjectNode().put("executionArn", arn)
                .put("maxResults", 1).put("reverseOrder", true));
        return page.path("events").path(0).path("id").asLong(0);
    }

    /**
     * Appends to {@code known} (the first events of the history, in order) the events recorded
     * since, read newest first so a long history is not read again for each new event.
     */
    void newer(String arn, List<JsonNode> known) {
        List<JsonNode> fresh = new ArrayList<>();
        ObjectNode req = Html.MAPPER.createObjectNode().put("executionArn", arn).put("maxResults", 100).put("reverseOrder", true);
        outer:
        while (true) {
            JsonNode page = backend.stepFunctions("GetExecutionHistory", req);
            for (JsonNode e : page.path("events")) {
                if (e.path("id").asLong() <= known.size()) break outer;
                fresh.add(e);
            }
            if (!page.hasNonNull("nextToken")) break;
            req.put("nextToken", page.get("nextToken").asText());
        }
        for (int i = fresh.size() - 1; i >= 0; i--) known.add(fresh.get(i));
    }
}
