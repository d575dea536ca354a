package dev.stride.service.ecs.internal;

import java.util.EnumSet;
import java.util.Set;

/**
 * An ECS task's lastStatus with its transition table (the Fargate task lifecycle, less the
 * network attachment steps there is nothing local to do for): PROVISIONING when RunTask answers,
 * PENDING while its containers start, RUNNING, then STOPPED once every container has exited.
 * A task stopped before it ran goes straight to STOPPED.
 */
enum TaskStatus {
    PROVISIONING, PENDING, RUNNING, STOPPED;

    private Set<TaskStatus> next;

    static {
        PROVISIONING.next = EnumSet.of(PENDING, STOPPED);
        PENDING.next = EnumSet.of(RUNNING, STOPPED);
        RUNNING.next = EnumSet.of(STOPPED);
        STOPPED.next = EnumSet.noneOf(TaskStatus.class);
    }

    TaskStatus to(TaskStatus target) {
        if (!next.contains(target)) throw new IllegalStateException("a task cannot move from " + this + " to " + target);
        return target;
    }
}
