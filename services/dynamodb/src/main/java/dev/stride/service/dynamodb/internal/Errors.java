package dev.stride.service.dynamodb.internal;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.stride.service.ServiceException;

/**
 * DynamoDB's errors in one place, with the texts AWS answers. The type is the bare modelled
 * name ({@code ResourceNotFoundException}); {@link #namespaceOf} gives the prefix the JSON
 * protocol writes before it, which for DynamoDB differs by where AWS raises the error (the
 * request validator, the service framework, DynamoDB itself).
 */
public final class Errors {
    static final String DYNAMODB = "com.amazonaws.dynamodb.v20120810";

    private Errors() {}

    /** The {@code __type} namespace AWS writes for an error type. */
    public static String namespaceOf(String type) {
        return switch (type) {
            case "ValidationException" -> "com.amazon.coral.validate";
            case "SerializationException", "UnknownOperationException", "InternalFailure", "AccessDeniedException",
                    "UnrecognizedClientException", "MissingAuthenticationTokenException", "InvalidSignatureException",
                    "IncompleteSignatureException", "ThrottlingException" -> "com.amazon.coral.service";
            default -> DYNAMODB;
        };
    }

    static ServiceException validation(String message) { return ServiceException.client("ValidationException", message); }

    static ServiceException invalidParameter(String detail) {
        return validation("One or more parameter values were invalid: " + detail);
    }

    static ServiceException tableNotFound(String table) {
        return ServiceException.client("ResourceNotFoundException", "Requested resource not found: Table: " + table + " not found");
    }

    /** What item actions answer for a table that does not exist (they do not name it). */
    static ServiceException resourceNotFound() {
        return ServiceException.client("ResourceNotFoundException", "Requested resource not found");
    }

    static ServiceException resourceArnNotFound(String arn) {
        return ServiceException.client("ResourceNotFoundException", "Requested resource not found: ResourcArn: " + arn + " not found");
    }

    static ServiceException tableExists(String table) {
        return ServiceException.client("ResourceInUseException", "Table already exists: " + table);
    }

    static ServiceException resourceInUse(String message) { return ServiceException.client("ResourceInUseException", message); }

    static ServiceException resourceNotFoundIndex(String table, String index) {
        return ServiceException.client("ResourceNotFoundException", "Requested resource not found: Table: " + table + " index: " + index + " not found");
    }

    static ServiceException keyMismatch() { return validation("The provided key element does not match the schema"); }

    static ServiceException itemTooLarge() { return validation("Item size has exceeded the maximum allowed size"); }

    static ServiceException conditionalCheckFailed() {
        return ServiceException.client("ConditionalCheckFailedException", "The conditional request failed");
    }

    /** The request validator's message for a required member left out; {@code member} is its path in camelCase. */
    static ServiceException missingParameter(String member) {
        return validation("1 validation error detected: Value null at '" + member + "' failed to satisfy constraint: Member must not be null");
    }

    static ServiceException noSuchIndex(String index) {
        return validation("The table does not have the specified index: " + index);
    }

    static ServiceException unknownOperation() {
        return ServiceException.client("UnknownOperationException", null);
    }

    static ServiceException idempotentParameterMismatch() {
        return ServiceException.client("IdempotentParameterMismatchException",
                "The request uses the same client token as a previous, but non-identical request.");
    }

    static ServiceException internal(String message) {
        return new ServiceException("InternalServerError", "InternalServerError", 500, false, message);
    }

    /**
     * An error whose reply carries members beyond {@code message}: the old item of a failed
     * condition ({@code Item}), a cancelled transaction's {@code CancellationReasons}. In-process
     * callers get {@link #error}; HTTP replies add {@link #members} to the body.
     */
    public static final class Detailed extends RuntimeException {
        private final ServiceException error;
        private final ObjectNode members;
        private final boolean capitalMessage;

        Detailed(ServiceException error, ObjectNode members, boolean capitalMessage) {
            super(error.getMessage(), null, false, false);
            this.error = error;
            this.members = members;
            this.capitalMessage = capitalMessage;
        }

        public ServiceException error() { return error; }

        public ObjectNode members() { return members; }

        /** TransactionCanceledException models its text as {@code Message}; most errors write {@code message}. */
        public boolean capitalMessage() { return capitalMessage; }
    }
}
