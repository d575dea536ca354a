package dev.stride.engine;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A read-only picture of an execution, as DescribeExecution shows it. Output only when SUCCEEDED;
 * {@code mapRunArn} names the distributed Map Run of a child execution (null otherwise);
 * {@code annotation} is what its start asked to keep ({@link StartRequest#annotation}); {@code
 * definition} the definition text it runs (null in list rows); {@code redriveCount} and {@code
 * redriveMillis} its redrives (0 until the first).
 */
public record ExecutionView(String executionArn, String name, String stateMachineArn, ExecutionStatus status,
                            JsonNode input, JsonNode output, String error, String cause,
                            long startMillis, long stopMillis, boolean express, String mapRunArn,
                            String annotation, String definition, int redriveCount, long redriveMillis) {

    /** A view without annotation, definition or redrives. */
    public ExecutionView(String executionArn, String name, String stateMachineArn, ExecutionStatus status, JsonNode input,
                         JsonNode output, String error, String cause, long startMillis, long stopMillis, boolean express,
                         String mapRunArn) {
        this(executionArn, name, stateMachineArn, status, input, output, error, cause, startMillis, stopMillis, express, mapRunArn,
                null, null, 0, 0);
    }

    /** An execution that belongs to no Map Run. */
    public ExecutionView(String executionArn, String name, String stateMachineArn, ExecutionStatus status, JsonNode input,
                         JsonNode output, String error, String cause, long startMillis, long stopMillis, boolean express) {
        this(executionArn, name, stateMachineArn, status, input, output, error, cause, startMillis, stopMillis, express, null);
    }
}
