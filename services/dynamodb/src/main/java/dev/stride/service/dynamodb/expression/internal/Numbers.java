package dev.stride.service.dynamodb.expression.internal;

import java.math.BigDecimal;

/**
 * DynamoDB's number type: decimal, up to 38 significant digits, magnitude between 1E-130 and
 * 9.9999999999999999999999999999999999999E+125 (or zero).
 */
public final class Numbers {
    private static final int MAX_DIGITS = 38;
    private static final BigDecimal LARGEST = new BigDecimal("9.9999999999999999999999999999999999999E+125");
    private static final BigDecimal SMALLEST = new BigDecimal("1E-130");

    private Numbers() {}

    /** Parses a number DynamoDB would accept, or throws with DynamoDB's message. */
    public static BigDecimal parse(String text) {
        BigDecimal n = parseLoosely(text);
        if (n == null) throw Errors.validation("The parameter cannot be converted to a numeric value: " + text);
        checkRange(n);
        return n;
    }

    /** Parses without range checks, for values already stored; null when the text is not a number. */
    public static BigDecimal parseLoosely(String text) {
        if (text == null || text.isEmpty()) return null;
        char last = text.charAt(text.length() - 1);
        // BigDecimal accepts neither "1." trailing forms nor these, but make the intent explicit:
        // DynamoDB has no NaN, Infinity or hexadecimal numbers.
        if (!(Character.isDigit(last) || last == '.')) return null;
        try {
            return new BigDecimal(text.trim());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** Throws DynamoDB's overflow, underflow or precision message when {@code n} cannot be stored. */
    public static void checkRange(BigDecimal n) {
        if (n.signum() == 0) return;
        BigDecimal magnitude = n.abs();
        if (magnitude.compareTo(LARGEST) > 0) {
            throw Errors.validation("Number overflow. Attempting to store a number with magnitude larger than supported range");
        }
        if (magnitude.compareTo(SMALLEST) < 0) {
            throw Errors.validation("Number underflow. Attempting to store a number with magnitude smaller than supported range");
        }
        if (n.stripTrailingZeros().precision() > MAX_DIGITS) {
            throw Errors.validation("Attempting to store more than 38 significant digits in a Number");
        }
    }

    /** The canonical text DynamoDB returns for a computed number: no exponent, no trailing zeros. */
    public static String format(BigDecimal n) {
        if (n.signum() == 0) return "0";
        return n.stripTrailingZeros().toPlainString();
    }

    /** Significant digits once leading and trailing zeros are trimmed (what the item size counts). */
    public static int significantDigits(BigDecimal n) {
        return n.signum() == 0 ? 1 : n.stripTrailingZeros().precision();
    }
}
