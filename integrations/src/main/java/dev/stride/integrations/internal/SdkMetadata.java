package dev.stride.integrations.internal;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.stride.expr.Json;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

/** The SdkHttpMetadata / SdkResponseMetadata members optimized integrations add to their output. */
public final class SdkMetadata {
    private SdkMetadata() {}

    /** Adds both members to {@code out}; {@code headers} are the response headers to show. */
    public static void add(ObjectNode out, int status, String requestId, Map<String, String> headers) {
        Map<String, String> all = new LinkedHashMap<>();
        all.put("Content-Type", "application/x-amz-json-1.0");
        all.put("Date", DateTimeFormatter.RFC_1123_DATE_TIME.format(ZonedDateTime.now(ZoneOffset.UTC)));
        all.putAll(headers);
        all.put("x-amzn-RequestId", requestId);
        ObjectNode http = out.putObject("SdkHttpMetadata");
        ObjectNode allHeaders = http.putObject("AllHttpHeaders");
        ObjectNode single = http.putObject("HttpHeaders");
        all.forEach((k, v) -> {
            allHeaders.putArray(k).add(v);
            single.put(k, v);
        });
        http.put("HttpStatusCode", status);
        out.putObject("SdkResponseMetadata").put("RequestId", requestId);
    }

    /**
     * Adds both members with exactly these response headers, in the order the wire had them
     * ({@code AllHttpHeaders}); {@code HttpHeaders} lists them sorted regardless of case, as AWS shows it.
     */
    public static void addExactly(ObjectNode out, int status, String requestId, Map<String, String> wireHeaders) {
        ObjectNode http = out.putObject("SdkHttpMetadata");
        ObjectNode allHeaders = http.putObject("AllHttpHeaders");
        wireHeaders.forEach((k, v) -> allHeaders.putArray(k).add(v));
        ObjectNode single = http.putObject("HttpHeaders");
        Map<String, String> sorted = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        sorted.putAll(wireHeaders);
        sorted.forEach(single::put);
        http.put("HttpStatusCode", status);
        out.putObject("SdkResponseMetadata").put("RequestId", requestId);
    }

    public static ObjectNode object() { return Json.NODES.objectNode(); }
}
