package dev.stride.graph;

import dev.stride.graph.Drawing.Box;
import dev.stride.graph.Drawing.Line;
import dev.stride.graph.Drawing.Role;
import dev.stride.graph.Flow.Edge;
import dev.stride.graph.Flow.Kind;
import dev.stride.graph.Flow.Node;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.elk.alg.layered.options.LayeredOptions;
import org.eclipse.elk.core.RecursiveGraphLayoutEngine;
import org.eclipse.elk.core.math.ElkPadding;
import org.eclipse.elk.core.options.Alignment;
import org.eclipse.elk.core.options.CoreOptions;
import org.eclipse.elk.core.options.Direction;
import org.eclipse.elk.core.options.EdgeRouting;
import org.eclipse.elk.core.util.BasicProgressMonitor;
import org.eclipse.elk.graph.ElkBendPoint;
import org.eclipse.elk.graph.ElkEdge;
import org.eclipse.elk.graph.ElkEdgeSection;
import org.eclipse.elk.graph.ElkLabel;
import org.eclipse.elk.graph.ElkNode;
import org.eclipse.elk.graph.util.ElkGraphUtil;

/**
 * Lays a {@link Flow} out with ELK's layered algorithm (Sugiyama: layers top to bottom, few
 * crossings, orthogonal arrows). Each scope is laid out on its own, innermost first, and then
 * sized as one box of the scope around it (ELK's recursive engine does that), which is why no
 * arrow ever crosses a frame. Text is measured by an estimate of a 12px sans-serif font: the
 * server has no fonts to ask, and a browser draws within a few pixels of it.
 */
final class FlowLayout {
    static final double CHAR_WIDTH = 7.0;
    static final double STATE_HEIGHT = 40;
    private static final double LABEL_HEIGHT = 16;

    private final Map<ElkNode, Box> boxes = new HashMap<>();
    private final List<ElkNode> order = new ArrayList<>();
    private final List<ElkEdge> edges = new ArrayList<>();
    private final Map<ElkEdge, Edge> edgeOf = new HashMap<>();

    private FlowLayout() {}

    static Drawing layout(Flow flow) {
        return new FlowLayout().run(flow);
    }

    private Drawing run(Flow flow) {
        ElkNode root = ElkGraphUtil.createGraph();
        configure(root, 16, false);
        fill(root, flow);
        new RecursiveGraphLayoutEngine().layout(root, new BasicProgressMonitor());
        List<Box> out = new ArrayList<>();
        for (ElkNode n : order) {
            Box b = boxes.get(n);
            double[] at = absolute(n);
            out.add(new Box(b.id(), b.role(), b.label(), b.state(), b.type(), b.scope(), at[0], at[1], n.getWidth(), n.getHeight()));
        }
        List<Line> lines = new ArrayList<>();
        for (ElkEdge e : edges) lines.add(line(e));
        return new Drawing(root.getWidth(), root.getHeight(), out, lines);
    }

    private static void configure(ElkNode graph, double padding, boolean sideBySide) {
        graph.setProperty(CoreOptions.ALGORITHM, "org.eclipse.elk.layered");
        graph.setProperty(CoreOptions.DIRECTION, Direction.DOWN);
        graph.setProperty(CoreOptions.EDGE_ROUTING, EdgeRouting.ORTHOGONAL);
        graph.setProperty(CoreOptions.SPACING_NODE_NODE, 28.0);
        graph.setProperty(LayeredOptions.SPACING_NODE_NODE_BETWEEN_LAYERS, 36.0);
        graph.setProperty(LayeredOptions.SPACING_EDGE_NODE_BETWEEN_LAYERS, 14.0);
        graph.setProperty(CoreOptions.SPACING_EDGE_LABEL, 4.0);
        graph.setProperty(CoreOptions.PADDING, new ElkPadding(padding, padding, padding, padding));
        // A Parallel's branches share no edges; kept as one component they stand side by side in one layer.
        if (sideBySide) graph.setProperty(CoreOptions.SEPARATE_CONNECTED_COMPONENTS, false);
    }

    private void fill(ElkNode graph, Flow flow) {
        Map<String, ElkNode> byId = new HashMap<>();
        for (Node n : flow.nodes()) {
            ElkNode e = ElkGraphUtil.createNode(graph);
            byId.put(n.id(), e);
            Role role = n.kind() != Kind.STATE ? Role.TERMINAL : n.children().isEmpty() ? Role.STATE : Role.COMPOUND;
            register(e, new Box(n.id(), role, n.label(), n.state(), n.type(), flow.id(), 0, 0, 0, 0));
            if (role == Role.COMPOUND) {
                compound(e, n);
            } else {
                double textWidth = n.label().length() * CHAR_WIDTH;
                e.setDimensions(role == Role.TERMINAL ? Math.max(56, textWidth + 24) : Math.max(96, textWidth + 32),
                        role == Role.TERMINAL ? 26 : STATE_HEIGHT);
            }
        }
        for (Edge edge : flow.edges()) {
            ElkEdge e = ElkGraphUtil.createEdge(graph);
            e.getSources().add(byId.get(edge.from()));
            e.getTargets().add(byId.get(edge.to()));
            if (edge.label() != null) {
                ElkLabel label = ElkGraphUtil.createLabel(shorten(edge.label()), e);
                label.setDimensions(shorten(edge.label()).length() * 6.2 + 8, LABEL_HEIGHT);
            }
            edges.add(e);
            edgeOf.put(e, edge);
        }
    }

    /** A Parallel or Map state: a frame with its title on top, holding one frame per branch (or the processor). */
    private void compound(ElkNode e, Node n) {
        configure(e, 12, true);
        e.setProperty(CoreOptions.PADDING, new ElkPadding(30, 12, 12, 12));
        for (Flow child : n.children()) {
            ElkNode scope = ElkGraphUtil.createNode(e);
            configure(scope, 10, false);
            scope.setProperty(CoreOptions.PADDING, new ElkPadding(26, 10, 10, 10));
            scope.setProperty(CoreOptions.ALIGNMENT, Alignment.TOP); // branches of unequal length line up at the top
            register(scope, new Box(child.id() + "/scope", Role.SCOPE, child.label(), null, null, child.id(), 0, 0, 0, 0));
            fill(scope, child);
        }
    }

    private void register(ElkNode e, Box box) {
        boxes.put(e, box);
        order.add(e);
    }

    private Line line(ElkEdge e) {
        Edge edge = edgeOf.get(e);
        double[] origin = absolute(e.getContainingNode());
        List<Double> pts = new ArrayList<>();
        for (ElkEdgeSection s : e.getSections()) {
            pts.add(s.getStartX()); pts.add(s.getStartY());
            for (ElkBendPoint b : s.getBendPoints()) { pts.add(b.getX()); pts.add(b.getY()); }
            pts.add(s.getEndX()); pts.add(s.getEndY());
        }
        double[] points = new double[pts.size()];
        for (int i = 0; i < points.length; i++) points[i] = pts.get(i) + origin[i % 2];
        double lx = 0, ly = 0, lw = 0, lh = 0;
        if (!e.getLabels().isEmpty()) {
            ElkLabel l = e.getLabels().get(0);
            lx = l.getX() + origin[0];
            ly = l.getY() + origin[1];
            lw = l.getWidth();
            lh = l.getHeight();
        }
        return new Line(edge.from(), edge.to(), edge.kind(), edge.label(), points, lx, ly, lw, lh);
    }

    /** A node's top-left corner in the root's coordinates. */
    private static double[] absolute(ElkNode n) {
        double x = 0, y = 0;
        for (ElkNode at = n; at != null && at.getParent() != null; at = at.getParent()) {
            x += at.getX();
            y += at.getY();
        }
        return new double[] {x, y};
    }

    /** Long Choice rules would stretch the drawing; the full text stays in the arrow's tooltip. */
    static String shorten(String label) {
        return label.length() <= 36 ? label : label.substring(0, 35) + "…";
    }
}
