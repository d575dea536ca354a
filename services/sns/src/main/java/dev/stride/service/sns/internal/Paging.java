package dev.stride.service.sns.internal;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import java.util.NavigableMap;
import java.util.function.Consumer;

/**
 * Pages of 100 through an ARN-ordered map, as the SNS List actions do. The NextToken is the
 * last ARN of the page, opaque to clients; the next page starts after it, so items added or
 * removed meanwhile never shift a page.
 */
final class Paging {
    static final int PAGE = 100;

    private Paging() {}

    static <T> void page(NavigableMap<String, T> items, String prefix, String token, ObjectNode reply, Consumer<T> each) {
        String from = prefix;
        boolean inclusive = true;
        if (token != null && !token.isEmpty()) {
            from = decode(token);
            if (!from.startsWith(prefix)) throw SnsErrors.invalidParameter("NextToken");
            inclusive = false;
        }
        int n = 0;
        String last = null;
        for (Map.Entry<String, T> e : items.tailMap(from, inclusive).entrySet()) {
            if (!e.getKey().startsWith(prefix)) break;
            if (n == PAGE) {
                reply.put("NextToken", Base64.getUrlEncoder().withoutPadding().encodeToString(last.getBytes(StandardCharsets.UTF_8)));
                return;
            }
            each.accept(e.getValue());
            last = e.getKey();
            n++;
        }
    }

    private static String decode(String token) {
        try {
            return new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw SnsErrors.invalidParameter("NextToken");
        }
    }
}
