package dev.stride.service.s3.internal;

import dev.stride.service.ServiceRequest;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * An S3 HTTP request with its bucket and key found: virtual-hosted ({@code Host:
 * bucket.localhost:8083}, {@code bucket.s3.localhost}, {@code bucket.s3.<region>.localhost}) or
 * path-style ({@code /bucket/key}). The key is the rest of the decoded path, taken as data: it
 * never names a file.
 *
 * @param bucket null for the service itself (ListBuckets)
 * @param key    null for the bucket itself
 * @param query  decoded query parameters; a name without a value maps to ""
 */
public record S3Request(ServiceRequest http, InputStream body, String bucket, String key, Map<String, String> query) {
    /** A request body this large is not an XML document of ours (DeleteObjects of 1000 keys is well under it). */
    private static final int MAX_XML = 8 * 1024 * 1024;

    public static S3Request of(ServiceRequest http, InputStream body) {
        Map<String, String> query = query(http.rawQuery());
        String path = http.path() == null || http.path().isEmpty() ? "/" : http.path();
        String hosted = virtualBucket(http.header("host"));
        if (hosted != null) return new S3Request(http, body, hosted, path.length() > 1 ? path.substring(1) : null, query);
        String rest = path.substring(1);
        if (rest.isEmpty()) return new S3Request(http, body, null, null, query);
        int slash = rest.indexOf('/');
        if (slash < 0 || slash == rest.length() - 1) return new S3Request(http, body, slash < 0 ? rest : rest.substring(0, slash), null, query);
        return new S3Request(http, body, rest.substring(0, slash), rest.substring(slash + 1), query);
    }

    /**
     * The bucket a Host header names, or null: {@code <bucket>.localhost}, {@code <bucket>.s3.localhost}
     * and {@code <bucket>.s3.<region>.localhost}, any port.
     */
    public static String virtualBucket(String host) {
        if (host == null) return null;
        String h = host.toLowerCase(Locale.ROOT);
        int colon = h.lastIndexOf(':');
        if (colon > 0 && h.indexOf(']') < colon) h = h.substring(0, colon);
        if (!h.endsWith(".localhost")) return null;
        String labels = h.substring(0, h.length() - ".localhost".length());
        int s3 = labels.lastIndexOf(".s3");
        if (s3 > 0 && (labels.endsWith(".s3") || labels.substring(s3 + 3).startsWith("."))) labels = labels.substring(0, s3);
        return labels.isEmpty() || labels.equals("s3") || labels.startsWith("s3.") ? null : labels;
    }

    public String method() { return http.method(); }

    public String header(String name) { return http.header(name); }

    public boolean has(String param) { return query.containsKey(param); }

    public String param(String name) { return query.get(name); }

    /** The resource for error documents: {@code /bucket/key}. */
    public String resource() {
        return "/" + (bucket == null ? "" : bucket) + (key == null ? "" : "/" + key);
    }

    /** The body of a small XML request, read whole. */
    public byte[] smallBody() {
        try {
            byte[] b = body.readNBytes(MAX_XML + 1);
            if (b.length > MAX_XML) throw S3Errors.malformedXml();
            return b;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Map<String, String> query(String raw) {
        Map<String, String> out = new LinkedHashMap<>();
        if (raw == null || raw.isEmpty()) return out;
        for (String pair : raw.split("&")) {
            if (pair.isEmpty()) continue;
            int eq = pair.indexOf('=');
            String k = eq < 0 ? pair : pair.substring(0, eq);
            String v = eq < 0 ? "" : pair.substring(eq + 1);
            out.putIfAbsent(URLDecoder.decode(k, StandardCharsets.UTF_8), URLDecoder.decode(v, StandardCharsets.UTF_8));
        }
        return out;
    }
}
