package dev.stride.expr;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** The one JSON mapper configuration used everywhere, and compact (AWS-style) rendering. */
public final class Json {
    public static final ObjectMapper MAPPER = new ObjectMapper();
    public static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private Json() {}

    /**
     * An empty object for about {@code fields} members, for the objects a state builds on the hot
     * path (Parameters, ResultPath copies): a small one keeps its members in one array
     * ({@link SmallFieldMap}), a larger one in a hash map sized for them.
     */
    public static ObjectNode object(int fields) {
        return new ObjectNode(NODES, fields <= SmallFieldMap.SMALL ? new SmallFieldMap(fields)
                : java.util.LinkedHashMap.newLinkedHashMap(fields));
    }

    /** Compact JSON text, as AWS renders payloads in history and error causes. */
    public static String write(JsonNode node) {
        try {
            return MAPPER.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialise JSON value: " + e.getMessage(), e);
        }
    }

    public static JsonNode parse(String text) {
        try {
            return MAPPER.readTree(text);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("invalid JSON: " + e.getOriginalMessage(), e);
        }
    }
}
