package dev.stride.service.dynamodb.expression;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.stride.service.ServiceException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Test shorthand: DynamoDB JSON written with single quotes, and contexts built from it. */
final class Json {
    static final ObjectMapper MAPPER = new ObjectMapper().configure(JsonParser.Feature.ALLOW_SINGLE_QUOTES, true);

    private Json() {}

    static ObjectNode item(String json) {
        try {
            return (ObjectNode) MAPPER.readTree(json);
        } catch (Exception e) {
            throw new IllegalArgumentException(json, e);
        }
    }

    static JsonNode value(String json) { return item(json); }

    /** values like "{':v':{'N':'1'}}", names like "{'#n':'name'}"; either may be null. */
    static ExpressionContext context(String values, String names) {
        Map<String, JsonNode> v = new LinkedHashMap<>();
        if (values != null) item(values).properties().forEach(e -> v.put(e.getKey(), e.getValue()));
        Map<String, String> n = new LinkedHashMap<>();
        if (names != null) item(names).properties().forEach(e -> n.put(e.getKey(), e.getValue().asText()));
        return new ExpressionContext(n, v);
    }

    static ExpressionContext values(String values) { return context(values, null); }

    static void assertValidation(ThrowingCallable call, String message) {
        assertThatThrownBy(call).isInstanceOf(ServiceException.class)
                .hasMessage(message)
                .satisfies(e -> {
                    ServiceException se = (ServiceException) e;
                    if (!se.code().equals("ValidationException") || se.status() != 400) throw new AssertionError(se.code());
                });
    }
}
