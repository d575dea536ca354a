package dev.stride.service.dynamodb.expression;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.stride.service.dynamodb.expression.internal.ConditionParser;

/** A parsed ConditionExpression or FilterExpression. */
public interface Condition {
    /** Whether the item (attribute name to DynamoDB-JSON value; null when the item does not exist) satisfies it. */
    boolean test(ObjectNode item);

    /** Parses {@code expression}; {@code parameter} ("ConditionExpression", "FilterExpression") names it in errors. */
    static Condition parse(String expression, ExpressionContext context, String parameter) {
        return ConditionParser.parse(expression, context, parameter);
    }
}
