package dev.stride.engine.spi;

import com.fasterxml.jackson.databind.JsonNode;

/** What a Task state asks an integration to do. */
public record TaskInvocation(String executionArn, String stateName, String resource, JsonNode input,
                             String taskToken, Long timeoutSeconds, Long heartbeatSeconds, int attempt) {}
