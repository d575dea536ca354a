package dev.stride.service.dynamodb.expression.internal;

import dev.stride.service.ServiceException;

/** DynamoDB's ValidationException, the one error type every expression problem is reported as. */
public final class Errors {
    private Errors() {}

    public static ServiceException validation(String message) {
        return new ServiceException("ValidationException", "ValidationException", 400, true, message);
    }

    /** "Invalid ConditionExpression: ..." and its siblings, prefixed by the request parameter that held the expression. */
    public static ServiceException invalid(String parameter, String detail) {
        return validation("Invalid " + parameter + ": " + detail);
    }

    /** The run-time failure of an update whose operand has the wrong type for its operator. */
    public static ServiceException incorrectOperandType() {
        return validation("An operand in the update expression has an incorrect data type");
    }

    /** The run-time failure of an update that writes through a missing or non-container parent. */
    public static ServiceException invalidPathForUpdate() {
        return validation("The document path provided in the update expression is invalid for update");
    }

    /** The run-time failure of an update that reads an attribute the item does not have. */
    public static ServiceException missingAttribute() {
        return validation("The provided expression refers to an attribute that does not exist in the item");
    }
}
