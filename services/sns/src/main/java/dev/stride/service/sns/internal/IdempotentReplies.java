package dev.stride.service.sns.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.stride.engine.spi.RecordStore;
import dev.stride.engine.spi.RecordStore.Write;
import dev.stride.service.JsonProtocol;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The first reply of each Publish or PublishBatch made with an idempotency key (a Task state's
 * token), committed with the publish itself, so a repeat after a crash or retry is answered
 * without publishing again. Records older than a day are not loaded back: a caller retries within
 * minutes, and the table must not grow without end.
 */
public final class IdempotentReplies {
    static final long KEEP_MILLIS = 24L * 60 * 60 * 1000;

    private final ConcurrentHashMap<String, JsonNode> replies = new ConcurrentHashMap<>();

    public void load(RecordStore store, long now) {
        store.scan(Tables.IDEMPOTENCY, (key, json) -> {
            JsonNode o = StoredRecords.parse(json);
            if (o.path("at").asLong() + KEEP_MILLIS > now) replies.put(key, o.get("reply"));
        });
    }

    /** The reply given to the key before, or null. */
    public JsonNode get(String key) { return key == null ? null : replies.get(key); }

    public Write record(String key, JsonNode reply, long now) {
        ObjectNode o = JsonProtocol.MAPPER.createObjectNode().put("at", now);
        o.set("reply", reply);
        return Write.put(Tables.IDEMPOTENCY, key, o.toString());
    }

    /** Remembers a reply once its record is committed. */
    public void remember(String key, JsonNode reply) { replies.putIfAbsent(key, reply); }
}
