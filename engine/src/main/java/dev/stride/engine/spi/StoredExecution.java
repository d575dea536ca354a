package dev.stride.engine.spi;

import dev.stride.engine.ExecutionStatus;

/**
 * An execution as a store holds it (history is read separately). Snapshot is null once final.
 * {@code annotation}, {@code redriveCount} and {@code redriveMillis} as {@link ExecutionChange} wrote them.
 */
public record StoredExecution(String executionArn, String name, String stateMachineArn, boolean express,
                              String definition, ExecutionStatus status, long startMillis, long stopMillis,
                              String inputJson, String outputJson, String error, String cause, String snapshot,
                              String mapRunArn, String annotation, int redriveCount, long redriveMillis) {

    /** An execution without annotation or redrives. */
    public StoredExecution(String executionArn, String name, String stateMachineArn, boolean express, String definition,
                           ExecutionStatus status, long startMillis, long stopMillis, String inputJson, String outputJson,
                           String error, String cause, String snapshot, String mapRunArn) {
        this(executionArn, name, stateMachineArn, express, definition, status, startMillis, stopMillis, inputJson, outputJson,
                error, cause, snapshot, mapRunArn, null, 0, 0);
    }

    /** An execution that belongs to no Map Run. */
    public StoredExecution(String executionArn, String name, String stateMachineArn, boolean express, String definition,
                           ExecutionStatus status, long startMillis, long stopMillis, String inputJson, String outputJson,
                           String error, String cause, String snapshot) {
        this(executionArn, name, stateMachineArn, express, definition, status, startMillis, stopMillis, inputJson, outputJson,
                error, cause, snapshot, null);
    }
}
