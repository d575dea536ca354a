package dev.stride.engine.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.stride.asl.model.IntField;
import dev.stride.asl.model.MapState;
import dev.stride.expr.ErrorNames;
import dev.stride.expr.Json;
import dev.stride.expr.Scope;
import dev.stride.expr.StatesError;

/** Map's inputs: the items, each item's input (ItemSelector), MaxConcurrency and tolerated failures. */
final class MapItems {
    private MapItems() {}

    static ArrayNode items(Interpreter in, ExecutionRecord ex, Frame f, MapState mp) {
        JsonNode items;
        boolean jsonata = mp.common().jsonata();
        String errorName = jsonata ? ErrorNames.QUERY_EVALUATION_ERROR : ErrorNames.RUNTIME;
        if (jsonata && mp.items() != null) {
            items = mp.items().evaluate(states(ex, f), new FrameVariables(ex, f), in.budget);
            if (items == null || !items.isArray()) {
                throw new StatesError(errorName, "The JSONata expression '" + mp.items().expressionSource()
                        + "' specified for the field 'Items' returned an unexpected result type. Expected 'array', but was '"
                        + typeName(items) + "' for value: " + (items == null ? "undefined" : Json.write(items)), "Items");
            }
        } else if (!jsonata && mp.itemsPath() != null) {
            items = mp.itemsPath().read(in.scope(ex, f, f.effectiveInput, null));
            if (items == null) {
                throw new StatesError(ErrorNames.RUNTIME, "Invalid path '" + mp.itemsPath().text() + "' : No results for path: "
                        + mp.itemsPath().canonical());
            }
        } else {
            items = jsonata ? f.rawInput : f.effectiveInput;
        }
        if (!items.isArray()) {
            throw new StatesError(errorName, "Map state input must be an array but was: " + Json.write(items));
        }
        return (ArrayNode) items;
    }

    static JsonNode select(Interpreter in, ExecutionRecord ex, Frame f, MapState mp, int index, JsonNode item) {
        if (mp.itemSelector() != null) {
            ObjectNode context = ContextObject.withMapItem(ContextObject.build(ex, f, null), index, item);
            return mp.itemSelector().evaluate(new Scope(f.taskInput, context, new FrameVariables(ex, f)));
        }
        if (mp.itemSelectorExpr() != null) {
            ObjectNode context = ContextObject.withMapItem(ContextObject.build(ex, f, null), index, item);
            return mp.itemSelectorExpr().evaluate(StateIo.states(f.rawInput, null, null, context), new FrameVariables(ex, f), in.budget);
        }
        return item;
    }

    /** MaxConcurrency or ToleratedFailureCount: a non-negative integer from a constant, path or expression. */
    static long count(Interpreter in, ExecutionRecord ex, Frame f, MapState mp, IntField field, String name) {
        if (!field.present()) return 0;
        if (field.constant() != null) return field.constant();
        if (field.path() != null) {
            JsonNode v = field.path().read(in.scope(ex, f, f.effectiveInput, null));
            if (v != null && v.isTextual() && v.textValue().matches("-?\\d{1,18}")) v = Json.NODES.numberNode(Long.parseLong(v.textValue()));
            if (v == null || !v.isIntegralNumber()) {
                String shown = v == null ? "null" : v.isTextual() ? v.textValue() : Json.write(v);
                throw new StatesError(ErrorNames.RUNTIME, "The " + name + "Path field refers to value \"" + shown
                        + "\" which is not a valid integer: " + field.path().text());
            }
            if (v.longValue() < 0) throw new StatesError(ErrorNames.RUNTIME, name + " cannot be negative.");
            return v.longValue();
        }
        JsonNode v = field.jsonata().evaluate(states(ex, f), new FrameVariables(ex, f), in.budget);
        if (v == null || !v.isIntegralNumber() || v.longValue() < 0) {
            throw new StatesError(ErrorNames.QUERY_EVALUATION_ERROR, "The " + name + " field must be a non-negative integer but was: "
                    + (v == null ? "undefined" : Json.write(v)));
        }
        return v.longValue();
    }

    static double percentage(Interpreter in, ExecutionRecord ex, Frame f, MapState mp) {
        JsonNode v;
        if (mp.toleratedFailurePercentage() != null) return mp.toleratedFailurePercentage();
        if (mp.toleratedFailurePercentagePath() != null) {
            v = mp.toleratedFailurePercentagePath().read(in.scope(ex, f, f.effectiveInput, null));
            if (v != null && v.isTextual() && v.textValue().matches("-?\\d{1,9}(\\.\\d+)?")) v = Json.NODES.numberNode(Double.parseDouble(v.textValue()));
            if (v == null || !v.isNumber()) {
                String shown = v == null ? "null" : v.isTextual() ? v.textValue() : Json.write(v);
                throw new StatesError(ErrorNames.RUNTIME, "The ToleratedFailurePercentagePath field refers to value \"" + shown
                        + "\" which is not a valid float: " + mp.toleratedFailurePercentagePath().text());
            }
        } else if (mp.toleratedFailurePercentageExpr() != null) {
            v = mp.toleratedFailurePercentageExpr().evaluate(states(ex, f), new FrameVariables(ex, f), in.budget);
            if (v == null || !v.isNumber()) {
                throw new StatesError(ErrorNames.QUERY_EVALUATION_ERROR, "The ToleratedFailurePercentage field must be a number");
            }
        } else {
            return -1;
        }
        double pct = v.doubleValue();
        if (pct < 0 || pct > 100) {
            throw new StatesError(ErrorNames.RUNTIME, "ToleratedFailurePercentage must be between 0 and 100.");
        }
        return pct;
    }

    private static ObjectNode states(ExecutionRecord ex, Frame f) {
        return StateIo.states(f.rawInput, null, null, ContextObject.build(ex, f, null));
    }

    static String typeName(JsonNode v) {
        if (v == null) return "undefined";
        return switch (v.getNodeType()) {
            case ARRAY -> "array";
            case OBJECT -> "object";
            case STRING -> "string";
            case NUMBER -> "number";
            case BOOLEAN -> "boolean";
            case NULL -> "null";
            default -> v.getNodeType().toString().toLowerCase();
        };
    }
}
