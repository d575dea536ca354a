package dev.stride.engine;

import com.fasterxml.jackson.databind.JsonNode;

/** A read-only picture of an execution, as DescribeExecution shows it. Output only when SUCCEEDED. */
public record ExecutionView(String executionArn, String name, String stateMachineArn, ExecutionStatus status,
                            JsonNode input, JsonNode output, String error, String cause,
                            long startMillis, long stopMillis, boolean express) {}
