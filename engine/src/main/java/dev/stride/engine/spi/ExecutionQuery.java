package dev.stride.engine.spi;

import dev.stride.engine.ExecutionStatus;

/**
 * Which executions {@link ExecutionStore#list} returns: those of one state machine, newest start
 * first (executions started in the same millisecond in the order the store first wrote them), a
 * page at a time.
 *
 * @param stateMachineArn the machine the executions ran (as started: unqualified)
 * @param status          only executions in this status, or null for any
 * @param redriven        only redriven ones (true), only never redriven ones (false), or null for both
 * @param qualifierArn    only executions whose annotation names this ARN as its {@code versionArn}
 *                        or {@code aliasArn} member (a version or alias they were started through), or null
 * @param beforeStartMillis with {@code beforeKey}: only executions after this row in the order (the
 *                        last row of the previous page: its start and {@link ExecutionSummary#key})
 * @param beforeKey       0 for the first page
 * @param limit           at most this many
 */
public record ExecutionQuery(String stateMachineArn, ExecutionStatus status, Boolean redriven, String qualifierArn,
                             long beforeStartMillis, long beforeKey, int limit) {}
