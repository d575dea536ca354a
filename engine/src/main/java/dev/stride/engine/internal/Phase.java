package dev.stride.engine.internal;

/**
 * Where a frame is inside its current state. Transitions:
 * ENTER -> (RUN) -> WAIT_TIMER | WAIT_TASK | WAIT_CHILDREN | RETRY_WAIT -> ... -> ENTER (next state) | DONE.
 */
enum Phase {
    /** About to record StateEntered for {@code stateName}. */
    ENTER,
    /** Wait state sleeping until {@code timerDue}. */
    WAIT_TIMER,
    /** Task dispatched, waiting for its outcome (token {@code taskToken}). */
    WAIT_TASK,
    /** A task outcome (or timeout) has arrived in {@code pendingOutcome} and must be processed. */
    TASK_DONE,
    /** Parallel/Map waiting for its children; may still have children to launch. */
    WAIT_CHILDREN,
    /** Backing off before a retry until {@code timerDue}. */
    RETRY_WAIT,
    /** The frame's graph finished (see {@code output} or {@code error}). */
    DONE
}
