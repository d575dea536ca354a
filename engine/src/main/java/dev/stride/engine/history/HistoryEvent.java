package dev.stride.engine.history;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.JsonAutoDetect.Visibility;
import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.stride.expr.Json;
import java.time.Instant;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

/**
 * One execution-history event as AWS records it. {@code details} is the object under the
 * event's details member ({@code detailsKey}, e.g. "stateEnteredEventDetails"), or null.
 *
 * <p>Recording is on the hot path, so details may be given as a supplier and built only when
 * first read (most events of a fast execution are never read in full). Payload fields
 * ({@code input}, {@code output}, {@code parameters}) are kept as JSON values and turned into
 * JSON text only when the event is rendered.
 */
@JsonAutoDetect(fieldVisibility = Visibility.NONE, getterVisibility = Visibility.NONE, isGetterVisibility = Visibility.NONE)
public final class HistoryEvent {
    private static final Set<String> PAYLOAD_FIELDS = Set.of("input", "output", "parameters");

    // ids are ints: a history holds at most 25,000 events on AWS, and the engine's own quota
    // keeps it far below Integer.MAX_VALUE.
    private final int id;
    private final int previousEventId;
    private final long timestampMillis;
    private final String type;
    private final String detailsKey;
    /**
     * The details, or the supplier that builds them on first read. Final, so recording an event
     * costs no fence (two volatile writes per event did); only a lazily built value is published
     * through a volatile field, once, when first read. Two readers racing on it may both build
     * the details; they build equal objects.
     */
    private final Object details;
    /** With a {@link Shape} in {@link #details}: the values the details are built from. */
    private final String shapeName;
    private final JsonNode shapePayload;
    private volatile ObjectNode built;
    private volatile String encoded;

    @JsonCreator
    public HistoryEvent(@JsonProperty("id") long id, @JsonProperty("previousEventId") long previousEventId,
                        @JsonProperty("timestampMillis") long timestampMillis, @JsonProperty("type") String type,
                        @JsonProperty("detailsKey") String detailsKey, @JsonProperty("details") ObjectNode details) {
        this(id, previousEventId, timestampMillis, type, detailsKey, (Object) details, null, null);
    }

    /** @param details the details, a supplier of them, a {@link Shape}, or null */
    private HistoryEvent(long id, long previousEventId, long timestampMillis, String type, String detailsKey, Object details,
                         String shapeName, JsonNode shapePayload) {
        this.id = Math.toIntExact(id);
        this.previousEventId = Math.toIntExact(previousEventId);
        this.timestampMillis = timestampMillis;
        this.type = type;
        this.detailsKey = detailsKey;
        this.details = details;
        this.shapeName = shapeName;
        this.shapePayload = shapePayload;
    }

    /**
     * How the details of a frequent kind of event are built from a name and a payload (a state's
     * name and input, say). A shaped event holds those two values itself, so recording it costs
     * one object, where a supplier would cost two.
     */
    @FunctionalInterface
    public interface Shape {
        ObjectNode build(String name, JsonNode payload);
    }

    /** An event whose details are built on first read, by the shape, from the name and payload. */
    public static HistoryEvent shaped(long id, long previousEventId, long timestampMillis, String type, String detailsKey,
                                      Shape shape, String name, JsonNode payload) {
        return new HistoryEvent(id, previousEventId, timestampMillis, type, detailsKey, shape, name, payload);
    }

    /** An event whose details are built on first read. */
    public static HistoryEvent lazy(long id, long previousEventId, long timestampMillis, String type, String detailsKey,
                                    Supplier<ObjectNode> details) {
        return new HistoryEvent(id, previousEventId, timestampMillis, type, detailsKey, (Object) details, null, null);
    }

    @JsonProperty public long id() { return id; }

    @JsonProperty public long previousEventId() { return previousEventId; }

    @JsonProperty public long timestampMillis() { return timestampMillis; }

    @JsonProperty public String type() { return type; }

    @JsonProperty public String detailsKey() { return detailsKey; }

    @JsonProperty
    public ObjectNode details() {
        if (details == null || details instanceof ObjectNode) return (ObjectNode) details;
        ObjectNode d = built;
        if (d == null) {
            d = details instanceof Shape shape ? shape.build(shapeName, shapePayload) : (ObjectNode) ((Supplier<?>) details).get();
            built = d;
        }
        return d;
    }

    /**
     * The event as compact JSON text ({@link EventRuns} format), made once. A durable engine asks
     * for it on the worker that recorded the event, so the store's single writer thread only
     * joins texts.
     */
    public String encoded() {
        String text = encoded;
        if (text == null) encoded = text = EventRuns.encode(this);
        return text;
    }

    /** The event shaped as in GetExecutionHistory, payloads as JSON text. */
    public ObjectNode toApiShape(boolean includeData) {
        ObjectNode out = Json.NODES.objectNode();
        out.put("timestamp", Instant.ofEpochMilli(timestampMillis).toString());
        out.put("type", type);
        out.put("id", id);
        out.put("previousEventId", previousEventId);
        ObjectNode d = details();
        if (detailsKey != null && d != null) out.set(detailsKey, renderDetails(d, includeData));
        return out;
    }

    private static ObjectNode renderDetails(ObjectNode details, boolean includeData) {
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

    @Override
    public boolean equals(Object o) {
        return o instanceof HistoryEvent e && id == e.id && previousEventId == e.previousEventId
                && timestampMillis == e.timestampMillis && type.equals(e.type)
                && java.util.Objects.equals(detailsKey, e.detailsKey) && java.util.Objects.equals(details(), e.details());
    }

    @Override
    public int hashCode() { return java.util.Objects.hash(id, previousEventId, type); }

    @Override
    public String toString() {
        return id + "/" + previousEventId + " " + type + (detailsKey == null ? "" : " " + details());
    }
}
