package dev.stride.service.dynamodb.internal;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;

/**
 * Key attribute values as bytes that sort, compared unsigned byte by byte, exactly as DynamoDB
 * orders an item collection: S by UTF-8 bytes, B by its bytes, N numerically. The sorted maps
 * compare these on every step, so comparing must not parse numbers or decode Base64.
 *
 * <p>A number is written sign first (negative {@code 0x40}, zero {@code 0x80}, positive
 * {@code 0xC0}), then its decimal exponent in two bytes, then its digits one per byte. A
 * negative number inverts exponent and digits and ends with {@code 0xFF}, so that -1.23 sorts
 * before -1.2 although its digits run longer.
 */
final class KeyBytes {
    private KeyBytes() {}

    /** The sortable bytes of a key value of type {@code type} ("S", "N" or "B"); null when the value is not of that type. */
    static byte[] of(JsonNode value, String type) {
        JsonNode v = value == null ? null : value.get(type);
        if (v == null || !v.isTextual() || value.size() != 1) return null;
        return switch (type) {
            case "S" -> v.textValue().getBytes(StandardCharsets.UTF_8);
            case "B" -> Base64.getDecoder().decode(v.textValue());
            default -> number(parseNumber(v.textValue()));
        };
    }

    static BigDecimal parseNumber(String text) {
        try {
            return new BigDecimal(text.trim());
        } catch (NumberFormatException e) {
            throw Errors.validation("The parameter cannot be converted to a numeric value: " + text);
        }
    }

    static byte[] number(BigDecimal n) {
        if (n.signum() == 0) return new byte[] {(byte) 0x80};
        BigDecimal abs = n.abs().stripTrailingZeros();
        String digits = abs.unscaledValue().toString();
        int exponent = digits.length() - abs.scale() - 1 + 0x8000;
        boolean negative = n.signum() < 0;
        byte[] out = new byte[3 + digits.length() + (negative ? 1 : 0)];
        out[0] = (byte) (negative ? 0x40 : 0xC0);
        int e = negative ? 0xFFFF - exponent : exponent;
        out[1] = (byte) (e >>> 8);
        out[2] = (byte) e;
        for (int i = 0; i < digits.length(); i++) {
            int d = digits.charAt(i) - '0' + 1;
            out[3 + i] = (byte) (negative ? 11 - d : d);
        }
        if (negative) out[out.length - 1] = (byte) 0xFF;
        return out;
    }

    /** Whether {@code value} starts with {@code prefix} (begins_with on S and B keys). */
    static boolean startsWith(byte[] value, byte[] prefix) {
        if (value.length < prefix.length) return false;
        return Arrays.equals(value, 0, prefix.length, prefix, 0, prefix.length);
    }
}
