package dev.stride.api.console;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import dev.stride.graph.Flow;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * What happened to each state of an execution, folded from its history events (in
 * GetExecutionHistory's shape), up to any event: the console colours the graph with it, live and
 * when stepping through a finished run.
 *
 * <p>An event that belongs to a state but names none (TaskFailed, ParallelStateStarted) is
 * attributed by walking its {@code previousEventId} chain back to the nearest entered state of
 * its family (a Task* or LambdaFunction* event to a Task state, a ParallelState* event to a
 * Parallel). A state whose entry saw a failure and then exited was caught; one that failed and
 * started again was retried; one still open when the execution failed, failed.
 */
final class ExecutionPicture {
    enum Status { NOT_REACHED, RUNNING, SUCCEEDED, FAILED, CAUGHT, ABORTED }

    /** One state's last entry (and how many there were). */
    static final class StateRun {
        final String name;
        final String type;
        Status status = Status.RUNNING;
        int entries;
        int attempts;
        boolean retried;
        boolean failedThisEntry;
        boolean open;
        JsonNode input;
        JsonNode output;
        /** What its last exit assigned ({@code assignedVariables}, each value read as JSON), or null. */
        JsonNode variables;
        String error;
        String cause;
        long entered;
        long exited;
        long enteredEventId;

        StateRun(String name, String type) {
            this.name = name;
            this.type = type;
        }
    }

    /** One Map iteration: its Map state, index, status and the id of its MapIterationStarted event. */
    record Iteration(String map, int index, Status status, long startedEventId) {}

    final Map<String, StateRun> states = new LinkedHashMap<>();
    final List<Iteration> iterations = new ArrayList<>();
    String executionStatus = "RUNNING";
    String error;
    String cause;
    int transitions;

    private final Map<Long, JsonNode> byId = new HashMap<>();
    /** A Parallel or Map state's nested states: still open when it ends, they were cancelled. */
    private final Map<String, Set<String>> inside;
    private final Shape shape;

    private ExecutionPicture(Shape shape) {
        this.shape = shape;
        this.inside = shape.inside();
    }

    /**
     * What the history does not say but the definition does: each Parallel and Map state's nested
     * states, and each Fail state's constant Error and Cause (its FailStateEntered event carries
     * neither, and a caught failure never reaches ExecutionFailed).
     */
    record Shape(Map<String, Set<String>> inside, Map<String, String[]> failures, Map<String, List<Set<String>>> branches) {
        static final Shape NONE = new Shape(Map.of(), Map.of());

        Shape(Map<String, Set<String>> inside, Map<String, String[]> failures) { this(inside, failures, Map.of()); }

        static Shape of(JsonNode definition, Flow flow) {
            Map<String, String[]> failures = new HashMap<>();
            collectFailures(definition, failures);
            Map<String, List<Set<String>>> branches = new HashMap<>();
            collectBranches(definition, branches);
            return new Shape(nesting(flow), failures, branches);
        }

        /** "Fan branch 2" for a state inside the second branch of Parallel Fan (the innermost), else null. */
        String branchOf(String state) {
            String found = null;
            int size = Integer.MAX_VALUE;
            for (var p : branches.entrySet()) {
                for (int i = 0; i < p.getValue().size(); i++) {
                    Set<String> names = p.getValue().get(i);
                    if (names.contains(state) && names.size() < size) {
                        found = p.getKey() + " branch " + (i + 1);
                        size = names.size();
                    }
                }
            }
            return found;
        }

        /** Each Parallel state's branches, as the names of the states in each (at any depth). */
        private static void collectBranches(JsonNode graph, Map<String, List<Set<String>>> out) {
            for (var it = graph.path("States").fields(); it.hasNext(); ) {
                var f = it.next();
                JsonNode s = f.getValue();
                if (s.path("Type").asText().equals("Parallel")) {
                    List<Set<String>> each = new ArrayList<>();
                    for (JsonNode b : s.path("Branches")) {
                        Set<String> names = new HashSet<>();
                        namesIn(b, names);
                        each.add(names);
                    }
                    out.put(f.getKey(), each);
                }
                for (JsonNode b : s.path("Branches")) collectBranches(b, out);
                collectBranches(s.has("ItemProcessor") ? s.get("ItemProcessor") : s.path("Iterator"), out);
            }
        }

        private static void namesIn(JsonNode graph, Set<String> out) {
            for (var it = graph.path("States").fields(); it.hasNext(); ) {
                var f = it.next();
                out.add(f.getKey());
                for (JsonNode b : f.getValue().path("Branches")) namesIn(b, out);
                namesIn(f.getValue().has("ItemProcessor") ? f.getValue().get("ItemProcessor") : f.getValue().path("Iterator"), out);
            }
        }

        private static void collectFailures(JsonNode graph, Map<String, String[]> out) {
            for (var it = graph.path("States").fields(); it.hasNext(); ) {
                var f = it.next();
                JsonNode s = f.getValue();
                if (s.path("Type").asText().equals("Fail")) {
                    out.put(f.getKey(), new String[] {s.path("Error").asText(null), s.path("Cause").asText(null)});
                }
                for (JsonNode b : s.path("Branches")) collectFailures(b, out);
                collectFailures(s.has("ItemProcessor") ? s.get("ItemProcessor") : s.path("Iterator"), out);
            }
        }
    }

    /**
     * The picture after the first {@code upTo} events (all of them when upTo is negative or
     * beyond the end), with what the definition adds ({@link Shape}).
     */
    static ExecutionPicture of(List<JsonNode> events, int upTo, Shape shape) {
        ExecutionPicture p = new ExecutionPicture(shape);
        int end = upTo < 0 ? events.size() : Math.min(upTo, events.size());
        for (int i = 0; i < end; i++) p.apply(events.get(i));
        return p;
    }

    private void apply(JsonNode e) {
        long id = e.path("id").asLong();
        byId.put(id, e);
        String type = e.path("type").asText();
        JsonNode details = details(e);
        if (type.endsWith("StateEntered")) {
            entered(type, details, e, id);
        } else if (type.endsWith("StateExited")) {
            StateRun run = states.get(details.path("name").asText());
            if (run == null) return;
            run.open = false;
            run.output = parsed(details.get("output"));
            run.variables = variables(details.get("assignedVariables"));
            run.exited = millis(e);
            run.status = run.failedThisEntry ? Status.CAUGHT : Status.SUCCEEDED;
            cancelInside(run.name);
        } else if (type.startsWith("Execution")) {
            execution(type, details);
        } else if (type.startsWith("MapIteration")) {
            iteration(type, details, id);
        } else {
            StateRun owner = owner(e, family(type));
            if (owner == null) return;
            if (type.endsWith("Scheduled") || type.equals("ParallelStateStarted") || type.equals("MapStateStarted")) {
                owner.attempts++;
                if (owner.attempts > 1) owner.retried = true;
                owner.failedThisEntry = false; // a new attempt: only its own failure can be caught
                owner.status = Status.RUNNING;
            } else if (type.endsWith("Failed") || type.endsWith("TimedOut") || type.endsWith("Aborted")) {
                owner.failedThisEntry = true;
                owner.status = Status.FAILED;
                if (details.has("error")) owner.error = details.get("error").asText();
                if (details.has("cause")) owner.cause = details.get("cause").asText();
            }
        }
    }

    private void entered(String type, JsonNode details, JsonNode e, long id) {
        String name = details.path("name").asText();
        String stateType = type.substring(0, type.length() - "StateEntered".length());
        StateRun run = states.computeIfAbsent(name, n -> new StateRun(n, stateType));
        run.entries++;
        run.open = true;
        run.failedThisEntry = false;
        run.attempts = 0;
        run.status = stateType.equals("Fail") ? Status.FAILED : Status.RUNNING;
        String[] failure = shape.failures().get(name);
        if (stateType.equals("Fail") && failure != null) {
            run.error = failure[0];
            run.cause = failure[1];
        }
        run.input = parsed(details.get("input"));
        run.output = null;
        run.variables = null;
        run.entered = millis(e);
        run.enteredEventId = id;
        transitions++;
    }

    private void execution(String type, JsonNode details) {
        switch (type) {
            case "ExecutionStarted", "ExecutionRedriven" -> {
                executionStatus = "RUNNING";
                for (StateRun r : states.values()) if (r.open && r.status == Status.FAILED && !r.type.equals("Fail")) r.status = Status.RUNNING;
            }
            case "ExecutionSucceeded" -> executionStatus = "SUCCEEDED";
            case "ExecutionFailed", "ExecutionTimedOut", "ExecutionAborted" -> {
                executionStatus = type.equals("ExecutionFailed") ? "FAILED" : type.equals("ExecutionTimedOut") ? "TIMED_OUT" : "ABORTED";
                error = details.path("error").asText(null);
                cause = details.path("cause").asText(null);
                StateRun culprit = null;
                for (StateRun r : states.values()) {
                    if (r.open && (culprit == null || r.failedThisEntry && !culprit.failedThisEntry
                            || r.failedThisEntry == culprit.failedThisEntry && r.enteredEventId > culprit.enteredEventId)) culprit = r;
                }
                for (StateRun r : states.values()) {
                    if (!r.open) continue;
                    boolean failed = type.equals("ExecutionFailed") && (r == culprit || r.failedThisEntry || encloses(r.name, culprit));
                    r.status = failed ? Status.FAILED : Status.ABORTED;
                    if (failed && r.error == null) { r.error = error; r.cause = cause; }
                }
            }
            default -> { }
        }
    }

    private void iteration(String type, JsonNode details, long id) {
        String map = details.path("name").asText();
        int index = details.path("index").asInt();
        Status status = type.endsWith("Started") ? Status.RUNNING : type.endsWith("Succeeded") ? Status.SUCCEEDED
                : type.endsWith("Failed") ? Status.FAILED : Status.ABORTED;
        for (int i = 0; i < iterations.size(); i++) {
            Iteration it = iterations.get(i);
            if (it.map().equals(map) && it.index() == index) {
                iterations.set(i, new Iteration(map, index, status, status == Status.RUNNING ? id : it.startedEventId()));
                return;
            }
        }
        iterations.add(new Iteration(map, index, status, id));
    }

    private boolean encloses(String outer, StateRun inner) {
        return inner != null && inside.getOrDefault(outer, Set.of()).contains(inner.name);
    }

    /** A Parallel or Map that ended leaves none of its states running. */
    private void cancelInside(String name) {
        for (String n : inside.getOrDefault(name, Set.of())) {
            StateRun r = states.get(n);
            if (r != null && r.open) {
                r.open = false;
                if (r.status == Status.RUNNING) r.status = Status.ABORTED;
            }
        }
    }

    /** Each Parallel and Map state's nested states (at any depth), from the definition's flow. */
    static Map<String, Set<String>> nesting(Flow flow) {
        Map<String, Set<String>> out = new HashMap<>();
        for (Flow.Node n : flow.nodes()) {
            if (n.state() == null || n.children().isEmpty()) continue;
            Set<String> names = new HashSet<>();
            for (Flow child : n.children()) {
                names.addAll(child.stateNames());
                out.putAll(nesting(child));
            }
            out.put(n.state(), names);
        }
        return out;
    }

    /** The state an event without a name belongs to: back along previousEventId to an entered state of its family. */
    private StateRun owner(JsonNode e, String family) {
        JsonNode at = byId.get(e.path("previousEventId").asLong());
        for (int steps = 0; at != null && steps < 10_000; steps++) {
            String type = at.path("type").asText();
            if (type.endsWith("StateEntered") && (family == null || type.startsWith(family))) {
                return states.get(details(at).path("name").asText());
            }
            at = byId.get(at.path("previousEventId").asLong());
        }
        return null;
    }

    private static String family(String type) {
        if (type.startsWith("Task") || type.startsWith("LambdaFunction") || type.startsWith("Activity")) return "Task";
        if (type.startsWith("ParallelState")) return "Parallel";
        if (type.startsWith("MapState") || type.startsWith("MapRun")) return "Map";
        return null;
    }

    static JsonNode details(JsonNode e) {
        var fields = e.fields();
        while (fields.hasNext()) {
            var f = fields.next();
            if (f.getKey().endsWith("EventDetails")) return f.getValue();
        }
        return MissingNode.getInstance();
    }

    private static long millis(JsonNode e) {
        return Math.round(e.path("timestamp").asDouble() * 1000);
    }

    /** Payloads come as JSON text in the API's shape; a text that is not JSON stays text. */
    private static JsonNode parsed(JsonNode text) {
        if (text == null || !text.isTextual()) return text;
        try {
            return Html.MAPPER.readTree(text.asText());
        } catch (IOException e) {
            return text;
        }
    }

    /** assignedVariables holds each value as JSON text: shown as the JSON it is. */
    private static JsonNode variables(JsonNode assigned) {
        if (assigned == null || !assigned.isObject() || assigned.isEmpty()) return null;
        var out = Html.MAPPER.createObjectNode();
        assigned.fields().forEachRemaining(f -> out.set(f.getKey(), parsed(f.getValue())));
        return out;
    }

    Shape shape() { return shape; }

    /** CSS class of a status, as the SVG's style sheet names it. */
    static String cssClass(Status s) {
        return "st-" + s.name().toLowerCase(Locale.ROOT).replace("_", "");
    }

    /** State name to the classes its box gets: its status, plus st-retried. */
    Map<String, String> classes() {
        Map<String, String> out = new HashMap<>();
        for (StateRun r : states.values()) out.put(r.name, cssClass(r.status) + (r.retried ? " st-retried" : ""));
        return out;
    }
}
