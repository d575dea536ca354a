package dev.stride.api;

/**
 * Every error type the API returns, with its HTTP status: the one place where Stride's failures
 * become AWS's {@code __type} names. AWS uses 400 for all client errors of this service.
 */
enum ApiError {
    ACTIVITY_DOES_NOT_EXIST("ActivityDoesNotExist"),
    CONFLICT("ConflictException"),
    EXECUTION_NOT_REDRIVABLE("ExecutionNotRedrivable"),
    EXECUTION_ALREADY_EXISTS("ExecutionAlreadyExists"),
    EXECUTION_DOES_NOT_EXIST("ExecutionDoesNotExist"),
    INVALID_ARN("InvalidArn"),
    INVALID_DEFINITION("InvalidDefinition"),
    INVALID_ENCRYPTION_CONFIGURATION("InvalidEncryptionConfiguration"),
    INVALID_LOGGING_CONFIGURATION("InvalidLoggingConfiguration"),
    INVALID_EXECUTION_INPUT("InvalidExecutionInput"),
    INVALID_NAME("InvalidName"),
    INVALID_OUTPUT("InvalidOutput"),
    INVALID_TOKEN("InvalidToken"),
    MISSING_REQUIRED_PARAMETER("MissingRequiredParameter"),
    RESOURCE_NOT_FOUND("ResourceNotFound"),
    STATE_MACHINE_ALREADY_EXISTS("StateMachineAlreadyExists"),
    STATE_MACHINE_DOES_NOT_EXIST("StateMachineDoesNotExist"),
    STATE_MACHINE_TYPE_NOT_SUPPORTED("StateMachineTypeNotSupported"),
    TASK_DOES_NOT_EXIST("TaskDoesNotExist"),
    TOO_MANY_TAGS("TooManyTags"),
    VALIDATION("ValidationException"),
    SERVICE_QUOTA_EXCEEDED("ServiceQuotaExceededException"),
    // Authentication (SigV4), as AWS JSON services answer them: all HTTP 400.
    MISSING_AUTHENTICATION("MissingAuthenticationTokenException"),
    INCOMPLETE_SIGNATURE("IncompleteSignatureException"),
    UNRECOGNIZED_CLIENT("UnrecognizedClientException"),
    INVALID_SIGNATURE("InvalidSignatureException"),
    /** Signed more than 15 minutes from now (S3 answers it as RequestTimeTooSkewed). */
    SIGNATURE_EXPIRED("InvalidSignatureException"),
    /** A presigned URL past its X-Amz-Expires (S3 answers it as AccessDenied). */
    PRESIGNED_EXPIRED("InvalidSignatureException"),
    SERIALIZATION("SerializationException"),
    UNKNOWN_OPERATION("UnknownOperationException", 400),
    NOT_FOUND("UnknownOperationException", 404),
    INTERNAL("InternalServerError", 500);

    final String type;
    final int status;

    ApiError(String type) { this(type, 400); }

    ApiError(String type, int status) {
        this.type = type;
        this.status = status;
    }

    ApiException with(String message) { return new ApiException(this, message); }

    /** AWS's common "Thing Does Not Exist: 'arn'" shape. */
    ApiException quoting(String prefix, String value) { return with(prefix + ": '" + value + "'"); }

    static ApiException stateMachineDoesNotExist(String arn) {
        return STATE_MACHINE_DOES_NOT_EXIST.quoting("State Machine Does Not Exist", arn);
    }

    static ApiException executionDoesNotExist(String arn) {
        return EXECUTION_DOES_NOT_EXIST.quoting("Execution Does Not Exist", arn);
    }

    static ApiException invalidArn(String arn) { return INVALID_ARN.quoting("Invalid Arn", arn); }

    static ApiException invalidName(String name) { return INVALID_NAME.quoting("Invalid Name", name); }

    /** AWS's model-validation wording, e.g. for a missing required member. */
    static ApiException constraint(String value, String member, String constraint) {
        return VALIDATION.with("1 validation error detected: Value " + value + " at '" + member
                + "' failed to satisfy constraint: " + constraint);
    }
}
