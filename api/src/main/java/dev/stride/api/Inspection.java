package dev.stride.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.stride.engine.history.HistoryEvent;
import dev.stride.expr.Scope;
import dev.stride.expr.VariableLookup;
import dev.stride.expr.path.JsonPath;
import dev.stride.expr.template.PayloadTemplate;
import java.util.List;

/**
 * TestState's inspectionData: each step of a state's input and output processing. Task
 * parameters and results come from the run's history (TaskScheduled, TaskSucceeded); the
 * JSONPath steps around them (InputPath, Parameters, ResultSelector, ResultPath) are replayed
 * with the expr module's public classes. {@code $$} sees an empty context object here, and
 * variables are not visible: a step that needs them is left out, as are the steps after it.
 */
final class Inspection {
    private Inspection() {}

    static ObjectNode of(ObjectNode state, JsonNode input, List<HistoryEvent> history) {
        ObjectNode d = Wire.object().put("input", Wire.write(input));
        JsonNode scheduled = detail(history, "TaskScheduled", "parameters");
        JsonNode taskResult = detail(history, "TaskSucceeded", "output");
        if ("JSONata".equals(state.path("QueryLanguage").asText())) {
            if (scheduled != null) d.put("afterArguments", Wire.write(scheduled));
            if (taskResult != null) d.put("result", Wire.write(taskResult));
            return d;
        }
        try {
            JsonNode afterInputPath = path(state, "InputPath", input, input);
            d.put("afterInputPath", Wire.write(afterInputPath));
            JsonNode afterParameters = state.has("Parameters")
                    ? (scheduled != null ? scheduled : template(state.get("Parameters"), afterInputPath))
                    : afterInputPath;
            d.put("afterParameters", Wire.write(afterParameters));
            JsonNode result = switch (state.path("Type").asText()) {
                case "Task" -> taskResult;
                case "Pass" -> state.has("Result") ? state.get("Result") : afterParameters;
                default -> null;
            };
            if (result == null) return d;
            d.put("result", Wire.write(result));
            JsonNode selected = state.has("ResultSelector") ? template(state.get("ResultSelector"), result) : result;
            d.put("afterResultSelector", Wire.write(selected));
            d.put("afterResultPath", Wire.write(resultPath(state, input, selected)));
        } catch (RuntimeException unknowable) {
            // a step needed $$ or variables (or failed, which the outcome reports): stop here
        }
        return d;
    }

    /** InputPath/OutputPath: absent keeps the value, null gives {}, otherwise the path's selection. */
    private static JsonNode path(ObjectNode state, String field, JsonNode value, JsonNode fallback) {
        if (!state.has(field)) return fallback;
        JsonNode p = state.get(field);
        if (p.isNull()) return Wire.object();
        return JsonPath.compile(p.asText()).read(scope(value));
    }

    private static JsonNode resultPath(ObjectNode state, JsonNode input, JsonNode result) {
        if (!state.has("ResultPath")) return result;
        JsonNode p = state.get("ResultPath");
        if (p.isNull()) return input;
        return JsonPath.compile(p.asText()).write(input, result);
    }

    private static JsonNode template(JsonNode template, JsonNode input) {
        return PayloadTemplate.compile(template).evaluate(scope(input));
    }

    private static Scope scope(JsonNode input) { return new Scope(input, Wire.object(), VariableLookup.NONE); }

    private static JsonNode detail(List<HistoryEvent> history, String type, String field) {
        for (HistoryEvent e : history) if (e.type().equals(type) && e.details() != null && e.details().has(field)) return e.details().get(field);
        return null;
    }
}
