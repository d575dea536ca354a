package dev.stride.integrations.internal;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * URL encoding of a JSON object for the HTTP Task's {@code RequestBodyEncoding: URL_ENCODED} and its
 * query parameters. Arrays follow {@code ArrayFormat} (INDICES by default, as AWS); nested objects
 * use bracket keys ({@code a[b]=c}).
 */
public final class FormEncoding {
    public enum ArrayFormat { BRACKETS, COMMAS, INDICES, REPEAT }

    private FormEncoding() {}

    public static String encode(JsonNode object, ArrayFormat format) {
        List<String> pairs = new ArrayList<>();
        Iterator<Map.Entry<String, JsonNode>> it = object.fields();
        while (it.hasNext()) {
            var e = it.next();
            add(pairs, e.getKey(), e.getValue(), format);
        }
        return String.join("&", pairs);
    }

    private static void add(List<String> pairs, String key, JsonNode v, ArrayFormat format) {
        if (v.isObject()) {
            v.fields().forEachRemaining(e -> add(pairs, key + "[" + e.getKey() + "]", e.getValue(), format));
        } else if (v.isArray()) {
            if (format == ArrayFormat.COMMAS) {
                List<String> items = new ArrayList<>();
                for (JsonNode item : v) items.add(scalar(item));
                pairs.add(enc(key) + "=" + enc(String.join(",", items)));
                return;
            }
            for (int i = 0; i < v.size(); i++) {
                String k = switch (format) {
                    case BRACKETS -> key + "[]";
                    case INDICES -> key + "[" + i + "]";
                    default -> key;
                };
                add(pairs, k, v.get(i), format);
            }
        } else {
            pairs.add(enc(key) + "=" + enc(scalar(v)));
        }
    }

    private static String scalar(JsonNode v) {
        if (v.isNull()) return "";
        return v.isValueNode() ? v.asText() : v.toString();
    }

    private static String enc(String s) { return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20"); }
}
