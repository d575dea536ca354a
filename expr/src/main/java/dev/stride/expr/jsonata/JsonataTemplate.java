package dev.stride.expr.jsonata;

import com.fasterxml.jackson.databind.JsonNode;
import dev.stride.expr.VariableLookup;

/** STUB until the JSONata layer lands. */
public final class JsonataTemplate {
    public static JsonataTemplate compile(JsonNode template, String fieldName) { return new JsonataTemplate(); }
    public boolean isConstant() { return false; }
    public JsonNode evaluate(JsonNode statesBinding, VariableLookup variables, EvaluationBudget budget) {
        throw new UnsupportedOperationException("JSONata is not available yet");
    }
}
