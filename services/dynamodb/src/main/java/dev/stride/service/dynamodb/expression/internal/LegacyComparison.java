package dev.stride.service.dynamodb.expression.internal;

import com.fasterxml.jackson.databind.JsonNode;
import dev.stride.service.dynamodb.expression.AttributeValues;
import dev.stride.service.dynamodb.expression.KeyCondition.Op;
import dev.stride.service.dynamodb.expression.internal.ConditionNode.Comparator;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * One legacy condition, {@code {"ComparisonOperator": "BETWEEN", "AttributeValueList": [..]}}
 * on a top-level attribute, translated into the node the equivalent expression would parse to.
 */
public final class LegacyComparison {
    private static final String INVALID = "One or more parameter values were invalid: ";

    private LegacyComparison() {}

    public static ConditionNode toCondition(String attribute, String operator, JsonNode valueList) {
        Operand.Path path = new Operand.Path(new DocumentPath(new Object[] {attribute}));
        List<Operand.Literal> values = values(valueList);
        String op = operator.toUpperCase(Locale.ROOT);
        return switch (op) {
            case "EQ", "NE" -> {
                arity(op, values, 1);
                yield new ConditionNode.Compare(Comparator.valueOf(op), path, values.get(0));
            }
            case "LE", "LT", "GE", "GT" -> {
                arity(op, values, 1);
                scalar(op, values);
                yield new ConditionNode.Compare(Comparator.valueOf(op), path, values.get(0));
            }
            case "NOT_NULL", "NULL" -> {
                arity(op, values, 0);
                yield new ConditionNode.Exists(path.path(), op.equals("NOT_NULL"));
            }
            case "CONTAINS", "NOT_CONTAINS" -> {
                arity(op, values, 1);
                scalar(op, values);
                ConditionNode contains = new ConditionNode.Contains(path, values.get(0));
                // the legacy form only matches items that have the attribute
                yield op.equals("CONTAINS") ? contains
                        : new ConditionNode.And(new ConditionNode.Exists(path.path(), true), new ConditionNode.Not(contains));
            }
            case "BEGINS_WITH" -> {
                arity(op, values, 1);
                stringOrBinary(op, values);
                yield new ConditionNode.BeginsWith(path, values.get(0));
            }
            case "IN" -> {
                if (values.isEmpty()) throw Errors.validation(INVALID + "Invalid number of argument(s) for the IN ComparisonOperator");
                scalar(op, values);
                yield new ConditionNode.In(path, List.copyOf(values));
            }
            case "BETWEEN" -> {
                arity(op, values, 2);
                scalar(op, values);
                JsonNode low = values.get(0).literal(), high = values.get(1).literal();
                if (AttributeKind.of(low) != AttributeKind.of(high)) {
                    throw Errors.validation(INVALID + "AttributeValues inside AttributeValueList must be of same type");
                }
                if (ValueOrder.compare(low, high) > 0) {
                    throw Errors.validation("The BETWEEN condition was provided a range where the lower bound is greater than the upper bound");
                }
                yield new ConditionNode.Between(path, values.get(0), values.get(1));
            }
            default -> throw Errors.validation("1 validation error detected: Value '" + operator
                    + "' at 'comparisonOperator' failed to satisfy constraint: Member must satisfy enum value set: "
                    + "[IN, NULL, BETWEEN, LT, NOT_CONTAINS, EQ, GT, NOT_NULL, NE, LE, BEGINS_WITH, GE, CONTAINS]");
        };
    }

    /** A legacy KeyConditions entry as a key part; only the operators an index can serve are allowed. */
    public static KeyPart toKeyPart(String attribute, String operator, JsonNode valueList) {
        List<Operand.Literal> values = values(valueList);
        String op = operator.toUpperCase(Locale.ROOT);
        Op keyOp = switch (op) {
            case "EQ" -> Op.EQ;
            case "LT" -> Op.LT;
            case "LE" -> Op.LE;
            case "GT" -> Op.GT;
            case "GE" -> Op.GE;
            case "BEGINS_WITH" -> Op.BEGINS_WITH;
            case "BETWEEN" -> Op.BETWEEN;
            default -> throw Errors.validation("Attempted conditional constraint is not an indexable operation");
        };
        arity(op, values, keyOp == Op.BETWEEN ? 2 : 1);
        JsonNode[] literals = new JsonNode[values.size()];
        for (int i = 0; i < literals.length; i++) literals[i] = values.get(i).literal();
        if (keyOp == Op.BETWEEN && ValueOrder.comparable(literals[0], literals[1]) && ValueOrder.compare(literals[0], literals[1]) > 0) {
            throw Errors.validation("The BETWEEN condition was provided a range where the lower bound is greater than the upper bound");
        }
        return new KeyPart(attribute, keyOp, literals);
    }

    private static List<Operand.Literal> values(JsonNode valueList) {
        List<Operand.Literal> values = new ArrayList<>();
        if (valueList == null || valueList.isNull()) return values;
        for (JsonNode v : valueList) {
            AttributeValues.validate(v, null);
            values.add(new Operand.Literal("", v));
        }
        return values;
    }

    private static void arity(String op, List<Operand.Literal> values, int wanted) {
        if (values.size() != wanted) {
            throw Errors.validation(INVALID + "Invalid number of argument(s) for the " + op + " ComparisonOperator");
        }
    }

    /** Ordering needs S, N or B; CONTAINS and IN take any scalar of those types too. */
    private static void scalar(String op, List<Operand.Literal> values) {
        for (Operand.Literal v : values) {
            AttributeKind kind = v.kind();
            if (!kind.isOrderable()) {
                throw Errors.validation(INVALID + "ComparisonOperator " + op + " is not valid for " + kind + " AttributeValue type");
            }
        }
    }

    private static void stringOrBinary(String op, List<Operand.Literal> values) {
        AttributeKind kind = values.get(0).kind();
        if (kind != AttributeKind.S && kind != AttributeKind.B) {
            throw Errors.validation(INVALID + "ComparisonOperator " + op + " is not valid for " + kind + " AttributeValue type");
        }
    }
}
