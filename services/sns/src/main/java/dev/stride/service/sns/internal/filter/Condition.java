package dev.stride.service.sns.internal.filter;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Set;

/**
 * One match condition of a filter policy's value list. Each tests one present value (a string,
 * a number, a boolean or null, as JSON); {@link #matchesAbsent} says whether it holds when the
 * attribute or body key is missing, which only {@code {"exists": false}} does.
 */
sealed interface Condition {
    boolean matches(JsonNode value);

    default boolean matchesAbsent() { return false; }

    /** A literal: a string equals a string, a number equals a number numerically, null matches null. */
    record Exact(JsonNode literal) implements Condition {
        @Override
        public boolean matches(JsonNode v) {
            if (literal.isNumber()) return v.isNumber() && v.doubleValue() == literal.doubleValue();
            if (literal.isTextual()) return v.isTextual() && v.textValue().equals(literal.textValue());
            if (literal.isBoolean()) return v.isBoolean() && v.booleanValue() == literal.booleanValue();
            return v.isNull();
        }
    }

    record Prefix(String prefix) implements Condition {
        @Override
        public boolean matches(JsonNode v) { return v.isTextual() && v.textValue().startsWith(prefix); }
    }

    record Suffix(String suffix) implements Condition {
        @Override
        public boolean matches(JsonNode v) { return v.isTextual() && v.textValue().endsWith(suffix); }
    }

    record EqualsIgnoreCase(String text) implements Condition {
        @Override
        public boolean matches(JsonNode v) { return v.isTextual() && v.textValue().equalsIgnoreCase(text); }
    }

    /** {@code anything-but}: present and none of the listed strings/numbers, or not starting/ending with the text. */
    record AnythingBut(Set<String> strings, Set<Double> numbers, String prefix, String suffix) implements Condition {
        @Override
        public boolean matches(JsonNode v) {
            if (v.isNumber()) return !numbers.contains(v.doubleValue());
            if (!v.isTextual()) return true;
            String s = v.textValue();
            if (prefix != null) return !s.startsWith(prefix);
            if (suffix != null) return !s.endsWith(suffix);
            return !strings.contains(s);
        }
    }

    /** A numeric range, either end open; an equality is a range whose ends are the same and inclusive. */
    record Numeric(double lower, boolean lowerInclusive, double upper, boolean upperInclusive) implements Condition {
        @Override
        public boolean matches(JsonNode v) {
            if (!v.isNumber()) return false;
            double d = v.doubleValue();
            boolean aboveLower = lowerInclusive ? d >= lower : d > lower;
            boolean belowUpper = upperInclusive ? d <= upper : d < upper;
            return aboveLower && belowUpper;
        }
    }

    record Exists(boolean present) implements Condition {
        @Override
        public boolean matches(JsonNode v) { return present; }

        @Override
        public boolean matchesAbsent() { return !present; }
    }

    /** An IPv4 or IPv6 address within a CIDR block, compared bit by bit over the prefix length. */
    record Cidr(byte[] network, int prefixLength) implements Condition {
        @Override
        public boolean matches(JsonNode v) {
            if (!v.isTextual()) return false;
            byte[] address = IpAddresses.parse(v.textValue());
            if (address == null || address.length != network.length) return false;
            for (int bit = 0; bit < prefixLength; bit++) {
                int mask = 0x80 >>> (bit % 8);
                if ((address[bit / 8] & mask) != (network[bit / 8] & mask)) return false;
            }
            return true;
        }
    }
}
