package dev.stride.service.dynamodb.expression.internal;

/** One action of an UpdateExpression, on one document path. */
sealed interface UpdateAction {
    DocumentPath path();

    record Set(DocumentPath path, Operand value) implements UpdateAction {}

    record Remove(DocumentPath path) implements UpdateAction {}

    /** ADD path :v, a number to add or a set to unite with. */
    record Add(DocumentPath path, Operand.Literal value) implements UpdateAction {}

    /** DELETE path :v, a set whose elements to take away. */
    record Delete(DocumentPath path, Operand.Literal value) implements UpdateAction {}
}
