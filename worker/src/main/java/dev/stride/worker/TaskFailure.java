package dev.stride.worker;

/** Thrown by a handler to fail the task with an error name and cause (SendTaskFailure). */
public final class TaskFailure extends Exception {
    private final String error;

    public TaskFailure(String error, String cause) {
        super(cause);
        this.error = error;
    }

    public String error() { return error; }
}
