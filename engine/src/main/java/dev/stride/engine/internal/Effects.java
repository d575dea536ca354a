package dev.stride.engine.internal;

import dev.stride.engine.spi.TaskInvocation;

/**
 * What the interpreter asks the world to do. The engine buffers these and carries them out only
 * after the events that led to them are committed (the outbox), so a crash repeats an effect
 * but never a transition.
 */
interface Effects {
    void scheduleTimer(ExecutionRecord ex, int frameId, long dueMillis);

    void dispatchTask(ExecutionRecord ex, int frameId, TaskInvocation invocation);

    void cancelTask(ExecutionRecord ex, String taskToken);

    void finished(ExecutionRecord ex);

    /** Starts a distributed Map's child execution once the run that launched it is committed. */
    void startMapChild(ExecutionRecord parent, MapChild child);

    /** Stops a running child execution of a distributed Map (its Map failed, or its parent ended). */
    void stopMapChild(ExecutionRecord parent, String childArn, String error, String cause);
}
