package dev.stride.service.dynamodb.expression.internal;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;

/** The ten DynamoDB data types, named by their DynamoDB-JSON keys. */
public enum AttributeKind {
    S("STRING"), N("NUMBER"), B("BINARY"), BOOL("BOOLEAN"), NULL("NULL"),
    SS("STRING_SET"), NS("NUMBER_SET"), BS("BINARY_SET"), L("LIST"), M("MAP");

    private static final Map<String, AttributeKind> BY_KEY = Map.of(
            "S", S, "N", N, "B", B, "BOOL", BOOL, "NULL", NULL,
            "SS", SS, "NS", NS, "BS", BS, "L", L, "M", M);

    /** The long name some messages use ("operator: ADD, operand type: LIST"). */
    public final String longName;

    AttributeKind(String longName) { this.longName = longName; }

    /** The kind of a well-formed attribute value, or null when it has no known type key. */
    public static AttributeKind of(JsonNode value) {
        if (value == null || !value.isObject() || value.size() != 1) return null;
        return BY_KEY.get(value.fieldNames().next());
    }

    /** The kind named by a type key ("S", "NS", ...), or null. */
    public static AttributeKind named(String key) { return BY_KEY.get(key); }

    /** The payload under the type key ({@code "x"} of {@code {"S":"x"}}). */
    public static JsonNode payload(JsonNode value) { return value.elements().next(); }

    public boolean isSet() { return this == SS || this == NS || this == BS; }

    /** Only strings, numbers and binaries have an order; other types compare as neither less nor greater. */
    public boolean isOrderable() { return this == S || this == N || this == B; }

    /** The scalar kind of a set's elements (SS to S); null for non-sets. */
    public AttributeKind elementKind() {
        return switch (this) {
            case SS -> S;
            case NS -> N;
            case BS -> B;
            default -> null;
        };
    }
}
