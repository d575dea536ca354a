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

    StateGraph graph(String id) {
        StateGraph top = machine.graph();
        if (id == top.id()) return top; // frames hold the graph's own id string: most are in the top graph
        StateGraph g = graphs.get(id);
        if (g == null) throw new IllegalStateException("no graph '" + id + "' in this state machine");
        return g;
    }
}
