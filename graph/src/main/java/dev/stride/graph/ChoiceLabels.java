package dev.stride.graph;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/** A Choice rule as a short line of text for its arrow: {@code $.n > 5}, {@code not ($.ok == true)}. */
final class ChoiceLabels {
    private static final Map<String, String> SYMBOLS = Map.ofEntries(
            Map.entry("StringEquals", "=="), Map.entry("NumericEquals", "=="), Map.entry("BooleanEquals", "=="),
            Map.entry("TimestampEquals", "=="), Map.entry("StringLessThan", "<"), Map.entry("NumericLessThan", "<"),
            Map.entry("TimestampLessThan", "<"), Map.entry("StringGreaterThan", ">"), Map.entry("NumericGreaterThan", ">"),
            Map.entry("TimestampGreaterThan", ">"), Map.entry("StringLessThanEquals", "<="), Map.entry("NumericLessThanEquals", "<="),
            Map.entry("TimestampLessThanEquals", "<="), Map.entry("StringGreaterThanEquals", ">="),
            Map.entry("NumericGreaterThanEquals", ">="), Map.entry("TimestampGreaterThanEquals", ">="),
            Map.entry("StringMatches", "matches"));

    private ChoiceLabels() {}

    static String of(JsonNode rule) {
        if (rule.has("Condition")) return strip(rule.get("Condition").asText());
        if (rule.has("And")) return joined(rule.get("And"), " and ");
        if (rule.has("Or")) return joined(rule.get("Or"), " or ");
        if (rule.has("Not")) return "not (" + of(rule.get("Not")) + ")";
        String variable = rule.path("Variable").asText("?");
        for (Iterator<Map.Entry<String, JsonNode>> it = rule.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> f = it.next();
            String key = f.getKey();
            if (key.equals("Variable") || key.equals("Next") || key.equals("Comment") || key.equals("Assign") || key.equals("Output")) continue;
            boolean path = key.endsWith("Path") && !key.equals("Path");
            String op = path ? key.substring(0, key.length() - 4) : key;
            if (op.startsWith("Is")) return variable + " " + op + " " + f.getValue().asText();
            String symbol = SYMBOLS.getOrDefault(op, op);
            String operand = path ? f.getValue().asText() : f.getValue().toString();
            return variable + " " + symbol + " " + operand;
        }
        return variable;
    }

    private static String joined(JsonNode rules, String with) {
        List<String> parts = new ArrayList<>();
        for (JsonNode r : rules) parts.add(r.has("And") || r.has("Or") ? "(" + of(r) + ")" : of(r));
        return String.join(with, parts);
    }

    /** A JSONata condition without its {@code {% %}} fence. */
    private static String strip(String condition) {
        String t = condition.trim();
        if (t.startsWith("{%") && t.endsWith("%}")) t = t.substring(2, t.length() - 2).trim();
        return t;
    }
}
