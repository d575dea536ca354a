package dev.stride.expr;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * What an expression can read: the current value ({@code $}), the context object ({@code $$})
 * and the workflow variables ({@code $name}).
 */
public record Scope(JsonNode input, JsonNode context, VariableLookup variables) {
    public Scope withInput(JsonNode newInput) { return new Scope(newInput, context, variables); }
}
