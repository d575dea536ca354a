package dev.stride.service.dynamodb.expression;

import com.fasterxml.jackson.databind.JsonNode;
import dev.stride.service.dynamodb.expression.internal.KeyConditionParser;

/**
 * A parsed KeyConditionExpression of a Query: equality on the partition key and, optionally,
 * one condition on the sort key ({@code =, <, <=, >, >=, BETWEEN, begins_with}).
 */
public interface KeyCondition {
    enum Op { EQ, LT, LE, GT, GE, BETWEEN, BEGINS_WITH }

    /** The partition key's value (DynamoDB JSON, e.g. {@code {"S":"a"}}). */
    JsonNode partitionValue();

    /** The sort key condition's operator, or null when the expression has none. */
    Op sortOp();

    /** The sort key condition's operands (one, or two for BETWEEN). */
    JsonNode[] sortValues();

    /** Whether a sort key value satisfies the sort condition (true when there is none). */
    boolean matchesSort(JsonNode sortKeyValue);

    /**
     * Parses the expression for a table or index whose key is {@code partitionKey} and
     * {@code sortKey} (null when it has none); refuses, with DynamoDB's messages, a condition on
     * a non-key attribute, a missing partition key condition, an operator not allowed on keys, or
     * operand types that differ from the key's type ({@code partitionKeyType}/{@code sortKeyType}: "S", "N", "B").
     */
    static KeyCondition parse(String expression, ExpressionContext context, String partitionKey, String partitionKeyType,
                              String sortKey, String sortKeyType) {
        return KeyConditionParser.parse(expression, context, partitionKey, partitionKeyType, sortKey, sortKeyType);
    }
}
