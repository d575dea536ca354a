package dev.stride.expr;

/**
 * An ASL runtime error: an error name ({@code States.Runtime}, a task's own error, ...) and a
 * cause text. It is data that flows through Retry and Catch; it is thrown only to unwind from
 * deep inside an evaluation back to the state handler that records it.
 */
public final class StatesError extends RuntimeException {
    private final String error;
    private final String cause;
    private final String location;

    public StatesError(String error, String cause) {
        this(error, cause, null);
    }

    /** @param location the field the error arose in, e.g. "Output/result" (null when unknown) */
    public StatesError(String error, String cause, String location) {
        super(error + ": " + cause, null, false, false); // no stack trace: this is data, not a bug
        this.error = error;
        this.cause = cause;
        this.location = location;
    }

    /** The field the error arose in, as AWS's EvaluationFailed event names it; may be null. */
    public String location() { return location; }

    /** The error name, e.g. {@code States.Runtime}; may be null for a Fail state without Error. */
    public String error() { return error; }

    /** The cause text; may be null. */
    public String cause() { return cause; }
}
