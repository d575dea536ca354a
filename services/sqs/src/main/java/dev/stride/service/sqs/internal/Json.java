package dev.stride.service.sqs.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.stride.service.JsonProtocol;

/** The one shared mapper, and reading and writing the small JSON records without checked exceptions. */
final class Json {
    static final ObjectMapper MAPPER = JsonProtocol.MAPPER;

    private Json() {}

    static ObjectNode object() { return MAPPER.createObjectNode(); }

    static String write(JsonNode node) {
        try {
            return MAPPER.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write a record", e);
        }
    }

    static JsonNode read(String text) {
        try {
            return MAPPER.readTree(text);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a stored SQS record is not JSON: " + e.getOriginalMessage(), e);
        }
    }

    /** Parses text given as a policy or redrive document, or null when it is no JSON object. */
    static ObjectNode parseObject(String text) {
        try {
            return MAPPER.readTree(text) instanceof ObjectNode o ? o : null;
        } catch (JsonProcessingException e) {
            return null;
        }
    }
}
