package dev.stride.engine;

import com.fasterxml.jackson.databind.JsonNode;
import dev.stride.asl.model.StateMachine;

/**
 * What to run: a compiled machine, under a state machine ARN and name, with an input.
 * {@code executionName} may be null (a UUID is used); {@code roleArn} may be null.
 */
public record StartRequest(StateMachine machine, String stateMachineArn, String executionName, JsonNode input,
                           boolean express, String roleArn) {}
