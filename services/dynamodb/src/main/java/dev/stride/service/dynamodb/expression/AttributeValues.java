package dev.stride.service.dynamodb.expression;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.stride.service.dynamodb.expression.internal.AttributeKind;
import dev.stride.service.dynamodb.expression.internal.AttributeValidator;
import dev.stride.service.dynamodb.expression.internal.Errors;
import dev.stride.service.dynamodb.expression.internal.ItemSize;
import dev.stride.service.dynamodb.expression.internal.ValueOrder;

/** Facts about DynamoDB attribute values (DynamoDB JSON: {@code {"S":..}, {"N":..}, {"B":..}, {"SS":[..]}, ...}). */
public final class AttributeValues {
    private AttributeValues() {}

    /**
     * Orders two key values of the same type as DynamoDB sorts an item collection: S by UTF-8
     * bytes, N numerically, B by unsigned bytes.
     *
     * @throws IllegalArgumentException when the two are not of one of those types, the same for both
     */
    public static int compareKeys(JsonNode a, JsonNode b) {
        if (!ValueOrder.comparable(a, b)) {
            throw new IllegalArgumentException("expected two S, N or B values of one type, got " + a + " and " + b);
        }
        return ValueOrder.compare(a, b);
    }

    /** Whether two attribute values are the same DynamoDB value (numbers by value, sets in any order). */
    public static boolean same(JsonNode a, JsonNode b) {
        return ValueOrder.same(a, b);
    }

    /** The item's size as DynamoDB counts it against the 400 KB limit (names plus values). */
    public static long itemSize(ObjectNode item) {
        return ItemSize.of(item);
    }

    /** One attribute value's size, without its name. */
    public static long valueSize(JsonNode value) {
        return ItemSize.value(value);
    }

    /** The value's type key ("S", "N", "SS", "M", ...), or null when it is not a well-formed value. */
    public static String typeOf(JsonNode value) {
        AttributeKind kind = AttributeKind.of(value);
        return kind == null ? null : kind.name();
    }

    /**
     * Refuses a malformed attribute value with DynamoDB's ValidationException message (no type,
     * two types, an empty set, duplicates in a set, a number that is not one, ...); {@code where}
     * says which attribute for the message. When {@code where} is an expression attribute value
     * placeholder (":v") the message is the one DynamoDB gives for ExpressionAttributeValues
     * ("ExpressionAttributeValues contains invalid value: ... for key :v"); otherwise (an item
     * attribute's name, or null) it is the message for an item or key attribute, which DynamoDB
     * gives without the name.
     */
    public static void validate(JsonNode value, String where) {
        String problem = AttributeValidator.problem(value);
        if (problem == null) return;
        if (where != null && where.startsWith(":")) {
            throw Errors.validation("ExpressionAttributeValues contains invalid value: " + problem + " for key " + where);
        }
        throw Errors.validation(problem);
    }
}
