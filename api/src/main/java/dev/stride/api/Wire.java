package dev.stride.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;

/** JSON on the wire: strict parsing, compact writing, and AWS JSON 1.0 timestamps (epoch seconds). */
final class Wire {
    static final ObjectMapper MAPPER = new ObjectMapper().enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
    static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private Wire() {}

    static ObjectNode object() { return NODES.objectNode(); }

    /** Parses JSON text, throwing the given error type with AWS's "Prefix: 'detail'" message. */
    static JsonNode parse(String text, ApiError error, String prefix) {
        try {
            JsonNode node = MAPPER.readTree(text);
            if (node == null || node.isMissingNode()) throw error.quoting(prefix, "No content to map due to end-of-input");
            return node;
        } catch (JsonProcessingException e) {
            throw error.quoting(prefix, e.getOriginalMessage());
        }
    }

    static String write(JsonNode node) {
        try {
            return MAPPER.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialise JSON value: " + e.getMessage(), e);
        }
    }

    static byte[] bytes(JsonNode node) {
        try {
            return MAPPER.writeValueAsBytes(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialise JSON value: " + e.getMessage(), e);
        }
    }

    /** AWS JSON 1.0 writes timestamps as epoch seconds, fractional to the millisecond. */
    static BigDecimal seconds(long epochMillis) { return BigDecimal.valueOf(epochMillis, 3); }
}
