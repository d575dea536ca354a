package dev.stride.graph;

import java.util.ArrayList;
import java.util.List;

/**
 * One scope of a state machine drawn as boxes and arrows: the top level, a Parallel branch or a
 * Map's item processor. Every scope has its own Start and End nodes; a Parallel or Map node holds
 * its nested scopes ({@link Node#children}), so nothing crosses a scope's border.
 *
 * @param id    unique in the drawing: "" for the top level, {@code Parallel#1} for branch 1, {@code Map} for a processor
 * @param label what the scope's frame says ("Branch 1", "Item processor"); empty for the top level
 */
public record Flow(String id, String label, List<Node> nodes, List<Edge> edges) {
    public Flow {
        nodes = List.copyOf(nodes);
        edges = List.copyOf(edges);
    }

    /** What a box stands for. */
    public enum Kind { START, END, STATE }

    /** The arrows' meaning: drawn differently (a Catch is dashed, a Choice rule is labelled). */
    public enum EdgeKind { NEXT, CHOICE, DEFAULT, CATCH }

    /**
     * A box. {@code id} is unique in the whole drawing; {@code state} is the ASL state name (null
     * for Start and End), {@code type} its ASL Type.
     */
    public record Node(String id, Kind kind, String state, String type, List<Flow> children) {
        public Node {
            children = List.copyOf(children);
        }

        public String label() {
            return switch (kind) {
                case START -> "Start";
                case END -> "End";
                case STATE -> state;
            };
        }
    }

    /** An arrow between two nodes of the same scope; {@code label} is null when it says nothing. */
    public record Edge(String from, String to, EdgeKind kind, String label) {}

    /** Every state name of this scope and the scopes inside it, outer first. */
    public List<String> stateNames() {
        ArrayList<String> out = new ArrayList<>();
        collect(this, out);
        return out;
    }

    private static void collect(Flow flow, List<String> out) {
        for (Node n : flow.nodes) {
            if (n.state != null) out.add(n.state);
            for (Flow child : n.children) collect(child, out);
        }
    }
}
