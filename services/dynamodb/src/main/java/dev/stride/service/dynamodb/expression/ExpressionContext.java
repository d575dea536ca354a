package dev.stride.service.dynamodb.expression;

import com.fasterxml.jackson.databind.JsonNode;
import dev.stride.service.dynamodb.expression.internal.Errors;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.StringJoiner;

/**
 * The ExpressionAttributeNames ({@code #n -> name}) and ExpressionAttributeValues
 * ({@code :v -> {"S": "x"}}) of one request, shared by all the expressions of that request, so
 * that after parsing them all the request can be refused for names or values it never used, as
 * DynamoDB does.
 *
 * <p>Not thread-safe: one context belongs to one request.
 */
public final class ExpressionContext {
    private final Map<String, String> names;
    private final Map<String, JsonNode> values;
    private final Set<String> usedNames = new HashSet<>();
    private final Set<String> usedValues = new HashSet<>();

    /** Either map may be null (the request had none). */
    public ExpressionContext(Map<String, String> names, Map<String, JsonNode> values) {
        this.names = names == null ? Map.of() : names;
        this.values = values == null ? Map.of() : values;
    }

    public Map<String, String> names() { return names; }

    public Map<String, JsonNode> values() { return values; }

    /**
     * The attribute name {@code placeholder} ("#n") stands for, or null when the request does
     * not define it; marks it used. Called by the parsers.
     */
    public String name(String placeholder) {
        String name = names.get(placeholder);
        if (name != null) usedNames.add(placeholder);
        return name;
    }

    /**
     * The value {@code placeholder} (":v") stands for, or null when the request does not define
     * it; marks it used and, the first time, refuses it if malformed ("ExpressionAttributeValues
     * contains invalid value: ... for key :v"). Called by the parsers.
     */
    public JsonNode value(String placeholder) {
        JsonNode value = values.get(placeholder);
        if (value != null && usedValues.add(placeholder)) AttributeValues.validate(value, placeholder);
        return value;
    }

    /**
     * Throws ValidationException ("Value provided in ExpressionAttributeValues unused in
     * expressions: keys: {:x}" / "Value provided in ExpressionAttributeNames unused in
     * expressions: keys: {#x}") when a name or value was supplied but no parsed expression used it.
     */
    public void checkAllUsed() {
        String unusedValues = unused(values.keySet(), usedValues);
        if (unusedValues != null) {
            throw Errors.validation("Value provided in ExpressionAttributeValues unused in expressions: keys: " + unusedValues);
        }
        String unusedNames = unused(names.keySet(), usedNames);
        if (unusedNames != null) {
            throw Errors.validation("Value provided in ExpressionAttributeNames unused in expressions: keys: " + unusedNames);
        }
    }

    private static String unused(Set<String> supplied, Set<String> used) {
        if (used.size() == supplied.size()) return null;
        StringJoiner keys = new StringJoiner(", ", "{", "}");
        for (String key : supplied) {
            if (!used.contains(key)) keys.add(key);
        }
        return keys.toString();
    }
}
