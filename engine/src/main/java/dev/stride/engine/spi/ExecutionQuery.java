package dev.stride.engine.spi;

import dev.stride.engine.ExecutionStatus;

/**
 * Which executions {@link ExecutionStore#list} returns: those of one state machine, newest first
 * (in the order the store first wrote them), a page at a time.
 *
 * @param stateMachineArn the machine the executions ran (as started: unqualified)
 * @param status          only executions in this status, or null for any
 * @param redriven        only redriven ones (true), only never redriven ones (false), or null for both
 * @param qualifierArn    only executions whose annotation names this ARN as its {@code versionArn}
 *                        or {@code aliasArn} member (a version or alias they were started through), or null
 * @param before          only executions older than the row with this key ({@link ExecutionSummary#key}); 0 for the newest
 * @param limit           at most this many
 */
public record ExecutionQuery(String stateMachineArn, ExecutionStatus status, Boolean redriven, String qualifierArn,
                             long before, int limit) {}
