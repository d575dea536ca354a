package dev.stride.engine;

import com.fasterxml.jackson.databind.JsonNode;
import dev.stride.asl.model.StateMachine;

/**
 * What to run: a compiled machine, under a state machine ARN and name, with an input.
 * {@code executionName} may be null (a UUID is used); {@code roleArn} may be null.
 * {@code annotation} is what the caller wants kept with the execution (JSON object text, opaque to
 * the engine, or null): the API's record of the version, alias and role a start used. It is
 * written in the same commit as the execution's start, and shown in every view of it.
 */
public record StartRequest(StateMachine machine, String stateMachineArn, String executionName, JsonNode input,
                           boolean express, String roleArn, String annotation) {

    /** A start with nothing kept beside the execution. */
    public StartRequest(StateMachine machine, String stateMachineArn, String executionName, JsonNode input,
                        boolean express, String roleArn) {
        this(machine, stateMachineArn, executionName, input, express, roleArn, null);
    }
}
