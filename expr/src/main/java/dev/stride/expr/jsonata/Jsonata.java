package dev.stride.expr.jsonata;

/** Recognises the {@code "{% expr %}"} framing of JSONata expressions in ASL strings. */
public final class Jsonata {
    private Jsonata() {}

    /**
     * True when {@code s} is exactly framed as {@code "{%" ... "%}"}: no whitespace outside the
     * delimiters (such a string is a literal, as in AWS).
     */
    public static boolean isExpression(String s) {
        return s != null && s.length() >= 4 && s.startsWith("{%") && s.endsWith("%}");
    }

    /** The expression text between the delimiters, trimmed (as AWS quotes it in error causes). */
    public static String innerSource(String framed) {
        if (!isExpression(framed)) {
            throw new IllegalArgumentException("not a JSONata expression: " + framed);
        }
        return framed.substring(2, framed.length() - 2).strip();
    }
}
