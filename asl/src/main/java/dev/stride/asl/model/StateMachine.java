package dev.stride.asl.model;

import com.fasterxml.jackson.databind.JsonNode;

/** A compiled state machine definition: its top-level graph plus the execution-wide settings. */
public record StateMachine(StateGraph graph, Integer timeoutSeconds, QueryLanguage queryLanguage, JsonNode source) {}
