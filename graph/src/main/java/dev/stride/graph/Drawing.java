package dev.stride.graph;

import dev.stride.graph.Flow.EdgeKind;
import java.util.List;

/**
 * A laid-out flow in absolute coordinates (pixels, origin top left): what {@link SvgWriter}
 * draws and what a browser colours. Boxes come outer first, so drawing them in order paints
 * frames beneath their contents.
 */
public record Drawing(double width, double height, List<Box> boxes, List<Line> lines) {
    public Drawing {
        boxes = List.copyOf(boxes);
        lines = List.copyOf(lines);
    }

    /** What a box is: a Start or End pill, a simple state, a Parallel or Map state framing its scopes, or one scope's frame. */
    public enum Role { TERMINAL, STATE, COMPOUND, SCOPE }

    /**
     * @param state the ASL state name (null for terminals and scopes)
     * @param type  the state's ASL Type (null for terminals and scopes)
     * @param scope the id of the {@link Flow} the box belongs to ("" at the top level)
     */
    public record Box(String id, Role role, String label, String state, String type, String scope,
                      double x, double y, double width, double height) {}

    /** An arrow through {@code points} (x, y pairs); its label's box is all zero when it has none. */
    public record Line(String from, String to, EdgeKind kind, String label, double[] points,
                       double labelX, double labelY, double labelWidth, double labelHeight) {}
}
