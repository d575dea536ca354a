package dev.stride.engine.spi;

import dev.stride.engine.ExecutionStatus;

/**
 * One row of {@link ExecutionStore#list}: what ListExecutions shows of an execution, without its
 * payloads. {@code key} orders rows (larger is newer) and is what {@link ExecutionQuery#before} takes.
 */
public record ExecutionSummary(long key, String executionArn, String name, String stateMachineArn, boolean express,
                               ExecutionStatus status, long startMillis, long stopMillis, String mapRunArn,
                               String annotation, int redriveCount, long redriveMillis) {}
