package dev.stride.engine.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.stride.engine.history.HistoryEvent;
import dev.stride.expr.Json;

/** Appends history events to an execution, chaining previousEventId through the frame. */
final class Events {
    private static final JsonNode NOT_TRUNCATED = Json.NODES.objectNode().put("truncated", false);

    private Events() {}

    static HistoryEvent append(ExecutionRecord ex, Frame f, long now, String type, String key, ObjectNode details) {
        return appendWithPrevious(ex, f, f == null ? ex.lastEventId() : f.lastEventId, now, type, key, details);
    }

    static HistoryEvent appendWithPrevious(ExecutionRecord ex, Frame f, long previous, long now, String type, String key, ObjectNode details) {
        HistoryEvent e = new HistoryEvent(ex.lastEventId() + 1, previous, now, type, key, details);
        if (f != null && f.detached) return e; // a distributed Map child: its own execution's history, not ours
        ex.history.add(e);
        if (f != null) f.lastEventId = ex.lastEventId();
        return e;
    }

    /** Records an event whose details are built only when someone reads them. */
    static void appendLazy(ExecutionRecord ex, Frame f, long now, String type, String key,
                           java.util.function.Supplier<ObjectNode> details) {
        if (f != null && f.detached) return; // a distributed Map child: not in this history
        HistoryEvent e = HistoryEvent.lazy(ex.lastEventId() + 1, f == null ? ex.lastEventId() : f.lastEventId, now, type, key, details);
        ex.history.add(e);
        if (f != null) f.lastEventId = ex.lastEventId();
    }

    /** Records an event of a frequent kind, whose details are built from the name and payload when someone reads them. */
    static void appendShaped(ExecutionRecord ex, Frame f, long now, EventKind kind, String name, JsonNode payload) {
        appendShapedWithPrevious(ex, f, f == null ? ex.lastEventId() : f.lastEventId, now, kind, name, payload);
    }

    static void appendShapedWithPrevious(ExecutionRecord ex, Frame f, int previous, long now, EventKind kind,
                                         String name, JsonNode payload) {
        if (f != null && f.detached) return; // a distributed Map child: not in this history
        ex.history.add(previous, now, kind, name, payload);
        if (f != null) f.lastEventId = ex.lastEventId();
    }

    /**
     * The shapes of the frequent events' details. Constants, so recording such an event allocates
     * the event alone: before the JIT's last tier a capturing lambda is also made through
     * method-handle calls.
     */
    static final HistoryEvent.Shape ENTERED = Events::entered;
    static final HistoryEvent.Shape EXITED = (name, output) -> exited(name, output, null);
    /** name: the role ARN; payload: the execution input. */
    static final HistoryEvent.Shape STARTED = (role, input) -> input(input).put("roleArn", role);
    static final HistoryEvent.Shape SUCCEEDED = (unused, output) -> output(output);
    /** name: the Map state's; payload: the iteration's index. */
    static final HistoryEvent.Shape MAP_ITERATION = (mapName, index) -> mapIteration(mapName, index.intValue());

    static final EventKind EXECUTION_STARTED = new EventKind("ExecutionStarted", "executionStartedEventDetails", STARTED);
    static final EventKind EXECUTION_SUCCEEDED = new EventKind("ExecutionSucceeded", "executionSucceededEventDetails", SUCCEEDED);
    static final EventKind MAP_ITERATION_STARTED = new EventKind("MapIterationStarted", "mapIterationStartedEventDetails", MAP_ITERATION);
    static final EventKind MAP_ITERATION_SUCCEEDED = new EventKind("MapIterationSucceeded", "mapIterationSucceededEventDetails", MAP_ITERATION);
    static final EventKind MAP_ITERATION_FAILED = new EventKind("MapIterationFailed", "mapIterationFailedEventDetails", MAP_ITERATION);

    static ObjectNode object() { return Json.NODES.objectNode(); }

    /** Assigned variables as the history shows them: each value as JSON text. */
    static ObjectNode historyForm(ObjectNode assigned) {
        ObjectNode h = Json.NODES.objectNode();
        assigned.fields().forEachRemaining(e -> h.put(e.getKey(), Json.write(e.getValue())));
        return h;
    }

    static ObjectNode entered(String name, JsonNode input) {
        ObjectNode d = object();
        d.put("name", name);
        d.set("input", input);
        d.set("inputDetails", NOT_TRUNCATED);
        return d;
    }

    static ObjectNode exited(String name, JsonNode output, ObjectNode assigned) {
        ObjectNode d = object();
        d.put("name", name);
        d.set("output", output);
        d.set("outputDetails", NOT_TRUNCATED);
        if (assigned != null) {
            d.set("assignedVariables", assigned);
            d.set("assignedVariablesDetails", NOT_TRUNCATED);
        }
        return d;
    }

    static ObjectNode output(JsonNode output) {
        ObjectNode d = object();
        d.set("output", output);
        d.set("outputDetails", NOT_TRUNCATED);
        return d;
    }

    static ObjectNode input(JsonNode input) {
        ObjectNode d = object();
        d.set("input", input);
        d.set("inputDetails", NOT_TRUNCATED);
        return d;
    }

    static ObjectNode errorCause(String error, String cause) {
        ObjectNode d = object();
        if (error != null) d.put("error", error);
        if (cause != null) d.put("cause", cause);
        return d;
    }

    static ObjectNode mapIteration(String mapName, int index) {
        ObjectNode d = object();
        d.put("name", mapName);
        d.put("index", index);
        return d;
    }
}
