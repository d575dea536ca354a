package dev.stride.service.sqs.internal;

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
 * Exactly-once sends for Task states: the first call with an idempotency key stores its reply
 * in the same commit as its messages (the action adds {@link #record}), and a repeat — also
 * after a restart — gets that reply without sending again. Kept 24 hours.
 */
final class Idempotency {
    static final long KEEP_MILLIS = 24 * 60 * 60 * 1000L;

    private record Stored(long at, JsonNode reply) {}

    private final Map<String, Stored> replies = new ConcurrentHashMap<>();
    /** Calls with a key still running, so a concurrent repeat waits for the first instead of sending twice. */
    private final Map<String, CompletableFuture<JsonNode>> running = new ConcurrentHashMap<>();

    JsonNode run(String key, long now, Supplier<JsonNode> action) {
        Stored done = replies.get(key);
        if (done != null) return done.reply.deepCopy();
        CompletableFuture<JsonNode> mine = new CompletableFuture<>();
        CompletableFuture<JsonNode> other = running.putIfAbsent(key, mine);
        if (other != null) return waitFor(other).deepCopy();
        try {
            done = replies.get(key); // the first call may have finished between the two looks
            if (done != null) {
                mine.complete(done.reply);
                return done.reply.deepCopy();
            }
            JsonNode reply = action.get();
            replies.put(key, new Stored(now, reply.deepCopy()));
            mine.complete(reply);
            return reply;
        } catch (RuntimeException e) {
            mine.completeExceptionally(e);
            throw e;
        } finally {
            running.remove(key, mine);
        }
    }

    private static JsonNode waitFor(CompletableFuture<JsonNode> f) {
        try {
            return f.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException r) throw r;
            throw e;
        }
    }

    /** The record that keeps a reply; the action commits it with its own writes. */
    static Write record(String key, JsonNode reply, long now) {
        ObjectNode o = Json.object().put("t", now);
        o.set("r", reply);
        return Write.put(Records.IDEMPOTENCY, key, Json.write(o));
    }

    void restore(String key, JsonNode record) {
        replies.put(key, new Stored(record.path("t").asLong(), record.get("r")));
    }

    /** Forgets replies older than a day, adding the deletes of their records. */
    void prune(long now, List<Write> out) {
        replies.entrySet().removeIf(e -> {
            boolean old = now - e.getValue().at >= KEEP_MILLIS;
            if (old) out.add(Write.delete(Records.IDEMPOTENCY, e.getKey()));
            return old;
        });
    }
}
