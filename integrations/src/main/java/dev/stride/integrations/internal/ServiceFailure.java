package dev.stride.integrations.internal;

/** A failure of the service rather than of the user's code: the Task fails with exactly this error and cause. */
public final class ServiceFailure extends RuntimeException {
    private final String error;
    private final String cause;

    public ServiceFailure(String error, String cause) {
        super(error + ": " + cause);
        this.error = error;
        this.cause = cause;
    }

    public String error() { return error; }

    public String cause() { return cause; }
}
