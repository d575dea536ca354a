package dev.stride.integrations;

import com.fasterxml.jackson.databind.JsonNode;
import dev.stride.engine.ExecutionStatus;
import dev.stride.engine.ExecutionView;
import dev.stride.expr.Json;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A Step Functions Local mock configuration (MockConfigFile.json), read unchanged:
 * <pre>
 * {"StateMachines": {"Orders": {"TestCases": {"HappyPath": {"Charge": "ChargeOk"}}}},
 *  "MockedResponses": {"ChargeOk": {"0": {"Throw": {"Error": "Lambda.TooManyRequestsException", "Cause": "busy"}},
 *                                   "1-2": {"Return": {"StatusCode": 200, "Payload": {"charged": true}}}}}}
 * </pre>
 * Invocation numbers count every run of the state in one execution, retries included, from 0.
 * <p>Stride's extension, for {@code stride test}: a test case may hold {@code "Expect": {...}} (an
 * object, so it cannot be confused with a state mapped to a response name) with any of
 * {@code Status} (default SUCCEEDED, or FAILED when Error is given), {@code Output} (compared as
 * JSON), {@code Error} and {@code Cause}. Without it a case passes when its execution succeeds.
 * {@code "Input": {...}} (any JSON but a string) gives the case's execution input.
 */
public final class MockConfig {
    private static final Pattern RANGE = Pattern.compile("(\\d+)(?:-(\\d+))?");
    private final Map<String, Map<String, TestCase>> machines;
    private final Map<String, List<MockEntry>> responses;

    /** One test case: state name to mocked response name, and what the execution should end with. */
    public record TestCase(String machineName, String name, Map<String, String> states, Expectation expect, JsonNode input) {}

    /** What a test case expects of its execution; null fields are not checked. */
    public record Expectation(String status, JsonNode output, String error, String cause) {
        public static final Expectation SUCCEEDS = new Expectation("SUCCEEDED", null, null, null);

        /** Null when the execution meets the expectation, else why not. */
        public String mismatch(ExecutionView v) {
            if (!v.status().name().equals(status)) {
                String why = v.error() == null ? "" : " (" + v.error() + (v.cause() == null ? "" : ": " + v.cause()) + ")";
                return "expected status " + status + " but was " + v.status() + why;
            }
            if (error != null && !error.equals(v.error())) return "expected error " + error + " but was " + v.error();
            if (cause != null && !cause.equals(v.cause())) return "expected cause " + cause + " but was " + v.cause();
            if (output != null && (v.status() != ExecutionStatus.SUCCEEDED || !sameJson(output, v.output()))) {
                return "expected output " + Json.write(output) + " but was " + (v.output() == null ? "none" : Json.write(v.output()));
            }
            return null;
        }

        private static boolean sameJson(JsonNode a, JsonNode b) {
            if (a == null || b == null) return a == b;
            if (a.isNumber() && b.isNumber()) return a.decimalValue().compareTo(b.decimalValue()) == 0;
            if (a.isArray() && b.isArray()) {
                if (a.size() != b.size()) return false;
                for (int i = 0; i < a.size(); i++) if (!sameJson(a.get(i), b.get(i))) return false;
                return true;
            }
            if (a.isObject() && b.isObject()) {
                if (a.size() != b.size()) return false;
                var it = a.fieldNames();
                while (it.hasNext()) {
                    String f = it.next();
                    if (!sameJson(a.get(f), b.get(f))) return false;
                }
                return true;
            }
            return a.equals(b);
        }
    }

    /** What one invocation of a mocked state answers: a result, or an error. */
    public record MockOutcome(JsonNode returnValue, String error, String cause) {
        public boolean throwsError() { return returnValue == null; }
    }

    private record MockEntry(int from, int to, MockOutcome outcome) {}

    private MockConfig(Map<String, Map<String, TestCase>> machines, Map<String, List<MockEntry>> responses) {
        this.machines = machines;
        this.responses = responses;
    }

    public static MockConfig read(Path file) {
        try {
            return parse(Files.readString(file));
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read mock config " + file + ": " + e.getMessage(), e);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(file + ": " + e.getMessage(), e);
        }
    }

    /** Parses the file's JSON; every problem found is reported at once. */
    public static MockConfig parse(String json) {
        JsonNode root;
        try {
            root = Json.MAPPER.readTree(json);
        } catch (IOException e) {
            throw new IllegalArgumentException("not valid JSON: " + e.getMessage().lines().findFirst().orElse(""));
        }
        List<String> problems = new ArrayList<>();
        if (root == null || !root.isObject()) throw new IllegalArgumentException("expected a JSON object with StateMachines and MockedResponses");
        Map<String, List<MockEntry>> responses = new LinkedHashMap<>();
        root.path("MockedResponses").fields().forEachRemaining(e -> responses.put(e.getKey(), entries(e.getKey(), e.getValue(), problems)));
        Map<String, Map<String, TestCase>> machines = new LinkedHashMap<>();
        root.path("StateMachines").fields().forEachRemaining(m -> {
            Map<String, TestCase> cases = new LinkedHashMap<>();
            m.getValue().path("TestCases").fields().forEachRemaining(c ->
                    cases.put(c.getKey(), testCase(m.getKey(), c.getKey(), c.getValue(), responses, problems)));
            machines.put(m.getKey(), Collections.unmodifiableMap(cases));
        });
        if (!problems.isEmpty()) throw new IllegalArgumentException(String.join("; ", problems));
        return new MockConfig(machines, responses);
    }

    private static TestCase testCase(String machine, String name, JsonNode node, Map<String, List<MockEntry>> responses, List<String> problems) {
        String at = "StateMachines." + machine + ".TestCases." + name;
        Map<String, String> states = new LinkedHashMap<>();
        Expectation expect = Expectation.SUCCEEDS;
        JsonNode input = null;
        if (!node.isObject()) problems.add(at + ": expected an object of state names to mocked response names");
        var it = node.fields();
        while (it.hasNext()) {
            var e = it.next();
            if (e.getKey().equals("Expect") && e.getValue().isObject()) {
                expect = expectation(e.getValue(), at + ".Expect", problems);
            } else if (e.getKey().equals("Input") && !e.getValue().isTextual()) {
                input = e.getValue();
            } else if (!e.getValue().isTextual()) {
                problems.add(at + "." + e.getKey() + ": expected a mocked response name");
            } else if (!responses.containsKey(e.getValue().textValue())) {
                problems.add(at + "." + e.getKey() + ": no mocked response named '" + e.getValue().textValue() + "' in MockedResponses");
            } else {
                states.put(e.getKey(), e.getValue().textValue());
            }
        }
        return new TestCase(machine, name, Collections.unmodifiableMap(states), expect, input);
    }

    private static Expectation expectation(JsonNode n, String at, List<String> problems) {
        String status = field(n, "Status");
        String error = field(n, "Error");
        String cause = field(n, "Cause");
        JsonNode output = n.has("Output") ? n.get("Output") : n.get("output");
        if (status == null) status = error != null || cause != null ? "FAILED" : "SUCCEEDED";
        try {
            ExecutionStatus.valueOf(status);
        } catch (IllegalArgumentException e) {
            problems.add(at + ".Status: '" + status + "' is not an execution status (SUCCEEDED, FAILED, TIMED_OUT, ABORTED)");
        }
        return new Expectation(status, output, error, cause);
    }

    private static String field(JsonNode n, String name) {
        JsonNode v = n.has(name) ? n.get(name) : n.get(name.toLowerCase(java.util.Locale.ROOT));
        return v == null || v.isNull() ? null : v.asText();
    }

    private static List<MockEntry> entries(String name, JsonNode node, List<String> problems) {
        List<MockEntry> out = new ArrayList<>();
        String at = "MockedResponses." + name;
        if (!node.isObject()) {
            problems.add(at + ": expected an object of invocation numbers");
            return out;
        }
        node.fields().forEachRemaining(e -> {
            Matcher m = RANGE.matcher(e.getKey());
            if (!m.matches()) {
                problems.add(at + "." + e.getKey() + ": expected an invocation number (\"0\") or range (\"1-2\")");
                return;
            }
            int from = Integer.parseInt(m.group(1));
            int to = m.group(2) == null ? from : Integer.parseInt(m.group(2));
            if (to < from) problems.add(at + "." + e.getKey() + ": the range ends before it starts");
            JsonNode v = e.getValue();
            boolean ret = v.has("Return");
            boolean thr = v.has("Throw");
            if (ret == thr) {
                problems.add(at + "." + e.getKey() + ": give exactly one of Return or Throw");
            } else if (ret) {
                out.add(new MockEntry(from, to, new MockOutcome(v.get("Return"), null, null)));
            } else {
                JsonNode t = v.get("Throw");
                JsonNode err = t.get("Error");
                JsonNode cause = t.get("Cause");
                if (err == null || !err.isTextual()) problems.add(at + "." + e.getKey() + ".Throw.Error: expected a string");
                else out.add(new MockEntry(from, to, new MockOutcome(null, err.textValue(), cause == null || cause.isNull() ? null : cause.asText())));
            }
        });
        return out;
    }

    public Optional<TestCase> testCase(String machineName, String testCaseName) {
        return Optional.ofNullable(machines.getOrDefault(machineName, Map.of()).get(testCaseName));
    }

    /** The machine's test cases in file order (empty when the file does not name the machine). */
    public List<TestCase> testCases(String machineName) { return List.copyOf(machines.getOrDefault(machineName, Map.of()).values()); }

    public List<String> machineNames() { return List.copyOf(machines.keySet()); }

    /** The answer of a mocked response for the n-th invocation (from 0), if it has one. */
    public Optional<MockOutcome> response(String responseName, int invocation) {
        for (MockEntry e : responses.getOrDefault(responseName, List.of())) {
            if (invocation >= e.from() && invocation <= e.to()) return Optional.of(e.outcome());
        }
        return Optional.empty();
    }
}
