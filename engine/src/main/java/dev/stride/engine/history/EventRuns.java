package dev.stride.engine.history;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.stride.expr.Json;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * A compact text form for a run of history events, for stores: a JSON array with one array per
 * event, {@code [id, previousEventId, timestampMillis, "type", "detailsKey" | null, {details} | null]}.
 *
 * <p>Why: a durable store that writes one row per event pays per row (bind calls, B-tree
 * inserts) twelve times for the smallest execution. One row per run of events costs the same
 * bytes and a fraction of the work, and each event's text is made on the worker that recorded
 * it ({@link HistoryEvent#encoded()}).
 */
public final class EventRuns {
    private EventRuns() {}

    /** The events as one JSON array text. */
    public static String encode(List<HistoryEvent> events) {
        int size = 2;
        for (HistoryEvent e : events) size += e.encoded().length() + 1;
        StringBuilder out = new StringBuilder(size).append('[');
        for (int i = 0; i < events.size(); i++) {
            if (i > 0) out.append(',');
            out.append(events.get(i).encoded());
        }
        return out.append(']').toString();
    }

    private static final JsonFactory FACTORY = Json.MAPPER.getFactory();
    /** Per thread: a provider instance carries per-call state; setting one up per event is what cost. */
    private static final ThreadLocal<SerializerProvider> PROVIDER = ThreadLocal.withInitial(Json.MAPPER::getSerializerProviderInstance);

    /**
     * One event's array. Written with a bare generator: ObjectMapper.writeValueAsString sets up a
     * serializer provider per call, which was most of a durable worker's time (profiled).
     */
    static String encode(HistoryEvent e) {
        StringWriter out = new StringWriter(160);
        try (JsonGenerator g = FACTORY.createGenerator(out)) {
            g.writeStartArray();
            g.writeNumber(e.id());
            g.writeNumber(e.previousEventId());
            g.writeNumber(e.timestampMillis());
            g.writeString(e.type());
            if (e.detailsKey() == null) g.writeNull();
            else g.writeString(e.detailsKey());
            ObjectNode details = e.details();
            if (details == null) g.writeNull();
            else details.serialize(g, PROVIDER.get());
            g.writeEndArray();
        } catch (IOException impossible) {
            throw new UncheckedIOException(impossible); // a StringWriter does not fail
        }
        return out.toString();
    }

    /** Events from {@link #encode(List)} text, in order. */
    public static List<HistoryEvent> decode(String text) {
        JsonNode runs = Json.parse(text);
        List<HistoryEvent> out = new ArrayList<>(runs.size());
        for (JsonNode e : runs) {
            JsonNode key = e.get(4);
            JsonNode details = e.get(5);
            out.add(new HistoryEvent(e.get(0).asLong(), e.get(1).asLong(), e.get(2).asLong(), e.get(3).asText(),
                    key.isNull() ? null : key.asText(), details instanceof ObjectNode o ? o : null));
        }
        return out;
    }

}
