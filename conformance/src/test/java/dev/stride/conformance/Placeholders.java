package dev.stride.conformance;

import com.fasterxml.jackson.databind.JsonNode;
import dev.stride.expr.Json;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Structural JSON comparison that honours the corpus's placeholders (see its README): values
 * masked by LocalStack's snapshot transformers ({@code <...>} tokens, "timestamp", ARNs with
 * account 111111111111, "snf_role_arn", transformer replacements) match any value there.
 */
final class Placeholders {
    private static final Set<String> ANY = Set.of("timestamp", "datetime", "date", "snf_role_arn");
    private static final Pattern TOKEN = Pattern.compile("<[^<>]+>");

    private final Set<String> transformerValues;

    Placeholders(Set<String> transformerValues) { this.transformerValues = transformerValues; }

    /** Null when equal, else a short description of the first difference. */
    String diff(String where, JsonNode expected, JsonNode actual) {
        if (expected == null || expected.isMissingNode()) return null;
        if (actual == null) return where + ": missing, expected " + shorten(expected);
        if (expected.isTextual() && matchesText(expected.textValue(), actual)) return null;
        // assignedVariables hold JSON text; the corpus sometimes decoded it (objects) or masked inside it ("\"date\"").
        if (actual.isTextual() && (expected.isContainerNode() || expected.isTextual())) {
            JsonNode parsedActual = tryParse(actual.textValue());
            JsonNode parsedExpected = expected.isTextual() ? tryParse(expected.textValue()) : expected;
            if (parsedActual != null && parsedExpected != null && !(expected.isTextual() && parsedExpected.isTextual() && parsedExpected.textValue().equals(expected.textValue()))) {
                return diff(where, parsedExpected, parsedActual);
            }
        }
        if (expected.isNumber() && actual.isNumber()) {
            return expected.decimalValue().compareTo(actual.decimalValue()) == 0 ? null
                    : where + ": expected " + expected + " but was " + actual;
        }
        if (expected.isObject() && actual.isObject()) {
            for (Iterator<String> it = expected.fieldNames(); it.hasNext(); ) {
                String k = it.next();
                String d = diff(where + "." + k, expected.get(k), actual.get(k));
                if (d != null) return d;
            }
            for (Iterator<String> it = actual.fieldNames(); it.hasNext(); ) {
                String k = it.next();
                if (!expected.has(k)) return where + ": unexpected field '" + k + "'";
            }
            return null;
        }
        if (expected.isArray() && actual.isArray()) {
            if (expected.size() != actual.size()) {
                return where + ": expected " + expected.size() + " items but was " + actual.size() + " " + shorten(actual);
            }
            for (int i = 0; i < expected.size(); i++) {
                String d = diff(where + "[" + i + "]", expected.get(i), actual.get(i));
                if (d != null) return d;
            }
            return null;
        }
        return expected.equals(actual) ? null : where + ": expected " + shorten(expected) + " but was " + shorten(actual);
    }

    private boolean matchesText(String expected, JsonNode actual) {
        if (ANY.contains(expected) || transformerValues.contains(expected)) return true;
        if (!actual.isTextual()) return false;
        String a = actual.textValue();
        if (expected.equals(a)) return true;
        if (!TOKEN.matcher(expected).find() && !expected.contains("111111111111")) return false;
        return Pattern.compile(toRegex(expected), Pattern.DOTALL).matcher(a).matches();
    }

    /** A masked string as a regular expression: each token matches anything, the account any 12 digits. */
    static String toRegex(String masked) {
        List<String> parts = new ArrayList<>();
        var m = TOKEN.matcher(masked);
        int last = 0;
        while (m.find()) {
            parts.add(literal(masked.substring(last, m.start())));
            parts.add(".*");
            last = m.end();
        }
        parts.add(literal(masked.substring(last)));
        return String.join("", parts);
    }

    private static String literal(String s) {
        return Pattern.quote(s).replace("111111111111", "\\E\\d{12}\\Q");
    }

    private static JsonNode tryParse(String text) {
        try {
            return Json.MAPPER.readTree(text);
        } catch (Exception e) {
            return null;
        }
    }

    static String shorten(JsonNode n) {
        String s = Json.write(n);
        return s.length() > 160 ? s.substring(0, 160) + "..." : s;
    }
}
