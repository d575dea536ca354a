package dev.stride.service;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * An HTTP request routed to a service, with what the endpoint already knows of its caller.
 *
 * @param method   GET, POST, ...
 * @param path     the decoded path ({@code /} or a queue's {@code /123456789012/orders})
 * @param rawQuery the undecoded query string, or null
 * @param headers  header name (lower case) to its values
 * @param body     the body's bytes
 * @param region   the caller's region (SigV4 credential scope, else the server's)
 * @param account  the caller's account
 * @param endpoint the base URL the client used ({@code http://localhost:8083}), from its Host header
 */
public record ServiceRequest(String method, String path, String rawQuery, Map<String, List<String>> headers, byte[] body,
                             String region, String account, String endpoint) {
    public ServiceRequest {
        Map<String, List<String>> lower = new LinkedHashMap<>();
        headers.forEach((k, v) -> lower.put(k.toLowerCase(Locale.ROOT), List.copyOf(v)));
        headers = Map.copyOf(lower);
        if (body == null) body = new byte[0];
    }

    /** The first value of a header (any case), or null. */
    public String header(String name) {
        List<String> v = headers.get(name.toLowerCase(Locale.ROOT));
        return v == null || v.isEmpty() ? null : v.get(0);
    }

    /**
     * The query protocol's parameters: the URL's query string and, for a form POST, the body's,
     * decoded, in order (a later value of a name wins).
     */
    public Map<String, String> form() {
        Map<String, String> out = new LinkedHashMap<>();
        decode(rawQuery, out);
        String type = header("content-type");
        if (body.length > 0 && (type == null || type.toLowerCase(Locale.ROOT).startsWith("application/x-www-form-urlencoded"))) {
            decode(new String(body, StandardCharsets.UTF_8), out);
        }
        return out;
    }

    private static void decode(String text, Map<String, String> out) {
        if (text == null || text.isEmpty()) return;
        for (String pair : text.split("&")) {
            if (pair.isEmpty()) continue;
            int eq = pair.indexOf('=');
            String k = eq < 0 ? pair : pair.substring(0, eq);
            String v = eq < 0 ? "" : pair.substring(eq + 1);
            out.put(URLDecoder.decode(k, StandardCharsets.UTF_8), URLDecoder.decode(v, StandardCharsets.UTF_8));
        }
    }
}
