package dev.stride.engine.spi;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * What a Task state asks an integration to do. {@code rootExecutionArn} is the execution the user
 * started: the same as {@code executionArn} unless the task runs in a distributed Map's child
 * (mocks and tests follow the execution they started, whatever its Map Runs start).
 */
public record TaskInvocation(String executionArn, String stateName, String resource, JsonNode input,
                             String taskToken, Long timeoutSeconds, Long heartbeatSeconds, int attempt,
                             String rootExecutionArn) {

    /** A task of an execution that is nobody's child. */
    public TaskInvocation(String executionArn, String stateName, String resource, JsonNode input,
                          String taskToken, Long timeoutSeconds, Long heartbeatSeconds, int attempt) {
        this(executionArn, stateName, resource, input, taskToken, timeoutSeconds, heartbeatSeconds, attempt, executionArn);
    }
}
