package dev.stride.expr.template;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.stride.expr.Json;
import dev.stride.expr.Scope;
import dev.stride.expr.StatesError;
import dev.stride.expr.VariableLookup;
import dev.stride.expr.intrinsic.IntrinsicRuntime;
import dev.stride.expr.path.JsonPath;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Replays the AWS-recorded corpus cases whose definitions are chains of Pass states (InputPath, Parameters, Result,
 * ResultPath, OutputPath are all handled by this module) and compares outputs, or error and cause.
 */
class IntrinsicConformanceTest {
    private static final String PLACEHOLDER_ARN = "arn:<partition>:states:<region>:111111111111:";
    private static final String ENGINE_PREFIX = "An error occurred while executing the state '";

    private static Path corpus() {
        return Path.of(System.getProperty("stride.shared", "/work/shared"), "conformance");
    }

    @Test
    void everyStandalonePassChainInTheCorpusMatchesAws() throws IOException {
        Path corpus = corpus();
        assumeTrue(Files.isDirectory(corpus), "no conformance corpus at " + corpus);
        List<String> failures = new ArrayList<>();
        int evaluated = 0;
        int intrinsicsEvaluated = 0;
        int skipped = 0;
        for (String category : List.of("intrinsics", "pass", "errors", "context")) {
            List<Path> files;
            try (Stream<Path> s = Files.list(corpus.resolve(category))) {
                files = s.filter(p -> p.toString().endsWith(".json")).sorted().toList();
            }
            for (Path file : files) {
                JsonNode c = Json.MAPPER.readTree(file.toFile());
                JsonNode definition = c.get("definition");
                if (definition == null || !isPassChain(definition)
                        || c.path("expected").path("error").asText().equals("States.DataLimitExceeded")) { // payload limits are the engine's
                    skipped++;
                    continue;
                }
                evaluated++;
                if (category.equals("intrinsics")) intrinsicsEvaluated++;
                String problem = check(c);
                if (problem != null) failures.add(c.get("name").asText() + ": " + abbreviate(problem));
            }
        }
        System.out.printf("conformance: %d Pass-chain cases evaluated (%d intrinsics), %d matched, %d skipped%n",
                evaluated, intrinsicsEvaluated, evaluated - failures.size(), skipped);
        assertThat(failures).isEmpty();
        assertThat(intrinsicsEvaluated).isEqualTo(132);
    }

    private static String abbreviate(String s) {
        return s.length() <= 600 ? s : s.substring(0, 600) + "...";
    }

    private static boolean isPassChain(JsonNode definition) {
        if (definition.has("QueryLanguage")) return false;
        for (JsonNode state : definition.get("States")) {
            String type = state.path("Type").asText();
            if (!(type.equals("Pass") || type.equals("Fail")) || state.has("Assign") || state.has("QueryLanguage")) return false;
        }
        return true;
    }

    private static String check(JsonNode c) {
        JsonNode definition = c.get("definition");
        JsonNode input = c.get("input");
        JsonNode expected = c.get("expected");
        IntrinsicRuntime runtime = IntrinsicRuntime.of(new Random(42));
        JsonNode data = input;
        String name = definition.get("StartAt").asText();
        try {
            while (true) {
                JsonNode state = definition.get("States").get(name);
                ObjectNode context = context(input, name);
                if (state.path("Type").asText().equals("Fail")) {
                    Scope failScope = new Scope(data, context, VariableLookup.NONE);
                    String error = state.has("ErrorPath")
                            ? DynamicValue.compile(state.get("ErrorPath").asText()).evaluate(failScope, "ErrorPath", runtime).asText()
                            : state.path("Error").asText(null);
                    String cause = state.has("CausePath")
                            ? DynamicValue.compile(state.get("CausePath").asText()).evaluate(failScope, "CausePath", runtime).asText()
                            : state.path("Cause").asText(null);
                    throw new StatesError(error, cause);
                }
                JsonNode effective = applyPath(state, "InputPath", data, context);
                Scope scope = new Scope(effective, context, VariableLookup.NONE);
                JsonNode result = effective;
                if (state.has("Parameters")) result = PayloadTemplate.compile(state.get("Parameters")).evaluate(scope, runtime);
                if (state.has("Result")) result = state.get("Result");
                JsonNode resultPath = state.get("ResultPath");
                if (resultPath == null) data = result;
                else if (!resultPath.isNull()) data = JsonPath.compile(resultPath.asText()).write(data, result);
                data = applyPath(state, "OutputPath", data, context);
                if (state.path("End").asBoolean(false)) break;
                name = state.get("Next").asText();
            }
        } catch (StatesError e) {
            if (!expected.path("status").asText().equals("FAILED")) return "unexpected error " + e.error() + ": " + e.cause();
            if (e.error() == null && e.cause() == null && !expected.has("error") && !expected.has("cause")) return null;
            String cause = expected.path("cause").asText();
            if (cause.startsWith(ENGINE_PREFIX)) cause = cause.substring(cause.indexOf("). ") + 3);
            String regex = java.util.regex.Pattern.quote(cause).replaceAll("<json-input:\\d+>", "\\\\E.*\\\\Q");
            if (!expected.path("error").asText().equals(e.error()) || e.cause() == null || !e.cause().matches(regex)) {
                return "expected " + expected.path("error").asText() + " / " + cause + " but got " + e.error() + " / " + e.cause();
            }
            return null;
        }
        if (!expected.path("status").asText().equals("SUCCEEDED")) return "expected failure but got " + Json.write(data);
        Set<String> wildcards = new HashSet<>();
        for (JsonNode t : c.path("notes").path("snapshotTransformers")) {
            if (t.path("args").size() > 1) wildcards.add(t.path("args").get(1).asText());
        }
        if (!matches(expected.get("output"), data, wildcards)) {
            return "expected " + Json.write(expected.get("output")) + " but got " + Json.write(data);
        }
        return null;
    }

    /** A fresh context object per state, with the placeholders the recordings use. */
    private static ObjectNode context(JsonNode input, String stateName) {
        ObjectNode context = Json.NODES.objectNode();
        ObjectNode execution = context.putObject("Execution");
        execution.put("Id", PLACEHOLDER_ARN + "execution:<ArnPart_0idx>:<ExecArnPart_0idx>");
        execution.set("Input", input);
        execution.put("StartTime", "date");
        execution.put("Name", "<ExecArnPart_0idx>");
        execution.put("RoleArn", "snf_role_arn");
        execution.put("RedriveCount", 0);
        ObjectNode machine = context.putObject("StateMachine");
        machine.put("Id", PLACEHOLDER_ARN + "stateMachine:<ArnPart_0idx>");
        machine.put("Name", "<ArnPart_0idx>");
        ObjectNode state = context.putObject("State");
        state.put("EnteredTime", "date");
        state.put("Name", stateName);
        return context;
    }

    private static JsonNode applyPath(JsonNode state, String field, JsonNode data, JsonNode context) {
        JsonNode p = state.get(field);
        if (p == null) return data;
        if (p.isNull()) return Json.NODES.objectNode();
        JsonNode v = JsonPath.compile(p.asText()).read(new Scope(data, context, VariableLookup.NONE));
        if (v == null) throw new StatesError("States.Runtime", "Invalid path '" + p.asText() + "' : No results for path: "
                + JsonPath.compile(p.asText()).canonical());
        return v;
    }

    /** Structural equality where expected strings replaced by the recording's transformers (or <uuid:N>) match anything. */
    private static boolean matches(JsonNode expected, JsonNode actual, Set<String> wildcards) {
        if (expected.isTextual() && (wildcards.contains(expected.asText()) || expected.asText().matches("<uuid:\\d+>"))) {
            return actual != null;
        }
        if (expected.isObject()) {
            if (actual == null || !actual.isObject() || actual.size() != expected.size()) return false;
            for (Map.Entry<String, JsonNode> e : expected.properties()) {
                if (!matches(e.getValue(), actual.get(e.getKey()), wildcards)) return false;
            }
            return true;
        }
        if (expected.isArray()) {
            if (actual == null || !actual.isArray() || actual.size() != expected.size()) return false;
            for (int i = 0; i < expected.size(); i++) {
                if (!matches(expected.get(i), actual.get(i), wildcards)) return false;
            }
            return true;
        }
        return expected.equals(actual);
    }
}
