package dev.stride.engine.spi;

/**
 * Carries out Task states for the resources it accepts. {@link #start} must not block for
 * long: it reports the outcome through the completion, now or later, from any thread.
 */
public interface TaskIntegration {
    /** True when this integration handles the resource ARN. */
    boolean accepts(String resource);

    void start(TaskInvocation invocation, TaskCompletion completion);

    /** The execution was stopped or the task timed out: release what the task started. Best effort. */
    default void cancel(TaskInvocation invocation) {}
}
