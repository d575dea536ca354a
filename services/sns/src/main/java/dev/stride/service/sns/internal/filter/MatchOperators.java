package dev.stride.service.sns.internal.filter;

import static dev.stride.service.sns.internal.filter.FilterPolicyParser.invalid;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/** Compiles one {@code {"operator": operand}} match expression of a filter policy into a {@link Condition}. */
final class MatchOperators {
    private MatchOperators() {}

    static Condition compile(JsonNode expression) {
        if (expression.size() != 1) throw invalid("Only one key allowed in match expression");
        Map.Entry<String, JsonNode> only = expression.properties().iterator().next();
        JsonNode operand = only.getValue();
        return switch (only.getKey()) {
            case "prefix" -> new Condition.Prefix(text(operand, "prefix"));
            case "suffix" -> new Condition.Suffix(text(operand, "suffix"));
            case "equals-ignore-case" -> new Condition.EqualsIgnoreCase(text(operand, "equals-ignore-case"));
            case "exists" -> {
                if (!operand.isBoolean()) throw invalid("exists match pattern must be either true or false.");
                yield new Condition.Exists(operand.booleanValue());
            }
            case "anything-but" -> anythingBut(operand);
            case "numeric" -> numeric(operand);
            case "cidr" -> cidr(operand);
            default -> throw invalid("Unrecognized match type " + only.getKey());
        };
    }

    private static String text(JsonNode operand, String operator) {
        if (!operand.isTextual()) throw invalid(operator + " match pattern must be a string");
        return operand.textValue();
    }

    private static Condition anythingBut(JsonNode operand) {
        Set<String> strings = new HashSet<>();
        Set<Double> numbers = new HashSet<>();
        if (operand.isObject()) {
            if (operand.size() != 1) throw invalid("Only one key allowed in match expression");
            if (operand.has("prefix")) return new Condition.AnythingBut(strings, numbers, text(operand.get("prefix"), "prefix"), null);
            if (operand.has("suffix")) return new Condition.AnythingBut(strings, numbers, null, text(operand.get("suffix"), "suffix"));
            throw invalid("Unsupported anything-but pattern: " + operand.properties().iterator().next().getKey());
        }
        if (operand.isArray()) {
            if (operand.isEmpty()) throw invalid("Empty arrays are not allowed");
            for (JsonNode v : operand) addExcluded(v, strings, numbers);
        } else {
            addExcluded(operand, strings, numbers);
        }
        return new Condition.AnythingBut(Set.copyOf(strings), Set.copyOf(numbers), null, null);
    }

    private static void addExcluded(JsonNode v, Set<String> strings, Set<Double> numbers) {
        if (v.isTextual()) strings.add(v.textValue());
        else if (v.isNumber()) numbers.add(v.doubleValue());
        else throw invalid("Inside anything but list, start|null|boolean is not supported.");
    }

    /** {@code ["=", 5]}, {@code [">", 0]}, {@code [">=", 0, "<", 10]}. */
    private static Condition numeric(JsonNode operand) {
        if (!operand.isArray() || operand.isEmpty()) throw invalid("Value of numeric must be an array.");
        double lower = Double.NEGATIVE_INFINITY, upper = Double.POSITIVE_INFINITY;
        boolean lowerInclusive = false, upperInclusive = false, seenLower = false, seenUpper = false;
        for (int i = 0; i < operand.size(); i += 2) {
            String op = operand.get(i).asText();
            if (i + 1 >= operand.size()) throw invalid("Value of " + op + " must be numeric");
            JsonNode value = operand.get(i + 1);
            if (!value.isNumber()) throw invalid("Value of " + op + " must be numeric");
            double d = value.doubleValue();
            switch (op) {
                case "=" -> {
                    if (operand.size() != 2) throw invalid("Too many elements in numeric expression");
                    return new Condition.Numeric(d, true, d, true);
                }
                case ">", ">=" -> {
                    if (seenLower || seenUpper) throw invalid("Bad numeric range operator: " + op);
                    seenLower = true;
                    lower = d;
                    lowerInclusive = op.equals(">=");
                }
                case "<", "<=" -> {
                    if (seenUpper) throw invalid("Bad numeric range operator: " + op);
                    seenUpper = true;
                    upper = d;
                    upperInclusive = op.equals("<=");
                }
                default -> throw invalid("Unrecognized numeric range operator: " + op);
            }
        }
        if (operand.size() > 4) throw invalid("Too many elements in numeric expression");
        if (seenLower && seenUpper && lower >= upper) throw invalid("Bottom must be less than top");
        return new Condition.Numeric(lower, lowerInclusive, upper, upperInclusive);
    }

    private static Condition cidr(JsonNode operand) {
        String text = text(operand, "cidr");
        int slash = text.indexOf('/');
        if (slash < 0 || slash != text.lastIndexOf('/')) throw invalid("Malformed CIDR, one '/' required");
        byte[] network = IpAddresses.parse(text.substring(0, slash));
        int length;
        try {
            length = Integer.parseInt(text.substring(slash + 1));
        } catch (NumberFormatException e) {
            length = -1;
        }
        if (network == null || length < 0 || length > network.length * 8) throw invalid("Nonstandard IP address: " + text);
        return new Condition.Cidr(network, length);
    }
}
