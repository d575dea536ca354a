package dev.stride.engine.history;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.stride.expr.Json;
import java.time.Instant;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;

/**
 * One execution-history event as AWS records it. {@code details} is the object under the
 * event's details member ({@code detailsKey}, e.g. "stateEnteredEventDetails"), or null.
 * Payload fields ({@code input}, {@code output}, {@code parameters}) are kept as JSON values and
 * turned into JSON text only when the event is rendered, so recording costs no serialisation.
 */
public record HistoryEvent(long id, long previousEventId, long timestampMillis, String type, String detailsKey, ObjectNode details) {
    private static final Set<String> PAYLOAD_FIELDS = Set.of("input", "output", "parameters");

    /** The event shaped as in GetExecutionHistory, payloads as JSON text. */
    public ObjectNode toApiShape(boolean includeData) {
        ObjectNode out = Json.NODES.objectNode();
        out.put("timestamp", Instant.ofEpochMilli(timestampMillis).toString());
        out.put("type", type);
        out.put("id", id);
        out.put("previousEventId", previousEventId);
        if (detailsKey != null) out.set(detailsKey, renderDetails(includeData));
        return out;
    }

    private ObjectNode renderDetails(boolean includeData) {
        ObjectNode d = Json.NODES.objectNode();
        Iterator<Map.Entry<String, JsonNode>> it = details.fields();
        while (it.hasNext()) {
            var e = it.next();
            if (PAYLOAD_FIELDS.contains(e.getKey())) {
                if (includeData) d.put(e.getKey(), Json.write(e.getValue()));
            } else {
                d.set(e.getKey(), e.getValue());
            }
        }
        return d;
    }
}
