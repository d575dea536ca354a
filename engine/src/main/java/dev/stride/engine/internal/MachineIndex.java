package dev.stride.engine.internal;

import dev.stride.asl.model.MapState;
import dev.stride.asl.model.ParallelState;
import dev.stride.asl.model.State;
import dev.stride.asl.model.StateGraph;
import dev.stride.asl.model.StateMachine;
import java.util.HashMap;
import java.util.Map;

/** A compiled state machine with its graphs indexed by id, so frames can name their graph. */
public final class MachineIndex {
    private final StateMachine machine;
    private final Map<String, StateGraph> graphs = new HashMap<>();

    public MachineIndex(StateMachine machine) {
        this.machine = machine;
        index(machine.graph());
    }

    private void index(StateGraph g) {
        graphs.put(g.id(), g);
        for (State s : g.states().values()) {
            if (s instanceof ParallelState p) p.branches().forEach(this::index);
            if (s instanceof MapState m) index(m.processor());
        }
    }

    public StateMachine machine() { return machine; }

    /**
     * How many events the last finished execution of this machine recorded (capped): a new
     * execution's history starts with that much room, as executions of one machine tend to
     * record alike. Racy on purpose: any recent value will do.
     */
    private int historyHint = EventLog.FIRST_CAPACITY;

    int historyHint() { return historyHint; }

    void finishedWith(int events) {
        int hint = Math.min(Math.max(events, 4), MAX_HISTORY_HINT);
        if (hint != historyHint) historyHint = hint;
    }

    /** Past this, a history starts at this size and grows: a long execution should not set the size of every short one. */
    private static final int MAX_HISTORY_HINT = 256;

    private volatile String sourceText;

    /** The definition as JSON text, made once: every durable execution's first change carries it. */
    String sourceText() {
        String t = sourceText;
        if (t == null) sourceText = t = dev.stride.expr.Json.write(machine.source());
        return t;
    }

    private final Map<String, MachineIndex> processors = new java.util.concurrent.ConcurrentHashMap<>();

    /**
     * A distributed Map's ItemProcessor as a state machine of its own (its children are
     * executions of it): the processor's definition with the Map state's query language, compiled
     * once per Map state. Its source is what a durable child stores, so recovery compiles the same.
     */
    MachineIndex processor(MapState map) {
        String graphId = map.processor().id();
        return processors.computeIfAbsent(graphId, id -> {
            com.fasterxml.jackson.databind.JsonNode node = processorSource(machine.source(), map.name());
            if (node == null) throw new IllegalStateException("no ItemProcessor of Map state '" + map.name() + "' in the definition");
            com.fasterxml.jackson.databind.node.ObjectNode def = ((com.fasterxml.jackson.databind.node.ObjectNode) node).deepCopy();
            def.remove("ProcessorConfig");
            if (!def.has("QueryLanguage")) def.put("QueryLanguage", map.common().jsonata() ? "JSONata" : "JSONPath");
            return new MachineIndex(dev.stride.asl.compile.DefinitionCompiler.compile(def));
        });
    }

    /** The ItemProcessor (or legacy Iterator) of the Map state with this name, anywhere in the definition (state names are unique). */
    private static com.fasterxml.jackson.databind.JsonNode processorSource(com.fasterxml.jackson.databind.JsonNode graph, String mapName) {
        com.fasterxml.jackson.databind.JsonNode states = graph.get("States");
        if (states == null) return null;
        for (var it = states.fields(); it.hasNext(); ) {
            var e = it.next();
            com.fasterxml.jackson.databind.JsonNode st = e.getValue();
            com.fasterxml.jackson.databind.JsonNode proc = st.has("ItemProcessor") ? st.get("ItemProcessor") : st.get("Iterator");
            if (e.getKey().equals(mapName) && proc != null) return proc;
            if (proc != null) {
                var found = processorSource(proc, mapName);
                if (found != null) return found;
            }
            com.fasterxml.jackson.databind.JsonNode branches = st.get("Branches");
            if (branches != null) for (var b : branches) {
                var found = processorSource(b, mapName);
                if (found != null) return found;
            }
        }
        return null;
    }

    StateGraph graph(String id) {
        StateGraph top = machine.graph();
        if (id == top.id()) return top; // frames hold the graph's own id string: most are in the top graph
        StateGraph g = graphs.get(id);
        if (g == null) throw new IllegalStateException("no graph '" + id + "' in this state machine");
        return g;
    }
}
