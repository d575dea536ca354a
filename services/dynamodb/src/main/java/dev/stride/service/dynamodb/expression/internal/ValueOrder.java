package dev.stride.service.dynamodb.expression.internal;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * Equality and order of attribute values as DynamoDB defines them: numbers by value, strings by
 * their UTF-8 bytes, binaries by unsigned bytes, sets regardless of order, lists and maps deeply.
 */
public final class ValueOrder {
    private ValueOrder() {}

    /** Whether two well-formed values are the same DynamoDB value; values of different types never are. */
    public static boolean same(JsonNode a, JsonNode b) {
        AttributeKind kind = AttributeKind.of(a);
        if (kind == null || kind != AttributeKind.of(b)) return false;
        JsonNode x = AttributeKind.payload(a), y = AttributeKind.payload(b);
        return switch (kind) {
            case S -> x.asText().equals(y.asText());
            case N -> number(x).compareTo(number(y)) == 0;
            case B -> ByteBuffer.wrap(bytes(x)).equals(ByteBuffer.wrap(bytes(y)));
            case BOOL, NULL -> x.asBoolean() == y.asBoolean();
            case SS, NS, BS -> x.size() == y.size() && setOf(kind, x).equals(setOf(kind, y));
            case L -> sameList(x, y);
            case M -> sameMap(x, y);
        };
    }

    /**
     * Orders two values of one orderable type (S, N, B); callers check the types first. Returns
     * a negative number, zero or a positive number as for {@link Comparable}.
     */
    public static int compare(JsonNode a, JsonNode b) {
        AttributeKind kind = AttributeKind.of(a);
        JsonNode x = AttributeKind.payload(a), y = AttributeKind.payload(b);
        return switch (kind) {
            case S -> compareUtf8(x.asText(), y.asText());
            case N -> number(x).compareTo(number(y));
            case B -> Arrays.compareUnsigned(bytes(x), bytes(y));
            default -> throw new IllegalArgumentException("expected S, N or B, got " + kind);
        };
    }

    /** Whether both are of the same orderable type, the precondition for {@link #compare}. */
    public static boolean comparable(JsonNode a, JsonNode b) {
        AttributeKind kind = AttributeKind.of(a);
        return kind != null && kind.isOrderable() && kind == AttributeKind.of(b);
    }

    /**
     * Compares strings in UTF-8 byte order, which is code point order. Java compares UTF-16 code
     * units, which disagrees only when a surrogate (a code point above U+FFFF) meets a char in
     * U+E000..U+FFFF, so only that case is corrected, without encoding either string.
     */
    public static int compareUtf8(String a, String b) {
        int n = Math.min(a.length(), b.length());
        for (int i = 0; i < n; i++) {
            char c = a.charAt(i), d = b.charAt(i);
            if (c == d) continue;
            if (c >= 0xD800 && d >= 0xD800 && Character.isSurrogate(c) != Character.isSurrogate(d)) {
                return Character.isSurrogate(c) ? 1 : -1;
            }
            return c - d;
        }
        return a.length() - b.length();
    }

    public static BigDecimal number(JsonNode payload) {
        BigDecimal n = Numbers.parseLoosely(payload.asText());
        if (n == null) throw new IllegalArgumentException("expected a number, got " + payload);
        return n;
    }

    public static byte[] bytes(JsonNode payload) {
        try {
            return payload.binaryValue();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A set's elements as Java values whose equals is DynamoDB's (numbers normalised, bytes wrapped). */
    public static Set<Object> setOf(AttributeKind kind, JsonNode elements) {
        Set<Object> set = new HashSet<>(elements.size() * 2);
        for (JsonNode e : elements) set.add(element(kind.elementKind(), e));
        return set;
    }

    /** One scalar as a Java value with DynamoDB's equality, for set membership. */
    public static Object element(AttributeKind scalar, JsonNode payload) {
        return switch (scalar) {
            case S -> payload.asText();
            case N -> number(payload).stripTrailingZeros();
            case B -> ByteBuffer.wrap(bytes(payload));
            default -> throw new IllegalArgumentException("expected a scalar kind, got " + scalar);
        };
    }

    private static boolean sameList(JsonNode x, JsonNode y) {
        if (x.size() != y.size()) return false;
        for (int i = 0; i < x.size(); i++) {
            if (!same(x.get(i), y.get(i))) return false;
        }
        return true;
    }

    private static boolean sameMap(JsonNode x, JsonNode y) {
        if (x.size() != y.size()) return false;
        for (Map.Entry<String, JsonNode> e : x.properties()) {
            JsonNode other = y.get(e.getKey());
            if (other == null || !same(e.getValue(), other)) return false;
        }
        return true;
    }
}
