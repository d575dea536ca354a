package dev.stride.service.sns.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Reads an action's parameters in the API's JSON shape. Values arrive from Step Functions as
 * JSON types and from the query protocol as strings, so booleans accept both.
 */
public final class Params {
    private Params() {}

    /** The text of a member, or null when it is absent or JSON null. */
    public static String text(JsonNode params, String name) {
        JsonNode v = params.get(name);
        return v == null || v.isNull() ? null : v.asText();
    }

    /** The text of a member that must be present and non-empty, else {@code Invalid parameter: <name>}. */
    public static String required(JsonNode params, String name) {
        String v = text(params, name);
        if (v == null || v.isEmpty()) throw SnsErrors.invalidParameter(name);
        return v;
    }

    public static boolean flag(JsonNode params, String name) {
        JsonNode v = params.get(name);
        if (v == null || v.isNull()) return false;
        return v.isBoolean() ? v.booleanValue() : "true".equalsIgnoreCase(v.asText());
    }

    /** A string-to-string map member ({@code Attributes}); values that are JSON are kept as their text. */
    public static Map<String, String> stringMap(JsonNode params, String name) {
        Map<String, String> out = new LinkedHashMap<>();
        JsonNode v = params.get(name);
        if (v instanceof ObjectNode o) {
            o.properties().forEach(e -> out.put(e.getKey(), e.getValue().isTextual() ? e.getValue().textValue() : e.getValue().toString()));
        }
        return out;
    }

    /** A {@code [{Key, Value}]} tag list as an ordered map. */
    public static Map<String, String> tags(JsonNode params, String name) {
        Map<String, String> out = new LinkedHashMap<>();
        JsonNode v = params.get(name);
        if (v == null || !v.isArray()) return out;
        for (JsonNode t : v) {
            String key = text(t, "Key");
            if (key == null || key.isEmpty()) throw SnsErrors.invalidParameter("Tags Reason: Tag keys must be between 1 and 128 characters in length.");
            String value = text(t, "Value");
            out.put(key, value == null ? "" : value);
        }
        return out;
    }
}
