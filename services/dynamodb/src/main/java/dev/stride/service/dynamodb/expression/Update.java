package dev.stride.service.dynamodb.expression;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.stride.service.dynamodb.expression.internal.UpdateParser;
import java.util.Set;

/** A parsed UpdateExpression (SET, REMOVE, ADD, DELETE clauses). */
public interface Update {
    /**
     * The item after the update. {@code item} is the existing item (its key attributes included)
     * or, when there is none, an item holding only the key; it is not modified. Throws
     * ValidationException with DynamoDB's message for a type mismatch at run time (arithmetic on
     * a non-number, list_append on a non-list, ADD to a string, an index into a non-list, ...).
     */
    ObjectNode apply(ObjectNode item);

    /** Top-level attribute names the update writes or removes (for ReturnValues UPDATED_OLD/UPDATED_NEW and key checks). */
    Set<String> touchedAttributes();

    static Update parse(String expression, ExpressionContext context) {
        return UpdateParser.parse(expression, context);
    }
}
