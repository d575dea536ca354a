package dev.stride.asl.model;

import com.fasterxml.jackson.databind.JsonNode;

/** Task: calls the integration named by {@code resource}. */
public record TaskState(Common common, String resource, DataFlow flow, ErrorHandling errors,
                        IntField timeoutSeconds, IntField heartbeatSeconds, JsonNode credentials) implements State {}
