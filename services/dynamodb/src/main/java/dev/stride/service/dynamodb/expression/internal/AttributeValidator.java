package dev.stride.service.dynamodb.expression.internal;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.HashSet;
import java.util.Iterator;
import java.util.Set;
import java.util.StringJoiner;

/** Finds what DynamoDB would refuse in an attribute value, with its message; null when the value is fine. */
public final class AttributeValidator {
    private static final String INVALID = "One or more parameter values were invalid: ";

    private AttributeValidator() {}

    public static String problem(JsonNode value) {
        if (value == null || !value.isObject() || value.isEmpty()) {
            return "Supplied AttributeValue is empty, must contain exactly one of the supported datatypes";
        }
        if (value.size() > 1) {
            return "Supplied AttributeValue has more than one datatypes set, must contain exactly one of the supported datatypes";
        }
        AttributeKind kind = AttributeKind.of(value);
        if (kind == null) return "Supplied AttributeValue is empty, must contain exactly one of the supported datatypes";
        JsonNode payload = AttributeKind.payload(value);
        return switch (kind) {
            case S -> payload.isTextual() ? null : "Supplied AttributeValue is empty, must contain exactly one of the supported datatypes";
            case N -> number(payload);
            case B -> binary(payload);
            case BOOL -> payload.isBoolean() ? null : "Supplied AttributeValue is empty, must contain exactly one of the supported datatypes";
            case NULL -> payload.isBoolean() && payload.asBoolean() ? null
                    : INVALID + "Null attribute value types must have the value of true";
            case SS, NS, BS -> set(kind, payload);
            case L -> list(payload);
            case M -> map(payload);
        };
    }

    private static String number(JsonNode payload) {
        if (!payload.isTextual()) return "The parameter cannot be converted to a numeric value: " + payload;
        try {
            Numbers.parse(payload.asText());
            return null;
        } catch (RuntimeException e) {
            return e.getMessage();
        }
    }

    private static String binary(JsonNode payload) {
        try {
            ValueOrder.bytes(payload);
            return payload.isTextual() || payload.isBinary() ? null : "Supplied AttributeValue is empty, must contain exactly one of the supported datatypes";
        } catch (RuntimeException e) {
            return "Invalid Base64 value: " + payload.asText();
        }
    }

    private static String set(AttributeKind kind, JsonNode elements) {
        if (!elements.isArray()) return "Supplied AttributeValue is empty, must contain exactly one of the supported datatypes";
        if (elements.isEmpty()) {
            String type = switch (kind) {
                case SS -> "string";
                case NS -> "number";
                default -> "binary";
            };
            return INVALID + "An " + type + " set  may not be empty";
        }
        Set<Object> seen = new HashSet<>(elements.size() * 2);
        boolean duplicates = false;
        for (JsonNode e : elements) {
            String problem = switch (kind.elementKind()) {
                case N -> number(e);
                case B -> binary(e);
                default -> e.isTextual() ? null : "Supplied AttributeValue is empty, must contain exactly one of the supported datatypes";
            };
            if (problem != null) return problem;
            if (!seen.add(ValueOrder.element(kind.elementKind(), e))) duplicates = true;
        }
        if (!duplicates) return null;
        StringJoiner shown = new StringJoiner(", ", "[", "]");
        for (JsonNode e : elements) shown.add(e.asText());
        return INVALID + "Input collection " + shown + " contains duplicates.";
    }

    private static String list(JsonNode elements) {
        if (!elements.isArray()) return "Supplied AttributeValue is empty, must contain exactly one of the supported datatypes";
        for (JsonNode e : elements) {
            String problem = problem(e);
            if (problem != null) return problem;
        }
        return null;
    }

    private static String map(JsonNode entries) {
        if (!entries.isObject()) return "Supplied AttributeValue is empty, must contain exactly one of the supported datatypes";
        for (Iterator<JsonNode> it = entries.elements(); it.hasNext(); ) {
            String problem = problem(it.next());
            if (problem != null) return problem;
        }
        return null;
    }
}
