package dev.stride.expr.template;

import com.fasterxml.jackson.databind.JsonNode;
import dev.stride.expr.Scope;

/** STUB: replaced by the payload template implementation. */
public final class PayloadTemplate {
    /** @throws IllegalArgumentException naming the key when a path or intrinsic call is malformed. */
    public static PayloadTemplate compile(JsonNode template) { throw new UnsupportedOperationException("stub"); }

    /** @throws dev.stride.expr.StatesError with AWS's error name and cause. */
    public JsonNode evaluate(Scope scope) { throw new UnsupportedOperationException("stub"); }
}
