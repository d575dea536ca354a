package dev.stride.expr;

import com.fasterxml.jackson.databind.JsonNode;

/** Resolves workflow variables ({@code $name}) visible to the current state. */
@FunctionalInterface
public interface VariableLookup {
    VariableLookup NONE = name -> null;

    /** The variable's value, or {@code null} (Java null) when no such variable is defined. */
    JsonNode lookup(String name);
}
