package dev.stride.service.batch.internal;

import java.util.EnumSet;
import java.util.Set;

/**
 * A Batch job's lifecycle with its transition table (AWS Batch User Guide, "Job states"):
 * SUBMITTED, then PENDING while it waits on dependencies, RUNNABLE while it waits for capacity,
 * STARTING while its container starts, RUNNING, and SUCCEEDED or FAILED. A failed attempt with
 * attempts left goes back to RUNNABLE. An array job's parent goes from PENDING to RUNNING when a
 * child runs and ends when every child has.
 */
enum JobStatus {
    SUBMITTED, PENDING, RUNNABLE, STARTING, RUNNING, SUCCEEDED, FAILED;

    private Set<JobStatus> next;

    static {
        SUBMITTED.next = EnumSet.of(PENDING, RUNNABLE, FAILED);
        PENDING.next = EnumSet.of(RUNNABLE, RUNNING, SUCCEEDED, FAILED);
        RUNNABLE.next = EnumSet.of(STARTING, FAILED);
        STARTING.next = EnumSet.of(RUNNING, RUNNABLE, FAILED);
        RUNNING.next = EnumSet.of(RUNNABLE, SUCCEEDED, FAILED);
        SUCCEEDED.next = EnumSet.noneOf(JobStatus.class);
        FAILED.next = EnumSet.noneOf(JobStatus.class);
    }

    boolean isFinal() { return this == SUCCEEDED || this == FAILED; }

    /** Not yet given to a host: CancelJob still stops these. */
    boolean beforeStart() { return this == SUBMITTED || this == PENDING || this == RUNNABLE; }

    /** @throws IllegalStateException when the table has no such transition (a bug, never user input) */
    JobStatus to(JobStatus target) {
        if (!next.contains(target)) throw new IllegalStateException("a job cannot move from " + this + " to " + target);
        return target;
    }
}
