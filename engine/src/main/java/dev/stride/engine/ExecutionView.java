package dev.stride.engine;

import com.fasterxml.jackson.databind.JsonNode;

/** A read-only picture of an execution, as DescribeExecution shows it. Output only when SUCCEEDED;
 * {@code mapRunArn} names the distributed Map Run of a child execution (null otherwise). */
public record ExecutionView(String executionArn, String name, String stateMachineArn, ExecutionStatus status,
                            JsonNode input, JsonNode output, String error, String cause,
                            long startMillis, long stopMillis, boolean express, String mapRunArn) {

    /** An execution that belongs to no Map Run. */
    public ExecutionView(String executionArn, String name, String stateMachineArn, ExecutionStatus status, JsonNode input,
                         JsonNode output, String error, String cause, long startMillis, long stopMillis, boolean express) {
        this(executionArn, name, stateMachineArn, status, input, output, error, cause, startMillis, stopMillis, express, null);
    }
}
