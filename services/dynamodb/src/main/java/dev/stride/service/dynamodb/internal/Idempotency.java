package dev.stride.service.dynamodb.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.stride.engine.spi.RecordStore.Write;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * Exactly-once writes for in-process callers that may repeat a call after a crash (a Task
 * state's token): the first call with a key commits its reply together with its own writes
 * (actions add {@link #record}), and a repeat, also after a restart, gets that reply and changes
 * nothing. A concurrent repeat waits for the first. Replies are kept a day.
 */
final class Idempotency {
    static final long KEEP_MILLIS = 24 * 60 * 60 * 1000L;

    private record Stored(long at, JsonNode reply) {}

    private final Map<String, Stored> replies = new ConcurrentHashMap<>();
    private final Map<String, CompletableFuture<JsonNode>> running = new ConcurrentHashMap<>();

    JsonNode run(String key, Supplier<JsonNode> action) {
        Stored done = replies.get(key);
        if (done != null) return done.reply.deepCopy();
        CompletableFuture<JsonNode> mine = new CompletableFuture<>();
        CompletableFuture<JsonNode> other = running.putIfAbsent(key, mine);
        if (other != null) return join(other).deepCopy();
        try {
            done = replies.get(key); // the first call may have ended between the two looks
            JsonNode reply = done != null ? done.reply : action.get();
            mine.complete(reply);
            return reply.deepCopy();
        } catch (RuntimeException e) {
            mine.completeExceptionally(e);
            throw e;
        } finally {
            running.remove(key, mine);
        }
    }

    private static JsonNode join(CompletableFuture<JsonNode> f) {
        try {
            return f.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException r) throw r;
            throw e;
        }
    }

    /** Adds to {@code writes} the record keeping {@code reply} for {@code key} (nothing when key is null), and remembers it. */
    void record(String key, JsonNode reply, long now, List<Write> writes) {
        if (key == null) return;
        ObjectNode o = Json.object().put("t", now);
        o.set("r", reply);
        writes.add(Write.put(Records.IDEMPOTENCY, key, Json.write(o)));
        replies.put(key, new Stored(now, reply.deepCopy()));
    }

    void restore(String key, JsonNode record) { replies.put(key, new Stored(record.path("t").asLong(), record.get("r"))); }

    void prune(long now, List<Write> out) {
        replies.entrySet().removeIf(e -> {
            boolean old = now - e.getValue().at >= KEEP_MILLIS;
            if (old) out.add(Write.delete(Records.IDEMPOTENCY, e.getKey()));
            return old;
        });
    }
}
