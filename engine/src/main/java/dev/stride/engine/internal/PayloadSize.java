package dev.stride.engine.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.stride.expr.Json;
import java.nio.charset.StandardCharsets;
import java.util.function.BiConsumer;

/**
 * AWS's 256 KiB payload quota. Checking runs on every transition, so it first walks the value
 * with a cheap upper-bound estimate and serialises only when that estimate is near the limit.
 */
final class PayloadSize {
    static final int MAX_PAYLOAD_BYTES = 256 * 1024;

    private PayloadSize() {}

    static boolean exceeds(JsonNode value, int limit) {
        if (value == null || !value.isContainerNode() && !value.isTextual()) return false;
        if (estimate(value, limit) <= limit) return false;
        return Json.write(value).getBytes(StandardCharsets.UTF_8).length > limit;
    }

    /** The exact UTF-8 size of the value as JSON text. */
    static long bytes(JsonNode value) {
        return Json.write(value).getBytes(StandardCharsets.UTF_8).length;
    }

    /** An upper bound of the UTF-8 size (6 bytes per char covers escapes), stopping once past the limit. */
    private static long estimate(JsonNode v, long limit) {
        if (v.isTextual()) return 2 + 6L * v.textValue().length();
        if (v.isValueNode()) return 24;
        if (v.isObject()) {
            Members members = new Members(limit);
            ((ObjectNode) v).forEachEntry(members);
            return members.total;
        }
        long total = 2;
        for (int i = 0; i < v.size() && total <= limit; i++) total += 1 + estimate(v.get(i), limit - total);
        return total;
    }

    /**
     * Sums an object's members. A visitor rather than an iterator: it runs on every state output,
     * and iterating allocates an entry set, an iterator and (for small objects) an entry per member.
     */
    private static final class Members implements BiConsumer<String, JsonNode> {
        private final long limit;
        long total = 2;

        Members(long limit) { this.limit = limit; }

        @Override
        public void accept(String key, JsonNode value) {
            if (total <= limit) total += 4 + 6L * key.length() + estimate(value, limit - total);
        }
    }
}
