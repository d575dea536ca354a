package dev.stride.service.dynamodb.expression.internal;

import com.fasterxml.jackson.databind.JsonNode;
import dev.stride.service.dynamodb.expression.ExpressionContext;
import dev.stride.service.dynamodb.expression.KeyCondition.Op;
import java.util.ArrayList;
import java.util.List;

/**
 * A KeyConditionExpression is a condition in the same grammar, limited to AND of a key
 * comparison, BETWEEN or begins_with per key; this reads the parsed condition as those parts.
 */
public final class KeyConditionParser {
    private static final String PARAMETER = "KeyConditionExpression";

    private KeyConditionParser() {}

    public static ParsedKeyCondition parse(String source, ExpressionContext context, String partitionKey,
                                           String partitionKeyType, String sortKey, String sortKeyType) {
        ConditionNode root = ConditionParser.parse(source, context, PARAMETER);
        List<KeyPart> parts = new ArrayList<>(2);
        collect(root, parts);
        return KeyPart.assemble(parts, partitionKey, partitionKeyType, sortKey, sortKeyType);
    }

    private static void collect(ConditionNode node, List<KeyPart> parts) {
        switch (node) {
            case ConditionNode.And and -> {
                collect(and.left(), parts);
                collect(and.right(), parts);
            }
            case ConditionNode.Or or -> throw invalidOperator("OR");
            case ConditionNode.Not not -> throw invalidOperator("NOT");
            case ConditionNode.In in -> throw invalidOperator("IN");
            case ConditionNode.Compare c -> parts.add(comparison(c));
            case ConditionNode.Between b -> parts.add(new KeyPart(attribute(b.subject()), Op.BETWEEN,
                    new JsonNode[] {literal(b.low()), literal(b.high())}));
            case ConditionNode.BeginsWith b -> parts.add(new KeyPart(attribute(b.subject()), Op.BEGINS_WITH,
                    new JsonNode[] {literal(b.prefix())}));
            case ConditionNode.Exists e -> throw invalidOperator(e.exists() ? "attribute_exists" : "attribute_not_exists");
            case ConditionNode.TypeIs t -> throw invalidOperator("attribute_type");
            case ConditionNode.Contains c -> throw invalidOperator("contains");
        }
    }

    private static KeyPart comparison(ConditionNode.Compare c) {
        Op op = switch (c.op()) {
            case EQ -> Op.EQ;
            case LT -> Op.LT;
            case LE -> Op.LE;
            case GT -> Op.GT;
            case GE -> Op.GE;
            case NE -> throw invalidOperator("<>");
        };
        return new KeyPart(attribute(c.left()), op, new JsonNode[] {literal(c.right())});
    }

    private static String attribute(Operand operand) {
        if (operand instanceof Operand.Path p && p.path().isTopLevel()) return p.path().top();
        throw Errors.validation("Query key condition not supported");
    }

    private static JsonNode literal(Operand operand) {
        if (operand instanceof Operand.Literal l) return l.literal();
        throw Errors.validation("Query key condition not supported");
    }

    private static RuntimeException invalidOperator(String operator) {
        return Errors.invalid(PARAMETER, "Invalid operator used in KeyConditionExpression: " + operator);
    }
}
