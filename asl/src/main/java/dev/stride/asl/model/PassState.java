package dev.stride.asl.model;

import com.fasterxml.jackson.databind.JsonNode;

/** Pass: {@code result} is the static Result (null when absent). */
public record PassState(Common common, JsonNode result, DataFlow flow) implements State {}
