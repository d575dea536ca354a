package dev.stride.engine;

/** An execution's lifecycle: RUNNING until exactly one final status. */
public enum ExecutionStatus {
    RUNNING, SUCCEEDED, FAILED, TIMED_OUT, ABORTED, PENDING_REDRIVE;

    public boolean isFinal() { return this != RUNNING && this != PENDING_REDRIVE; }
}
