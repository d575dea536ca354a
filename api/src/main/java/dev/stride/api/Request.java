package dev.stride.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** One operation's input members, with AWS's checks for required and typed members. */
final class Request {
    private final ObjectNode body;

    Request(ObjectNode body) { this.body = body; }

    String required(String member) {
        String value = string(member);
        if (value == null) throw ApiError.constraint("null", member, "Member must not be null");
        return value;
    }

    String string(String member) {
        JsonNode v = body.get(member);
        if (v == null || v.isNull()) return null;
        if (!v.isTextual()) throw ApiError.SERIALIZATION.with("Expected a string for member '" + member + "'");
        return v.textValue();
    }

    String string(String member, String fallback) {
        String v = string(member);
        return v == null ? fallback : v;
    }

    boolean bool(String member, boolean fallback) {
        JsonNode v = body.get(member);
        if (v == null || v.isNull()) return fallback;
        if (!v.isBoolean()) throw ApiError.SERIALIZATION.with("Expected a boolean for member '" + member + "'");
        return v.booleanValue();
    }

    int integer(String member, int fallback) {
        JsonNode v = body.get(member);
        if (v == null || v.isNull()) return fallback;
        if (!v.canConvertToInt() || !v.isIntegralNumber()) {
            throw ApiError.SERIALIZATION.with("Expected an integer for member '" + member + "'");
        }
        return v.intValue();
    }

    /** An object or array member, or null. */
    JsonNode node(String member) {
        JsonNode v = body.get(member);
        return v == null || v.isNull() ? null : v;
    }

    /** Checks a string's length against the model's bounds. */
    static String bounded(String member, String value, int max) {
        if (value != null && value.length() > max) {
            throw ApiError.constraint("'" + value + "'", member,
                    "Member must have length less than or equal to " + max);
        }
        return value;
    }
}
