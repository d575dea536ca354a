package dev.stride.api;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.function.Function;

/**
 * AWS-style pagination over an ordered list. The token names the first item of the next page by
 * its key (not an offset), so items added to the front meanwhile do not shift later pages.
 */
final class Pages {
    static final int DEFAULT_SIZE = 100;

    private Pages() {}

    /** maxResults as the model allows it: 0-1000, 0 meaning the default. */
    static int size(Request r) {
        int max = r.integer("maxResults", 0);
        if (max < 0) throw ApiError.constraint("'" + max + "'", "maxResults", "Member must have value greater than or equal to 0");
        if (max > 1000) throw ApiError.constraint("'" + max + "'", "maxResults", "Member must have value less than or equal to 1000");
        return max == 0 ? DEFAULT_SIZE : max;
    }

    /**
     * Writes one page of {@code items} into {@code out} under {@code member}, plus nextToken when
     * more remain.
     */
    static <T> void write(Request r, List<T> items, Function<T, String> key, ObjectNode out, String member,
                          Function<T, ObjectNode> render) {
        int size = size(r);
        int from = start(r.string("nextToken"), items, key);
        ArrayNode page = out.putArray(member);
        int to = Math.min(items.size(), from + size);
        for (int i = from; i < to; i++) page.add(render.apply(items.get(i)));
        if (to < items.size()) out.put("nextToken", encode(key.apply(items.get(to))));
    }

    private static <T> int start(String token, List<T> items, Function<T, String> key) {
        if (token == null) return 0;
        String wanted = decode(token);
        for (int i = 0; i < items.size(); i++) if (key.apply(items.get(i)).equals(wanted)) return i;
        throw ApiError.INVALID_TOKEN.quoting("Invalid Token", "Invalid token");
    }

    static String encode(String key) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(key.getBytes(StandardCharsets.UTF_8));
    }

    static String decode(String token) {
        try {
            return new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw ApiError.INVALID_TOKEN.quoting("Invalid Token", "Invalid token");
        }
    }
}
