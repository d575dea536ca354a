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
        if (f != null) f.lastEventId = e.id();
        return e;
    }

    /** Records an event whose details are built only when someone reads them. */
    static HistoryEvent appendLazy(ExecutionRecord ex, Frame f, long now, String type, String key,
                                   java.util.function.Supplier<ObjectNode> details) {
        return appendLazyWithPrevious(ex, f, f == null ? ex.lastEventId() : f.lastEventId, now, type, key, details);
    }

    static HistoryEvent appendLazyWithPrevious(ExecutionRecord ex, Frame f, long previous, long now, String type, String key,
                                               java.util.function.Supplier<ObjectNode> details) {
        if (f != null && f.detached) return null; // a distributed Map child: not in this history
        HistoryEvent e = HistoryEvent.lazy(ex.lastEventId() + 1, previous, now, type, key, details);
        ex.history.add(e);
        if (f != null) f.lastEventId = e.id();
        return e;
    }

    static ObjectNode object() { return Json.NODES.objectNode(); }

    /**
     * The details of a frequent event, built when first read. A plain object rather than a
     * capturing lambda: most of a short execution runs before the JIT's last tier, where creating
     * a lambda goes through method-handle calls and a plain allocation does not.
     */
    static final class LazyDetails implements java.util.function.Supplier<ObjectNode> {
        private enum Kind { ENTERED, EXITED, STARTED, SUCCEEDED, MAP_ITERATION }

        private final Kind kind;
        private final String name;
        private final JsonNode payload;
        private final ObjectNode assigned;
        private final int index;

        private LazyDetails(Kind kind, String name, JsonNode payload, ObjectNode assigned, int index) {
            this.kind = kind;
            this.name = name;
            this.payload = payload;
            this.assigned = assigned;
            this.index = index;
        }

        static LazyDetails entered(String stateName, JsonNode input) { return new LazyDetails(Kind.ENTERED, stateName, input, null, 0); }

        /** @param assigned the variables the state assigned (as values), or null */
        static LazyDetails exited(String stateName, JsonNode output, ObjectNode assigned) {
            return new LazyDetails(Kind.EXITED, stateName, output, assigned, 0);
        }

        static LazyDetails executionStarted(JsonNode input, String roleArn) { return new LazyDetails(Kind.STARTED, roleArn, input, null, 0); }

        static LazyDetails executionSucceeded(JsonNode output) { return new LazyDetails(Kind.SUCCEEDED, null, output, null, 0); }

        static LazyDetails mapIteration(String mapName, int index) { return new LazyDetails(Kind.MAP_ITERATION, mapName, null, null, index); }

        @Override
        public ObjectNode get() {
            return switch (kind) {
                case ENTERED -> Events.entered(name, payload);
                case EXITED -> Events.exited(name, payload, assigned == null ? null : historyForm(assigned));
                case STARTED -> Events.input(payload).put("roleArn", name);
                case SUCCEEDED -> Events.output(payload);
                case MAP_ITERATION -> Events.mapIteration(name, index);
            };
        }
    }

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
