package dev.stride.engine.spi;

import dev.stride.engine.ExecutionStatus;

/**
 * One row of {@link ExecutionStore#list}: what ListExecutions shows of an execution, without its
 * payloads. {@code key} (with the start) is where the next page goes on ({@link ExecutionQuery#beforeKey}).
 */
public record ExecutionSummary(long key, String executionArn, String name, String stateMachineArn, boolean express,
                               ExecutionStatus status, long startMillis, long stopMillis, String mapRunArn,
                               String annotation, int redriveCount, long redriveMillis) {}
