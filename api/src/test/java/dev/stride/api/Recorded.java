package dev.stride.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Compares API results with what the conformance corpus recorded, honouring its placeholders
 * (see its README): {@code <...>} tokens match any text, account 111111111111 any 12 digits,
 * "timestamp"/"date"/"datetime"/"snf_role_arn" and the case's transformer replacement values
 * match anything. JSON text on one side is compared with decoded JSON on the other.
 */
final class Recorded {
    private static final Set<String> WILDCARDS = Set.of("timestamp", "datetime", "date", "snf_role_arn");
    private static final Pattern TOKEN = Pattern.compile("<[^<>]+>");

    private final Set<String> replaced;

    Recorded(Set<String> transformerValues) { this.replaced = transformerValues; }

    /** Null when {@code actual} matches {@code expected}, else where and how they first differ. */
    String diff(String at, JsonNode expected, JsonNode actual) {
        if (expected == null || expected.isMissingNode()) return null;
        if (actual == null) return at + ": missing, expected " + expected;
        if (expected.isTextual() && textMatches(expected.textValue(), actual)) return null;
        if (actual.isTextual() && !expected.isTextual()) {
            JsonNode decoded = decode(actual.textValue());
            if (decoded != null) return diff(at, expected, decoded);
        }
        if (expected.isTextual() && actual.isTextual()) {
            JsonNode e = decode(expected.textValue()), a = decode(actual.textValue());
            // assignedVariables hold JSON text; the corpus masked inside it ("\"date\"").
            if (e != null && a != null) return diff(at, e, a);
        }
        if (expected.isNumber() && actual.isNumber()) {
            return expected.decimalValue().compareTo(actual.decimalValue()) == 0 ? null : at + ": expected " + expected + " but was " + actual;
        }
        if (expected.isObject() && actual.isObject()) {
            for (Iterator<String> it = expected.fieldNames(); it.hasNext(); ) {
                String k = it.next();
                String d = diff(at + "." + k, expected.get(k), actual.get(k));
                if (d != null) return d;
            }
            for (Iterator<String> it = actual.fieldNames(); it.hasNext(); ) {
                String k = it.next();
                if (!expected.has(k)) return at + ": unexpected field '" + k + "'";
            }
            return null;
        }
        if (expected.isArray() && actual.isArray()) {
            if (expected.size() != actual.size()) return at + ": expected " + expected.size() + " items, got " + actual.size();
            for (int i = 0; i < expected.size(); i++) {
                String d = diff(at + "[" + i + "]", expected.get(i), actual.get(i));
                if (d != null) return d;
            }
            return null;
        }
        return expected.equals(actual) ? null : at + ": expected " + short_(expected) + " but was " + short_(actual);
    }

    /**
     * Compares histories event by event; where LocalStack normalised a Parallel span (ids set to
     * 0, order sorted) that span is compared as a multiset, ids aside.
     */
    String events(JsonNode expected, JsonNode actual, boolean normalised) {
        List<JsonNode> kept = new ArrayList<>();
        boolean wantsParallelSucceeded = expected.toString().contains("\"ParallelStateSucceeded\"");
        for (JsonNode e : actual) {
            if (normalised && !wantsParallelSucceeded && e.path("type").asText().equals("ParallelStateSucceeded")) continue;
            kept.add(e);
        }
        if (kept.size() != expected.size()) return "events: expected " + types(expected) + "\n  but was " + types(kept);
        List<JsonNode> spanExpected = new ArrayList<>(), spanActual = new ArrayList<>();
        for (int i = 0; i < expected.size(); i++) {
            JsonNode e = expected.get(i);
            if (normalised && e.path("id").asLong() == 0) {
                spanExpected.add(withoutIds(e));
                spanActual.add(withoutIds(kept.get(i)));
                continue;
            }
            String d = diff("events[" + i + "]", e, kept.get(i));
            if (d != null) return d;
        }
        for (JsonNode e : spanExpected) {
            JsonNode match = spanActual.stream().filter(a -> diff("", e, a) == null).findFirst().orElse(null);
            if (match == null) return "parallel span: nothing matches " + short_(e);
            spanActual.remove(match);
        }
        return null;
    }

    private boolean textMatches(String expected, JsonNode actual) {
        if (WILDCARDS.contains(expected) || replaced.contains(expected)) return true;
        if (!actual.isTextual()) return false;
        if (expected.equals(actual.textValue())) return true;
        if (!TOKEN.matcher(expected).find() && !expected.contains("111111111111")) return false;
        return Pattern.compile(pattern(expected), Pattern.DOTALL).matcher(actual.textValue()).matches();
    }

    private static String pattern(String masked) {
        StringBuilder out = new StringBuilder();
        Matcher m = TOKEN.matcher(masked);
        int from = 0;
        while (m.find()) {
            out.append(literal(masked.substring(from, m.start()))).append(".*");
            from = m.end();
        }
        return out.append(literal(masked.substring(from))).toString();
    }

    private static String literal(String s) { return Pattern.quote(s).replace("111111111111", "\\E\\d{12}\\Q"); }

    private static JsonNode decode(String text) {
        try {
            return Wire.MAPPER.readTree(text);
        } catch (Exception notJson) {
            return null;
        }
    }

    private static JsonNode withoutIds(JsonNode e) {
        ObjectNode copy = e.deepCopy();
        copy.remove("id");
        copy.remove("previousEventId");
        return copy;
    }

    private static String types(Iterable<JsonNode> events) {
        List<String> out = new ArrayList<>();
        for (JsonNode e : events) out.add(e.path("id").asText() + ":" + e.path("type").asText());
        return String.join(" ", out);
    }

    private static String short_(JsonNode n) {
        String s = n.toString();
        return s.length() > 160 ? s.substring(0, 160) + "..." : s;
    }
}
