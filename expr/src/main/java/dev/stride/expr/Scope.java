package dev.stride.expr;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.function.Supplier;

/**
 * What an expression can read: the current value ({@code $}), the context object ({@code $$})
 * and the workflow variables ({@code $name}). The context object may be given as a supplier: it
 * is then built on the first {@code $$} read only, since most states never read it.
 */
public final class Scope {
    private final JsonNode input;
    private final VariableLookup variables;
    private Supplier<JsonNode> contextSupplier;
    private JsonNode context;

    public Scope(JsonNode input, JsonNode context, VariableLookup variables) {
        this.input = input;
        this.context = context;
        this.variables = variables;
    }

    private Scope(JsonNode input, Supplier<JsonNode> contextSupplier, VariableLookup variables) {
        this.input = input;
        this.contextSupplier = contextSupplier;
        this.variables = variables;
    }

    /** A scope whose context object is built when first read. */
    public static Scope lazy(JsonNode input, Supplier<JsonNode> context, VariableLookup variables) {
        return new Scope(input, context, variables);
    }

    public JsonNode input() { return input; }

    public JsonNode context() {
        if (context == null && contextSupplier != null) {
            context = contextSupplier.get();
            contextSupplier = null;
        }
        return context;
    }

    public VariableLookup variables() { return variables; }

    public Scope withInput(JsonNode newInput) {
        Scope s = new Scope(newInput, context, variables);
        if (context == null) s.contextSupplier = contextSupplier;
        return s;
    }
}
