package dev.stride.service.dynamodb.expression;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.stride.service.dynamodb.expression.internal.ConditionNode;
import dev.stride.service.dynamodb.expression.internal.DocumentPath;
import dev.stride.service.dynamodb.expression.internal.Errors;
import dev.stride.service.dynamodb.expression.internal.KeyPart;
import dev.stride.service.dynamodb.expression.internal.LegacyComparison;
import dev.stride.service.dynamodb.expression.internal.ParsedProjection;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The parameters DynamoDB had before expressions ({@code Expected}, {@code QueryFilter},
 * {@code ScanFilter}, {@code KeyConditions}, {@code AttributesToGet}), translated into the same
 * objects the expressions parse to, so that the service evaluates one model. Each method takes
 * the request's JSON for the parameter as it arrived; attribute names in them are literal
 * (no placeholders, no reserved words).
 */
public final class Legacy {
    private static final String INVALID = "One or more parameter values were invalid: ";

    private Legacy() {}

    /**
     * {@code Expected} (attribute name to {@code {"Value": v}}, {@code {"Exists": false}} or
     * {@code {"ComparisonOperator": op, "AttributeValueList": [..]}}) combined by
     * {@code conditionalOperator} ("AND", the default when null, or "OR"). Null when
     * {@code expected} is null or empty: nothing is expected.
     */
    public static Condition expected(JsonNode expected, String conditionalOperator) {
        boolean or = isOr(conditionalOperator);
        if (expected == null || expected.isNull() || expected.isEmpty()) return null;
        List<ConditionNode> parts = new ArrayList<>();
        for (Map.Entry<String, JsonNode> e : expected.properties()) parts.add(expectation(e.getKey(), e.getValue()));
        return combine(parts, or);
    }

    /**
     * {@code QueryFilter} or {@code ScanFilter} (attribute name to {@code {"ComparisonOperator":
     * op, "AttributeValueList": [..]}}) combined by {@code conditionalOperator}. Null when
     * {@code filter} is null or empty: every item passes.
     */
    public static Condition filter(JsonNode filter, String conditionalOperator) {
        boolean or = isOr(conditionalOperator);
        if (filter == null || filter.isNull() || filter.isEmpty()) return null;
        List<ConditionNode> parts = new ArrayList<>();
        for (Map.Entry<String, JsonNode> e : filter.properties()) {
            JsonNode c = e.getValue();
            parts.add(LegacyComparison.toCondition(e.getKey(), operator(c), c.get("AttributeValueList")));
        }
        return combine(parts, or);
    }

    /**
     * {@code KeyConditions} of a Query, checked against the key schema as
     * {@link KeyCondition#parse} checks an expression.
     */
    public static KeyCondition keyConditions(JsonNode keyConditions, String partitionKey, String partitionKeyType,
                                             String sortKey, String sortKeyType) {
        List<KeyPart> parts = new ArrayList<>();
        if (keyConditions != null) {
            for (Map.Entry<String, JsonNode> e : keyConditions.properties()) {
                JsonNode c = e.getValue();
                parts.add(LegacyComparison.toKeyPart(e.getKey(), operator(c), c.get("AttributeValueList")));
            }
        }
        return KeyPart.assemble(parts, partitionKey, partitionKeyType, sortKey, sortKeyType);
    }

    /** {@code AttributesToGet}, a list of top-level attribute names, as a projection. */
    public static Projection attributesToGet(JsonNode attributesToGet) {
        List<DocumentPath> paths = new ArrayList<>();
        List<String> seen = new ArrayList<>();
        for (JsonNode name : attributesToGet) {
            if (seen.contains(name.asText())) {
                throw Errors.validation(INVALID + "Duplicate value in attribute name: " + name.asText());
            }
            seen.add(name.asText());
            paths.add(new DocumentPath(new Object[] {name.asText()}));
        }
        return new ParsedProjection(paths);
    }

    private static ConditionNode expectation(String attribute, JsonNode spec) {
        JsonNode value = spec.get("Value");
        JsonNode exists = spec.get("Exists");
        if (spec.has("ComparisonOperator")) {
            if (value != null || exists != null) {
                throw Errors.validation(INVALID + "Value or Exists cannot be used with ComparisonOperator for Attribute: " + attribute);
            }
            return LegacyComparison.toCondition(attribute, operator(spec), spec.get("AttributeValueList"));
        }
        if (spec.has("AttributeValueList")) {
            throw Errors.validation(INVALID + "AttributeValueList can only be used with a ComparisonOperator for Attribute: " + attribute);
        }
        boolean mustExist = exists == null || exists.asBoolean();
        if (!mustExist) {
            if (value != null) {
                throw Errors.validation(INVALID + "Cannot expect an attribute to have a specified value while expecting it to not exist");
            }
            return LegacyComparison.toCondition(attribute, "NULL", null);
        }
        if (value == null) {
            throw Errors.validation(INVALID + "Exists is set to TRUE for attribute (" + attribute + "), Value must also be set");
        }
        AttributeValues.validate(value, null);
        return LegacyComparison.toCondition(attribute, "EQ", JsonNodeFactory.instance.arrayNode().add(value));
    }

    private static String operator(JsonNode condition) {
        JsonNode op = condition == null ? null : condition.get("ComparisonOperator");
        if (op == null || !op.isTextual()) {
            throw Errors.validation("1 validation error detected: Value null at 'comparisonOperator' failed to satisfy constraint: Member must not be null");
        }
        return op.asText();
    }

    private static boolean isOr(String conditionalOperator) {
        if (conditionalOperator == null || conditionalOperator.equals("AND")) return false;
        if (conditionalOperator.equals("OR")) return true;
        throw Errors.validation("1 validation error detected: Value '" + conditionalOperator
                + "' at 'conditionalOperator' failed to satisfy constraint: Member must satisfy enum value set: [OR, AND]");
    }

    private static Condition combine(List<ConditionNode> parts, boolean or) {
        ConditionNode result = parts.get(0);
        for (int i = 1; i < parts.size(); i++) {
            result = or ? new ConditionNode.Or(result, parts.get(i)) : new ConditionNode.And(result, parts.get(i));
        }
        return result;
    }
}
