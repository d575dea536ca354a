package dev.stride.asl.model;

import java.util.Map;

/**
 * A set of states with a start: the whole machine, one Parallel branch or one Map item
 * processor. {@code id} names it stably ("" for the top level, "Parallel#1" for branch 1 of
 * state "Parallel", "Map" for a Map's processor) so saved executions can refer back to it.
 */
public record StateGraph(String id, String startAt, Map<String, State> states) {
    public State state(String name) {
        State s = states.get(name);
        if (s == null) throw new IllegalStateException("no state '" + name + "' in graph '" + id + "'");
        return s;
    }
}
