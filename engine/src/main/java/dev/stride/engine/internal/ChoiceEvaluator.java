package dev.stride.engine.internal;

import com.fasterxml.jackson.databind.JsonNode;
import dev.stride.asl.model.ChoiceRule;
import dev.stride.asl.model.ComparisonOperator;
import dev.stride.expr.ErrorNames;
import dev.stride.expr.Scope;
import dev.stride.expr.StatesError;
import dev.stride.expr.jsonata.EvaluationBudget;
import dev.stride.expr.path.JsonPath;
import java.time.Instant;

/** Decides whether a JSONPath Choice rule matches. A comparison on a value of another type is false. */
final class ChoiceEvaluator {
    private ChoiceEvaluator() {}

    static boolean matches(ChoiceRule rule, Scope scope, JsonNode statesBinding, EvaluationBudget budget) {
        // instanceof tests, most frequent first, rather than a pattern switch (see Interpreter.act)
        if (rule instanceof ChoiceRule.Comparison c) return compare(c, scope);
        if (rule instanceof ChoiceRule.Condition c) return condition(c, scope, statesBinding, budget);
        if (rule instanceof ChoiceRule.Not not) return !matches(not.rule(), scope, statesBinding, budget);
        if (rule instanceof ChoiceRule.And and) {
            for (ChoiceRule r : and.rules()) if (!matches(r, scope, statesBinding, budget)) return false;
            return true;
        }
        for (ChoiceRule r : ((ChoiceRule.Or) rule).rules()) if (matches(r, scope, statesBinding, budget)) return true;
        return false;
    }

    private static boolean condition(ChoiceRule.Condition c, Scope scope, JsonNode statesBinding, EvaluationBudget budget) {
        JsonNode v = c.condition().evaluate(statesBinding, scope.variables(), budget);
        if (v == null || !v.isBoolean()) {
            throw new StatesError(ErrorNames.QUERY_EVALUATION_ERROR,
                    "The Condition field evaluated to a non-boolean value: " + (v == null ? "undefined" : v.toString()));
        }
        return v.booleanValue();
    }

    private static boolean compare(ChoiceRule.Comparison c, Scope scope) {
        JsonNode value = c.variable().read(scope);
        ComparisonOperator op = c.operator();
        if (op.kind == ComparisonOperator.Kind.TYPE_TEST) {
            boolean expected = operand(c, scope).asBoolean();
            return typeTest(op, value) == expected;
        }
        if (value == null) throw missing(c.variable());
        JsonNode operand = operand(c, scope);
        return switch (op.kind) {
            case STRING -> value.isTextual() && operand.isTextual() && string(op, value.textValue(), operand.textValue());
            case NUMBER -> value.isNumber() && operand.isNumber() && number(op, value, operand);
            case BOOLEAN -> value.isBoolean() && operand.isBoolean() && value.booleanValue() == operand.booleanValue();
            case TIMESTAMP -> timestamp(op, value, operand);
            case TYPE_TEST -> throw new IllegalStateException("handled above");
        };
    }

    private static JsonNode operand(ChoiceRule.Comparison c, Scope scope) {
        if (c.valuePath() == null) return c.value();
        JsonNode v = c.valuePath().read(scope);
        if (v == null) throw missing(c.valuePath());
        return v;
    }

    private static StatesError missing(JsonPath path) {
        return new StatesError(ErrorNames.RUNTIME,
                "Invalid path '" + path.text() + "' : No results for path: " + path.canonical());
    }

    private static boolean typeTest(ComparisonOperator op, JsonNode v) {
        return switch (op) {
            case IS_PRESENT -> v != null;
            case IS_NULL -> v != null && v.isNull();
            case IS_NUMERIC -> v != null && v.isNumber();
            case IS_STRING -> v != null && v.isTextual();
            case IS_BOOLEAN -> v != null && v.isBoolean();
            case IS_TIMESTAMP -> v != null && v.isTextual() && Timestamps.parse(v.textValue()) != null;
            default -> throw new IllegalStateException("not a type test: " + op);
        };
    }

    private static boolean string(ComparisonOperator op, String a, String b) {
        return switch (op) {
            case STRING_EQUALS -> a.equals(b);
            case STRING_LESS_THAN -> a.compareTo(b) < 0;
            case STRING_GREATER_THAN -> a.compareTo(b) > 0;
            case STRING_LESS_THAN_EQUALS -> a.compareTo(b) <= 0;
            case STRING_GREATER_THAN_EQUALS -> a.compareTo(b) >= 0;
            case STRING_MATCHES -> StringMatcher.matches(b, a);
            default -> throw new IllegalStateException("not a string operator: " + op);
        };
    }

    private static boolean number(ComparisonOperator op, JsonNode a, JsonNode b) {
        int cmp;
        if (a.canConvertToExactIntegral() && b.canConvertToExactIntegral() && a.canConvertToLong() && b.canConvertToLong()) {
            cmp = Long.compare(a.longValue(), b.longValue()); // the common case, without BigDecimal
        } else {
            cmp = a.decimalValue().compareTo(b.decimalValue());
        }
        return switch (op) {
            case NUMERIC_EQUALS -> cmp == 0;
            case NUMERIC_LESS_THAN -> cmp < 0;
            case NUMERIC_GREATER_THAN -> cmp > 0;
            case NUMERIC_LESS_THAN_EQUALS -> cmp <= 0;
            case NUMERIC_GREATER_THAN_EQUALS -> cmp >= 0;
            default -> throw new IllegalStateException("not a numeric operator: " + op);
        };
    }

    private static boolean timestamp(ComparisonOperator op, JsonNode a, JsonNode b) {
        if (!a.isTextual() || !b.isTextual()) return false;
        Instant x = Timestamps.parse(a.textValue());
        Instant y = Timestamps.parse(b.textValue());
        if (x == null || y == null) return false;
        int cmp = x.compareTo(y);
        return switch (op) {
            case TIMESTAMP_EQUALS -> cmp == 0;
            case TIMESTAMP_LESS_THAN -> cmp < 0;
            case TIMESTAMP_GREATER_THAN -> cmp > 0;
            case TIMESTAMP_LESS_THAN_EQUALS -> cmp <= 0;
            case TIMESTAMP_GREATER_THAN_EQUALS -> cmp >= 0;
            default -> throw new IllegalStateException("not a timestamp operator: " + op);
        };
    }
}
