package dev.stride.api.console;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.stride.asl.read.DefinitionReader;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * The console's changes, each one Step Functions action (or two): start, stop, redrive, start
 * again with the same input, and re-run from a state. A re-run is a new execution of a companion
 * machine, {@code NAME-rerun}, whose definition is the original's starting at the chosen
 * top-level state and keeping only the states reachable from it (AWS rejects unreachable ones).
 */
final class Actions {
    private static final String RERUN_SUFFIX = "-rerun";
    private final Backend backend;

    Actions(Backend backend) { this.backend = backend; }

    JsonNode run(String action, ObjectNode body) {
        return switch (action) {
            case "api/start" -> start(text(body, "stateMachineArn"), body.path("input").asText("{}"), body.path("name").asText(""));
            case "api/stop" -> {
                backend.stepFunctions("StopExecution", req().put("executionArn", text(body, "executionArn"))
                        .put("error", "Console.Stopped").put("cause", "Stopped from the Stride console"));
                yield req().put("executionArn", text(body, "executionArn"));
            }
            case "api/redrive" -> {
                backend.stepFunctions("RedriveExecution", req().put("executionArn", text(body, "executionArn")));
                yield req().put("executionArn", text(body, "executionArn"));
            }
            case "api/again" -> {
                JsonNode e = backend.stepFunctions("DescribeExecution", req().put("executionArn", text(body, "executionArn")));
                yield start(e.path("stateMachineArn").asText(), e.path("input").asText("{}"), "");
            }
            case "api/rerun" -> rerun(text(body, "executionArn"), text(body, "state"), body.path("input").asText("{}"));
            default -> throw new Backend.Failure("UnknownOperation", "no console action " + action);
        };
    }

    private JsonNode start(String machineArn, String input, String name) {
        ObjectNode req = req().put("stateMachineArn", machineArn).put("input", input);
        if (!name.isBlank()) req.put("name", name.trim());
        JsonNode started = backend.stepFunctions("StartExecution", req);
        return req().put("executionArn", started.path("executionArn").asText());
    }

    private JsonNode rerun(String executionArn, String state, String input) {
        JsonNode machine = backend.stepFunctions("DescribeStateMachineForExecution", req().put("executionArn", executionArn));
        JsonNode definition = DefinitionReader.read(machine.path("definition").asText());
        if (!definition.path("States").has(state)) {
            throw new Backend.Failure("ValidationException", "\"" + state + "\" is not a top-level state; re-run from the Parallel or Map state that holds it");
        }
        ObjectNode from = definition.deepCopy();
        from.put("StartAt", state);
        ObjectNode states = (ObjectNode) from.get("States");
        Set<String> keep = reachable(states, state);
        states.retain(keep);
        String original = machine.path("name").asText();
        String name = (original.length() > 80 - RERUN_SUFFIX.length() ? original.substring(0, 80 - RERUN_SUFFIX.length()) : original) + RERUN_SUFFIX;
        String described = machine.path("stateMachineArn").asText();
        String arn = described.substring(0, described.indexOf(":stateMachine:") + ":stateMachine:".length()) + name;
        String text = from.toString();
        try {
            backend.stepFunctions("UpdateStateMachine", req().put("stateMachineArn", arn).put("definition", text));
        } catch (Backend.Failure missing) {
            if (!missing.type.contains("DoesNotExist")) throw missing;
            String type = executionArn.contains(":express:") ? "EXPRESS" : "STANDARD";
            backend.stepFunctions("CreateStateMachine", req().put("name", name).put("definition", text)
                    .put("roleArn", machine.path("roleArn").asText()).put("type", type));
        }
        return start(arn, input, "");
    }

    private static Set<String> reachable(ObjectNode states, String start) {
        Set<String> seen = new LinkedHashSet<>();
        Deque<String> todo = new ArrayDeque<>();
        todo.add(start);
        while (!todo.isEmpty()) {
            String s = todo.pop();
            if (!states.has(s) || !seen.add(s)) continue;
            JsonNode st = states.get(s);
            for (String f : new String[] {"Next", "Default"}) if (st.path(f).isTextual()) todo.add(st.get(f).asText());
            for (Iterator<JsonNode> it = st.path("Choices").elements(); it.hasNext(); ) todo.add(it.next().path("Next").asText());
            for (Iterator<JsonNode> it = st.path("Catch").elements(); it.hasNext(); ) todo.add(it.next().path("Next").asText());
        }
        return seen;
    }

    private static ObjectNode req() { return Html.MAPPER.createObjectNode(); }

    private static String text(ObjectNode body, String field) {
        String v = body.path(field).asText("");
        if (v.isEmpty()) throw new Backend.Failure("ValidationException", "missing " + field);
        return v;
    }
}
