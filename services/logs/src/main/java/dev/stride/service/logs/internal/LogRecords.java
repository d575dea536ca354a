package dev.stride.service.logs.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.stride.engine.spi.RecordStore;
import dev.stride.engine.spi.RecordStore.Write;
import dev.stride.service.JsonProtocol;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;

/**
 * The Logs tables in the record store. Keys: a group is {@code region/account/name} (group names
 * cannot hold {@code |}); a stream is the group key, {@code |}, its name; an event is the stream
 * key, {@code :} (stream names cannot hold it) and a 20-digit sequence, written once.
 */
final class LogRecords {
    static final String GROUPS = "logs.groups";
    static final String STREAMS = "logs.streams";
    static final String EVENTS = "logs.events";

    private LogRecords() {}

    static String streamKey(LogGroup g, String stream) { return g.key + "|" + stream; }

    static String eventKey(String streamKey, long seq) { return streamKey + ":" + String.format("%020d", seq); }

    static Write putGroup(LogGroup g) {
        ObjectNode o = JsonProtocol.MAPPER.createObjectNode().put("n", g.name).put("c", g.createdAt);
        if (g.retentionInDays != null) o.put("r", g.retentionInDays);
        if (!g.tags.isEmpty()) g.tags.forEach(o.putObject("t")::put);
        return Write.put(GROUPS, g.key, o.toString());
    }

    static Write putStream(LogGroup g, LogStream s) {
        return Write.put(STREAMS, streamKey(g, s.name), "{\"c\":" + s.createdAt + "}");
    }

    static Write putEvent(String streamKey, LogStream.Event e) {
        ObjectNode o = JsonProtocol.MAPPER.createObjectNode().put("t", e.timestamp()).put("m", e.message()).put("i", e.ingestion());
        return Write.put(EVENTS, eventKey(streamKey, e.seq()), o.toString());
    }

    /** Reads every table back into the groups map. */
    static void load(RecordStore store, Map<String, LogGroup> groups) {
        store.scan(GROUPS, (key, value) -> {
            JsonNode o = read(value);
            LogGroup g = new LogGroup(key, o.path("n").asText(), o.path("c").asLong());
            if (o.has("r")) g.retentionInDays = o.get("r").asInt();
            o.path("t").properties().forEach(e -> g.tags.put(e.getKey(), e.getValue().asText()));
            groups.put(key, g);
        });
        store.scan(STREAMS, (key, value) -> {
            int bar = key.indexOf('|');
            LogGroup g = groups.get(key.substring(0, bar));
            if (g != null) g.streams.put(key.substring(bar + 1), new LogStream(key.substring(bar + 1), read(value).path("c").asLong()));
        });
        store.scan(EVENTS, (key, value) -> {
            int colon = key.lastIndexOf(':');
            String streamKey = key.substring(0, colon);
            int bar = streamKey.indexOf('|');
            LogGroup g = groups.get(streamKey.substring(0, bar));
            LogStream s = g == null ? null : g.streams.get(streamKey.substring(bar + 1));
            if (s == null) return;
            JsonNode o = read(value);
            s.add(new LogStream.Event(o.path("t").asLong(), o.path("m").asText(), o.path("i").asLong(), Long.parseLong(key.substring(colon + 1))));
        });
    }

    private static JsonNode read(String value) {
        try {
            return JsonProtocol.MAPPER.readTree(value);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
