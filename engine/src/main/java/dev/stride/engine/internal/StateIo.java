package dev.stride.engine.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.stride.asl.model.Common;
import dev.stride.asl.model.ResultPath;
import dev.stride.expr.ErrorNames;
import dev.stride.expr.Json;
import dev.stride.expr.Scope;
import dev.stride.expr.StatesError;
import dev.stride.expr.path.JsonPath;

/** JSONPath input/output processing in AWS order: InputPath, (Parameters), ResultSelector, ResultPath, OutputPath. */
final class StateIo {
    private StateIo() {}

    static JsonNode inputPath(Common c, Scope scope) {
        if (c.inputPathNull()) return Json.NODES.objectNode();
        return select(c.inputPath(), scope);
    }

    static JsonNode outputPath(Common c, Scope scope) {
        if (c.outputPathNull()) return Json.NODES.objectNode();
        return select(c.outputPath(), scope);
    }

    private static JsonNode select(JsonPath path, Scope scope) {
        if (path == null) return scope.input();
        JsonNode v = path.read(scope);
        if (v == null) {
            throw new StatesError(ErrorNames.RUNTIME,
                    "Invalid path '" + path.text() + "' : No results for path: " + path.canonical());
        }
        return v;
    }

    static JsonNode resultPath(ResultPath rp, JsonNode rawInput, JsonNode result) {
        if (rp.discard()) return rawInput;
        if (rp.path() == null) return result;
        return rp.path().write(rawInput, result);
    }

    /** The $states binding of a JSONata state. Absent parts are left out. */
    static ObjectNode states(JsonNode input, JsonNode result, JsonNode errorOutput, JsonNode context) {
        ObjectNode s = Json.NODES.objectNode();
        s.set("input", input);
        if (result != null) s.set("result", result);
        if (errorOutput != null) s.set("errorOutput", errorOutput);
        s.set("context", context);
        return s;
    }

    static ObjectNode errorOutput(String error, String cause) {
        ObjectNode o = Json.NODES.objectNode();
        if (error != null) o.put("Error", error);
        if (cause != null) o.put("Cause", cause);
        return o;
    }
}
