package dev.stride.service.dynamodb.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.stride.engine.spi.RecordStore.Write;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * TransactWriteItems' ClientRequestToken: for ten minutes a repeat of the same request with the
 * same token succeeds without writing again, and a different request with that token is
 * refused (IdempotentParameterMismatchException), as DynamoDB does. Kept in the store with the
 * transaction's own writes, so a retry after a restart is recognised too.
 */
final class ClientTokens {
    static final long WINDOW_MILLIS = 10 * 60 * 1000L;

    private record Used(long at, String request) {}

    private final Map<String, Used> used = new ConcurrentHashMap<>();

    static String tokenKey(String region, String account, String token) { return region + "/" + account + "/" + token; }

    /** True when this exact request already ran under the token; throws when another one did. */
    boolean seen(String key, String request, long now) {
        Used u = used.get(key);
        if (u == null || now - u.at >= WINDOW_MILLIS) return false;
        if (!u.request.equals(request)) throw Errors.idempotentParameterMismatch();
        return true;
    }

    void record(String key, String request, long now, List<Write> writes) {
        used.put(key, new Used(now, request));
        ObjectNode o = Json.object().put("t", now).put("q", request);
        writes.add(Write.put(Records.TOKENS, key, Json.write(o)));
    }

    void restore(String key, JsonNode o) { used.put(key, new Used(o.path("t").asLong(), o.path("q").asText())); }

    void prune(long now, List<Write> out) {
        used.entrySet().removeIf(e -> {
            boolean old = now - e.getValue().at >= WINDOW_MILLIS;
            if (old) out.add(Write.delete(Records.TOKENS, e.getKey()));
            return old;
        });
    }
}
