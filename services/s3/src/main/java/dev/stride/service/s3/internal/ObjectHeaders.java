package dev.stride.service.s3.internal;

import dev.stride.service.ServiceRequest;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Headers that describe an object: the content headers S3 stores and returns
 * (Content-Type, Content-Encoding, Cache-Control, Content-Disposition, Content-Language, Expires),
 * user metadata ({@code x-amz-meta-*}), and the headers of a GET or HEAD reply.
 */
final class ObjectHeaders {
    static final List<String> STORED = List.of("content-type", "content-encoding", "cache-control", "content-disposition",
            "content-language", "expires");
    private static final String META = "x-amz-meta-";

    private ObjectHeaders() {}

    /** What an upload says about its object, from its headers. */
    static ObjectWrite write(ServiceRequest r, boolean conditional) {
        return new ObjectWrite(content(r), metadata(r), conditional ? r.header("if-match") : null,
                conditional ? r.header("if-none-match") : null);
    }

    static Map<String, String> content(ServiceRequest r) {
        Map<String, String> out = new LinkedHashMap<>();
        for (String h : STORED) {
            String v = r.header(h);
            if (v == null) continue;
            if (h.equals("content-encoding")) v = withoutAwsChunked(v);
            if (v != null && !v.isEmpty()) out.put(h, v);
        }
        return out;
    }

    static Map<String, String> metadata(ServiceRequest r) {
        Map<String, String> out = new LinkedHashMap<>();
        r.headers().forEach((name, values) -> {
            if (name.startsWith(META) && !values.isEmpty()) out.put(name.substring(META.length()), String.join(",", values));
        });
        return out;
    }

    /** aws-chunked is how the body was sent, not what it is: S3 does not store it. */
    private static String withoutAwsChunked(String encoding) {
        StringBuilder b = new StringBuilder();
        for (String e : encoding.split(",")) {
            String t = e.strip();
            if (t.isEmpty() || t.equalsIgnoreCase("aws-chunked")) continue;
            if (b.length() > 0) b.append(',');
            b.append(t);
        }
        return b.toString();
    }

    /**
     * The headers of a GET or HEAD reply for this object; {@code response-*} query parameters
     * override the stored content headers (as presigned download links use them). Checksums only
     * when asked for ({@code x-amz-checksum-mode: ENABLED}) and for the whole object.
     */
    static Map<String, String> reply(ObjectMeta o, S3Request r, boolean whole) {
        Map<String, String> h = new LinkedHashMap<>();
        h.put("ETag", o.eTag());
        h.put("Last-Modified", Replies.httpDate(o.lastModified()));
        h.put("Accept-Ranges", "bytes");
        o.contentHeaders().forEach((k, v) -> {
            if (!k.equals("content-type")) h.put(k, v);
        });
        o.userMetadata().forEach((k, v) -> h.put(META + k, v));
        for (String stored : STORED) {
            String override = r.param("response-" + stored);
            if (override != null && !stored.equals("content-type")) h.put(stored, override);
        }
        if (whole && "ENABLED".equalsIgnoreCase(r.header("x-amz-checksum-mode"))) checksums(o.checksums(), h);
        return h;
    }

    static String contentType(ObjectMeta o, S3Request r) {
        String override = r.param("response-content-type");
        return override != null ? override : o.contentType();
    }

    static void checksums(Map<String, String> checksums, Map<String, String> h) {
        checksums.forEach((alg, v) -> {
            h.put("x-amz-checksum-" + alg.toLowerCase(Locale.ROOT), v);
            h.put("x-amz-checksum-type", v.contains("-") ? "COMPOSITE" : "FULL_OBJECT");
        });
    }
}
