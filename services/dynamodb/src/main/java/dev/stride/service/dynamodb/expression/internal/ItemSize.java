package dev.stride.service.dynamodb.expression.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.util.Map;

/**
 * DynamoDB's item size rules: each attribute name's UTF-8 length plus its value's size, where a
 * string is its UTF-8 length, a number one byte per two significant digits plus one, a binary
 * its decoded length, a boolean or null one byte, a set the sum of its elements, and a list or
 * map three bytes plus one byte and the size of each element (and a map also each key).
 */
public final class ItemSize {
    private ItemSize() {}

    public static long of(ObjectNode item) {
        long total = 0;
        for (Map.Entry<String, JsonNode> e : item.properties()) {
            total += utf8Length(e.getKey()) + value(e.getValue());
        }
        return total;
    }

    public static long value(JsonNode value) {
        AttributeKind kind = AttributeKind.of(value);
        if (kind == null) return 0;
        JsonNode payload = AttributeKind.payload(value);
        return switch (kind) {
            case S -> utf8Length(payload.asText());
            case N -> number(payload);
            case B -> ValueOrder.bytes(payload).length;
            case BOOL, NULL -> 1;
            case SS -> sum(payload, ItemSize::string);
            case NS -> sum(payload, ItemSize::number);
            case BS -> sum(payload, p -> ValueOrder.bytes(p).length);
            case L -> 3 + sum(payload, e -> 1 + value(e));
            case M -> {
                long size = 3;
                for (Map.Entry<String, JsonNode> e : payload.properties()) {
                    size += 1 + utf8Length(e.getKey()) + value(e.getValue());
                }
                yield size;
            }
        };
    }

    private interface Sizer { long size(JsonNode payload); }

    private static long sum(JsonNode elements, Sizer sizer) {
        long total = 0;
        for (JsonNode e : elements) total += sizer.size(e);
        return total;
    }

    private static long string(JsonNode payload) { return utf8Length(payload.asText()); }

    private static long number(JsonNode payload) {
        BigDecimal n = Numbers.parseLoosely(payload.asText());
        if (n == null) return payload.asText().length();
        return (Numbers.significantDigits(n) + 1) / 2 + 1;
    }

    /** UTF-8 length without encoding: 1 byte to U+007F, 2 to U+07FF, 3 to U+FFFF, 4 for a surrogate pair. */
    static long utf8Length(String s) {
        long bytes = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < 0x80) bytes += 1;
            else if (c < 0x800) bytes += 2;
            else if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
                bytes += 4;
                i++;
            } else bytes += 3;
        }
        return bytes;
    }
}
