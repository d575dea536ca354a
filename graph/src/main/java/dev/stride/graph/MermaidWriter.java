package dev.stride.graph;

import dev.stride.graph.Flow.Edge;
import dev.stride.graph.Flow.Kind;
import dev.stride.graph.Flow.Node;
import java.util.HashMap;
import java.util.Map;

/**
 * A {@link Flow} as a Mermaid flowchart (what GitHub renders in Markdown). A Parallel or Map
 * state is a subgraph holding one subgraph per branch; arrows may end at a subgraph. Catch arrows
 * are dotted ({@code -.->}), Choice arrows carry their rule.
 */
final class MermaidWriter {
    private final StringBuilder out = new StringBuilder(2048);
    private final Map<String, String> names = new HashMap<>();

    private MermaidWriter() {}

    static String write(Flow flow) {
        MermaidWriter w = new MermaidWriter();
        w.out.append("flowchart TD\n");
        w.scope(flow, "  ");
        w.edges(flow);
        w.out.append("  classDef catch stroke:#cf222e\n");
        return w.out.toString();
    }

    private void scope(Flow flow, String indent) {
        for (Node n : flow.nodes()) {
            String name = name(n.id());
            if (n.kind() != Kind.STATE) {
                out.append(indent).append(name).append("((").append(q(n.label())).append("))\n");
            } else if (n.children().isEmpty()) {
                String shape = n.type().equals("Choice") ? "{" + q(n.state()) + "}" : "[" + q(n.state()) + "]";
                out.append(indent).append(name).append(shape).append('\n');
            } else {
                out.append(indent).append("subgraph ").append(name).append(" [").append(q(n.state() + " (" + n.type() + ")")).append("]\n");
                for (Flow child : n.children()) {
                    out.append(indent).append("  subgraph ").append(name(child.id() + "/scope")).append(" [").append(q(child.label())).append("]\n");
                    scope(child, indent + "    ");
                    out.append(indent).append("  end\n");
                }
                out.append(indent).append("end\n");
            }
        }
    }

    private void edges(Flow flow) {
        for (Edge e : flow.edges()) {
            String arrow = switch (e.kind()) {
                case CATCH, DEFAULT -> "-.->";
                case CHOICE, NEXT -> "-->";
            };
            out.append("  ").append(name(e.from())).append(' ').append(arrow);
            if (e.label() != null) out.append('|').append(q(e.label())).append('|');
            out.append(' ').append(name(e.to())).append('\n');
        }
        for (Node n : flow.nodes()) for (Flow child : n.children()) edges(child);
    }

    private String name(String id) {
        return names.computeIfAbsent(id, k -> "n" + names.size());
    }

    /** A quoted label; Mermaid has entity codes for the characters that would end it. */
    private static String q(String s) {
        return "\"" + s.replace("\"", "#quot;").replace("<", "#lt;").replace(">", "#gt;").replace("\n", " ") + "\"";
    }
}
