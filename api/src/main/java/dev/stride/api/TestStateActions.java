package dev.stride.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.stride.asl.compile.DefinitionCompiler;
import dev.stride.asl.read.DefinitionReader;
import dev.stride.asl.validation.DefinitionValidator;
import dev.stride.asl.validation.Diagnostic;
import dev.stride.asl.validation.StateMachineType;
import dev.stride.engine.ExecutionStatus;
import dev.stride.engine.ExecutionView;
import dev.stride.engine.StartRequest;
import dev.stride.engine.history.HistoryEvent;
import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeoutException;

/**
 * TestState: runs one state on the server's engine (so configured integrations apply) by
 * wrapping it in a machine whose other states are stubs: each state its Next, Default, Choices
 * or Catch name is a Pass that ends the run, so the stub entered is the {@code nextState} and its
 * input the tested state's output. Retriers are taken out and evaluated here: AWS answers
 * RETRIABLE for an error a retrier would retry, without retrying. inspectionData (DEBUG, TRACE)
 * comes from the run's history and from replaying the JSONPath input/output steps
 * ({@link Inspection}).
 */
final class TestStateActions {
    private static final Duration LIMIT = Duration.ofMinutes(5);
    private static final List<String> LEVELS = List.of("INFO", "DEBUG", "TRACE");
    private final ApiContext ctx;

    TestStateActions(ApiContext ctx) { this.ctx = ctx; }

    void register(Map<String, Operation> table) { table.put("TestState", this::test); }

    private JsonNode test(Request r) {
        String level = r.string("inspectionLevel", "INFO");
        if (!LEVELS.contains(level)) {
            throw ApiError.constraint("'" + level + "'", "inspectionLevel", "Member must satisfy enum value set: " + LEVELS);
        }
        String name = r.string("stateName");
        ObjectNode state = state(r.required("definition"), name);
        if (name == null) name = "TestState";
        refuseUnsupported(state);
        JsonNode input = Wire.parse(r.string("input", "{}"), ApiError.INVALID_EXECUTION_INPUT, "Invalid State Machine Execution Input");
        JsonNode retriers = state.remove("Retry");
        Set<String> stubs = targets(state, name);
        String wrapper = wrap(name, state, stubs);

        String arn = ctx.engine.start(new StartRequest(DefinitionCompiler.compile(DefinitionReader.read(wrapper)),
                ctx.arn("stateMachine", "TestState"), "TestState-" + UUID.randomUUID(), input, false, r.string("roleArn")));
        ExecutionView v = finish(arn);
        List<HistoryEvent> history = ctx.engine.history(arn);
        ctx.engine.forget(arn);

        ObjectNode out = outcome(name, state, retriers, stubs, v, history);
        JsonNode errorDetails = out.remove("errorDetails");
        if (!level.equals("INFO")) {
            ObjectNode inspection = Inspection.of(state, input, history);
            if (errorDetails != null) inspection.set("errorDetails", errorDetails);
            out.set("inspectionData", inspection);
        }
        return out;
    }

    /** The single state to test: the definition itself, or {@code stateName} of a whole machine. */
    private static ObjectNode state(String definition, String stateName) {
        JsonNode tree = Wire.parse(definition, ApiError.INVALID_DEFINITION, "Invalid State Machine Definition");
        if (tree.has("States") && tree.has("StartAt")) {
            String wanted = stateName != null ? stateName : tree.path("StartAt").asText();
            JsonNode s = tree.path("States").get(wanted);
            if (s == null) throw ApiError.VALIDATION.with("State '" + wanted + "' does not exist in the definition");
            tree = s;
        }
        if (!(tree instanceof ObjectNode o) || !o.path("Type").isTextual()) {
            throw ApiError.INVALID_DEFINITION.with("Invalid State Machine Definition: 'the state definition must be an object with a Type'");
        }
        return o.deepCopy();
    }

    /** AWS runs activities, .sync and .waitForTaskToken tasks in TestState only with a mock, which Stride does not offer yet. */
    private static void refuseUnsupported(ObjectNode state) {
        String resource = state.path("Resource").asText("");
        if (resource.contains(":activity:") || resource.contains(".sync") || resource.endsWith(".waitForTaskToken")) {
            throw ApiError.VALIDATION.with("TestState does not support Activity tasks, .sync or .waitForTaskToken "
                    + "integration patterns without a mock: " + resource);
        }
    }

    private static Set<String> targets(ObjectNode state, String self) {
        Set<String> out = new LinkedHashSet<>();
        if (state.path("Next").isTextual()) out.add(state.get("Next").asText());
        if (state.path("Default").isTextual()) out.add(state.get("Default").asText());
        for (JsonNode c : state.path("Choices")) if (c.path("Next").isTextual()) out.add(c.get("Next").asText());
        for (JsonNode c : state.path("Catch")) if (c.path("Next").isTextual()) out.add(c.get("Next").asText());
        if (out.contains(self)) {
            throw ApiError.VALIDATION.with("TestState cannot test a state whose transition targets itself: " + self);
        }
        return out;
    }

    private static String wrap(String name, ObjectNode state, Set<String> stubs) {
        ObjectNode machine = Wire.object().put("StartAt", name);
        String language = state.path("QueryLanguage").asText(null);
        if (language != null) machine.put("QueryLanguage", language);
        ObjectNode states = machine.putObject("States");
        states.set(name, state);
        for (String stub : stubs) states.putObject(stub).put("Type", "Pass").put("End", true);
        String text = Wire.write(machine);
        List<Diagnostic> diagnostics = DefinitionValidator.validateText(text, StateMachineType.STANDARD);
        if (DefinitionValidator.hasErrors(diagnostics)) {
            throw ApiError.INVALID_DEFINITION.with(DefinitionValidator.createErrorMessage(diagnostics));
        }
        return text;
    }

    private ExecutionView finish(String arn) {
        try {
            return ctx.engine.await(arn, LIMIT);
        } catch (TimeoutException e) {
            ctx.engine.stop(arn, "States.Timeout", "TestState runs for at most five minutes");
            return ctx.engine.describe(arn);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while testing a state", e);
        }
    }

    private static ObjectNode outcome(String name, ObjectNode state, JsonNode retriers, Set<String> stubs,
                                      ExecutionView v, List<HistoryEvent> history) {
        ObjectNode out = Wire.object();
        HistoryEvent next = null;
        boolean errored = false;
        String error = v.error(), cause = v.cause();
        for (HistoryEvent e : history) {
            String stateName = e.details() == null ? null : e.details().path("name").asText(null);
            if (e.type().endsWith("StateEntered") && stubs.contains(stateName) && next == null) next = e;
            if (next != null || e.type().startsWith("Execution")) continue;
            if (e.type().endsWith("Failed") || e.type().endsWith("TimedOut")) errored = true;
            if (e.details() != null && e.details().has("error")) {
                error = e.details().get("error").asText();
                cause = e.details().path("cause").asText(null);
            }
        }
        // The engine records StateExited also when a Catch fires; a failure event before the next state tells them apart.
        boolean failed = v.status() != ExecutionStatus.SUCCEEDED || (next != null && errored);
        if (failed) {
            int retrier = Retriers.matching(retriers, error);
            if (retrier >= 0) {
                out.put("status", "RETRIABLE");
                errorFields(out, error, cause);
                out.putObject("errorDetails").put("retryIndex", retrier)
                        .put("retryBackoffIntervalSeconds", Retriers.interval(retriers.get(retrier)));
                return out;
            }
        }
        if (v.status() != ExecutionStatus.SUCCEEDED) {
            out.put("status", "FAILED");
            errorFields(out, error, cause);
            return out;
        }
        JsonNode output = next == null ? v.output() : next.details().get("input");
        out.put("status", failed ? "CAUGHT_ERROR" : "SUCCEEDED");
        if (output != null) out.put("output", Wire.write(output));
        if (failed) errorFields(out, error, cause);
        if (next != null) out.put("nextState", next.details().path("name").asText());
        return out;
    }

    private static void errorFields(ObjectNode out, String error, String cause) {
        if (error != null) out.put("error", error);
        if (cause != null) out.put("cause", cause);
    }

    /** Which retrier (if any) would retry an error on the first attempt, and after how long. */
    static final class Retriers {
        private Retriers() {}

        static int matching(JsonNode retriers, String error) {
            if (retriers == null || !retriers.isArray() || error == null) return -1;
            for (int i = 0; i < retriers.size(); i++) {
                JsonNode r = retriers.get(i);
                if (r.path("MaxAttempts").asInt(3) <= 0) continue;
                for (JsonNode name : r.path("ErrorEquals")) {
                    String n = name.asText();
                    if (n.equals(error) || n.equals("States.ALL")
                            || (n.equals("States.TaskFailed") && !error.equals("States.Timeout") && !error.startsWith("States.Runtime"))) {
                        return i;
                    }
                }
            }
            return -1;
        }

        static int interval(JsonNode retrier) { return retrier.path("IntervalSeconds").asInt(1); }
    }
}
