package dev.stride.service.dynamodb.expression.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** Building and describing DynamoDB-JSON values. */
final class JsonNodes {
    static final JsonNodeFactory F = JsonNodeFactory.instance;

    /** Stands in for an operand that could not be resolved, so that parsing can go on to find the first problem. */
    static final JsonNode NULL_VALUE = F.objectNode().put("NULL", true);

    private JsonNodes() {}

    static ObjectNode number(String text) { return F.objectNode().put("N", text); }

    /** DynamoDB's brief form in messages: {@code {N:5}}, {@code {S:abc}}. */
    static String brief(JsonNode value) {
        String key = value.fieldNames().next();
        JsonNode payload = value.get(key);
        return "{" + key + ":" + (payload.isValueNode() ? payload.asText() : payload.toString()) + "}";
    }
}
