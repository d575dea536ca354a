package dev.stride.expr.path;

import com.fasterxml.jackson.databind.JsonNode;
import dev.stride.expr.Scope;

/** STUB: replaced by the JSONPath implementation. */
public final class JsonPath {
    private final String text;
    private JsonPath(String text) { this.text = text; }

    /** Compiles a path rooted at $ (input), $$ (context) or $name (variable). @throws IllegalArgumentException on bad syntax. */
    public static JsonPath compile(String text) { return new JsonPath(text); }

    public String text() { return text; }

    /** True when the path selects at most one node (no wildcard, filter, slice, union or deep scan). */
    public boolean isDefinite() { throw new UnsupportedOperationException("stub"); }

    /** The selected value; an array for an indefinite path; Java null when the path matches nothing. */
    public JsonNode read(Scope scope) { throw new UnsupportedOperationException("stub"); }

    /** Jayway's rendering used in AWS messages, e.g. {@code $['a']['b']}. */
    public String canonical() { throw new UnsupportedOperationException("stub"); }

    /** Returns a copy of target with value placed at this (definite, $-rooted) path, creating objects as needed. */
    public JsonNode write(JsonNode target, JsonNode value) { throw new UnsupportedOperationException("stub"); }
}
