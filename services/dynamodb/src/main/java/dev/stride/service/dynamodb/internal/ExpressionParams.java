package dev.stride.service.dynamodb.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.stride.service.dynamodb.expression.Condition;
import dev.stride.service.dynamodb.expression.ExpressionContext;
import dev.stride.service.dynamodb.expression.KeyCondition;
import dev.stride.service.dynamodb.expression.Legacy;
import dev.stride.service.dynamodb.expression.Projection;

/**
 * A request's condition, filter, projection and key condition, parsed once: from its expression
 * parameters or from the legacy ones that came before them (Expected with ConditionalOperator,
 * AttributesToGet, KeyConditions, QueryFilter, ScanFilter; the expression package's
 * {@code Legacy} translates those into the same objects). A request may not mix the two styles.
 */
final class ExpressionParams {
    private ExpressionParams() {}

    /** The request's condition: ConditionExpression, or Expected; null when it has neither. */
    static Condition condition(ObjectNode p, ExpressionContext ctx) {
        String expr = Params.string(p, "ConditionExpression");
        exclusive(p, "Expected", "ConditionExpression");
        if (expr != null) return Condition.parse(expr, ctx, "ConditionExpression");
        return Legacy.expected(p.get("Expected"), Params.string(p, "ConditionalOperator"));
    }

    /** The request's projection: ProjectionExpression, or AttributesToGet; null when it has neither. */
    static Projection projection(ObjectNode p, ExpressionContext ctx) {
        String expr = Params.string(p, "ProjectionExpression");
        exclusive(p, "AttributesToGet", "ProjectionExpression");
        if (expr != null) return Projection.parse(expr, ctx);
        JsonNode names = p.get("AttributesToGet");
        return names == null || names.isNull() ? null : Legacy.attributesToGet(names);
    }

    /** Query and Scan's filter: FilterExpression, or QueryFilter / ScanFilter. */
    static Condition filter(ObjectNode p, ExpressionContext ctx, String legacyMember) {
        String expr = Params.string(p, "FilterExpression");
        exclusive(p, legacyMember, "FilterExpression");
        if (expr != null) return Condition.parse(expr, ctx, "FilterExpression");
        return Legacy.filter(p.get(legacyMember), Params.string(p, "ConditionalOperator"));
    }

    static KeyCondition keyCondition(ObjectNode p, ExpressionContext ctx, KeySchema key) {
        String expr = Params.string(p, "KeyConditionExpression");
        exclusive(p, "KeyConditions", "KeyConditionExpression");
        if (expr != null) return KeyCondition.parse(expr, ctx, key.partition(), key.partitionType(), key.sort(), key.sortType());
        if (p.hasNonNull("KeyConditions")) {
            return Legacy.keyConditions(p.get("KeyConditions"), key.partition(), key.partitionType(),
                    key.sort(), key.sortType());
        }
        throw Errors.validation("Either the KeyConditions or KeyConditionExpression parameter must be specified in the request.");
    }

    private static void exclusive(ObjectNode p, String legacy, String expression) {
        if (p.hasNonNull(legacy) && p.hasNonNull(expression)) {
            throw Errors.validation("Can not use both expression and non-expression parameters in the same request: Non-expression parameters: {"
                    + legacy + "} Expression parameters: {" + expression + "}");
        }
    }
}
