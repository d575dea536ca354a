package dev.stride.graph;

import dev.stride.graph.Flow.Edge;
import dev.stride.graph.Flow.Kind;
import dev.stride.graph.Flow.Node;
import java.util.HashMap;
import java.util.Map;

/**
 * A {@link Flow} as Graphviz DOT. A Parallel or Map state is a cluster holding one cluster per
 * branch (or its processor); arrows into and out of it attach to an invisible anchor inside and
 * are clipped at the cluster's border ({@code compound=true}, {@code lhead}/{@code ltail}).
 */
final class DotWriter {
    private final StringBuilder out = new StringBuilder(2048);
    private final Map<String, String> names = new HashMap<>();
    private final Map<String, String> clusterOf = new HashMap<>();

    private DotWriter() {}

    static String write(Flow flow) {
        DotWriter w = new DotWriter();
        w.out.append("digraph StateMachine {\n  compound=true;\n  rankdir=TB;\n")
                .append("  node [shape=box, style=\"rounded,filled\", fillcolor=\"#f6f8fa\", fontname=\"Helvetica\", fontsize=11];\n")
                .append("  edge [fontname=\"Helvetica\", fontsize=10];\n");
        w.scope(flow, "  ");
        w.edges(flow);
        return w.out.append("}\n").toString();
    }

    private void scope(Flow flow, String indent) {
        for (Node n : flow.nodes()) {
            String name = name(n.id());
            if (n.kind() != Kind.STATE) {
                out.append(indent).append(name).append(" [label=").append(q(n.label()))
                        .append(", shape=ellipse, fillcolor=\"#24292f\", fontcolor=white];\n");
            } else if (n.children().isEmpty()) {
                out.append(indent).append(name).append(" [label=").append(q(n.state() + "\n" + n.type()))
                        .append(", fillcolor=").append(q(fill(n.type()))).append("];\n");
            } else {
                String cluster = "cluster_" + name;
                clusterOf.put(n.id(), cluster);
                out.append(indent).append("subgraph ").append(cluster).append(" {\n").append(indent)
                        .append("  label=").append(q(n.state() + " (" + n.type() + ")")).append("; style=dashed;\n")
                        .append(indent).append("  ").append(name).append(" [shape=point, style=invis, width=0];\n");
                for (Flow child : n.children()) {
                    out.append(indent).append("  subgraph cluster_").append(name(child.id() + "/scope")).append(" {\n")
                            .append(indent).append("    label=").append(q(child.label())).append("; style=filled; fillcolor=\"#f6f8fa\";\n");
                    scope(child, indent + "    ");
                    out.append(indent).append("  }\n");
                }
                out.append(indent).append("}\n");
            }
        }
    }

    private void edges(Flow flow) {
        for (Edge e : flow.edges()) {
            out.append("  ").append(name(e.from())).append(" -> ").append(name(e.to())).append(" [");
            StringBuilder attrs = new StringBuilder();
            if (e.label() != null) attrs.append("label=").append(q(e.label())).append(", ");
            switch (e.kind()) {
                case CATCH -> attrs.append("style=dashed, color=\"#cf222e\", fontcolor=\"#cf222e\", ");
                case CHOICE -> attrs.append("color=\"#9a6700\", ");
                case DEFAULT -> attrs.append("style=dotted, color=\"#9a6700\", ");
                case NEXT -> { }
            }
            if (clusterOf.containsKey(e.from())) attrs.append("ltail=").append(clusterOf.get(e.from())).append(", ");
            if (clusterOf.containsKey(e.to())) attrs.append("lhead=").append(clusterOf.get(e.to())).append(", ");
            if (attrs.length() > 0) attrs.setLength(attrs.length() - 2);
            out.append(attrs).append("];\n");
        }
        for (Node n : flow.nodes()) for (Flow child : n.children()) edges(child);
    }

    private String name(String id) {
        return names.computeIfAbsent(id, k -> "n" + names.size());
    }

    private static String fill(String type) {
        return switch (type) {
            case "Task" -> "#ddf4ff";
            case "Choice" -> "#fff8c5";
            case "Wait" -> "#fbefff";
            case "Succeed" -> "#dafbe1";
            case "Fail" -> "#ffebe9";
            default -> "#f6f8fa";
        };
    }

    private static String q(String s) {
        return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n") + "\"";
    }
}
