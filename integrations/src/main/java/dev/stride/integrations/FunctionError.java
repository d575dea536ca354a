package dev.stride.integrations;

/**
 * A function's handled error, as Lambda reports it: the Task fails with {@code errorType} as its
 * error name and {@code {"errorMessage","errorType","requestId","stackTrace"}} as its cause.
 */
public class FunctionError extends Exception {
    private final String errorType;

    public FunctionError(String errorType, String errorMessage) {
        super(errorMessage);
        if (errorType == null || errorType.isEmpty()) throw new IllegalArgumentException("errorType must not be empty");
        this.errorType = errorType;
    }

    public String errorType() { return errorType; }
}
