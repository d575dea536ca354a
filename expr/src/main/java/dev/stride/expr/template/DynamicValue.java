package dev.stride.expr.template;

import com.fasterxml.jackson.databind.JsonNode;
import dev.stride.expr.Scope;

/** STUB: a path or an intrinsic call given as a string, e.g. Fail's ErrorPath/CausePath. */
public final class DynamicValue {
    public static DynamicValue compile(String text) { throw new UnsupportedOperationException("stub"); }

    /** @throws dev.stride.expr.StatesError naming fieldName in AWS's words when the value cannot be found. */
    public JsonNode evaluate(Scope scope, String fieldName) { throw new UnsupportedOperationException("stub"); }
}
