package dev.stride.service.dynamodb.expression;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.stride.service.dynamodb.expression.internal.ProjectionParser;

/** A parsed ProjectionExpression: the attributes (and nested paths) a read returns. */
public interface Projection {
    /** A new item holding only the projected paths that exist in {@code item}. */
    ObjectNode apply(ObjectNode item);

    static Projection parse(String expression, ExpressionContext context) {
        return ProjectionParser.parse(expression, context);
    }
}
