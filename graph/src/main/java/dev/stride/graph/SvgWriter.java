package dev.stride.graph;

import dev.stride.graph.Drawing.Box;
import dev.stride.graph.Drawing.Line;
import dev.stride.graph.Drawing.Role;
import java.util.Locale;
import java.util.function.Function;

/**
 * A {@link Drawing} as a standalone SVG document. Every state is a {@code <g class="node">} with
 * {@code data-state} and {@code data-type}, every arrow a {@code <g class="edge edge-KIND">}, so a
 * page can colour states by what happened to them by adding a class ({@code st-succeeded},
 * {@code st-failed}, ...) whose look the embedded style sheet already defines.
 */
final class SvgWriter {
    static final String STYLE = """
            .stride-graph{font-family:system-ui,-apple-system,'Segoe UI',Helvetica,Arial,sans-serif;font-size:12px}
            .stride-graph .node rect{fill:#f6f8fa;stroke:#57606a;stroke-width:1.2}
            .stride-graph .node text{fill:#1f2328}
            .stride-graph .node .type{fill:#656d76;font-size:10px}
            .stride-graph .type-Task rect{fill:#ddf4ff;stroke:#0969da}
            .stride-graph .type-Choice rect{fill:#fff8c5;stroke:#9a6700}
            .stride-graph .type-Wait rect{fill:#fbefff;stroke:#8250df}
            .stride-graph .type-Succeed rect{fill:#dafbe1;stroke:#1a7f37}
            .stride-graph .type-Fail rect{fill:#ffebe9;stroke:#cf222e}
            .stride-graph .terminal rect{fill:#24292f;stroke:#24292f}
            .stride-graph .terminal text{fill:#fff}
            .stride-graph .compound>rect{fill:#fff;stroke:#8c959f;stroke-dasharray:6 3}
            .stride-graph .scope>rect{fill:#f6f8fa;stroke:#d0d7de}
            .stride-graph .scope>text{fill:#656d76;font-size:11px}
            .stride-graph .edge path{fill:none;stroke:#57606a;stroke-width:1.3}
            .stride-graph .edge text{fill:#424a53;font-size:11px}
            .stride-graph .edge .label-bg{fill:#fff;opacity:.85}
            .stride-graph .edge-choice path{stroke:#9a6700}
            .stride-graph .edge-default path{stroke:#9a6700;stroke-dasharray:2 3}
            .stride-graph .edge-catch path{stroke:#cf222e;stroke-dasharray:6 4}
            .stride-graph .edge-catch text{fill:#cf222e}
            .stride-graph .st-notreached{opacity:.45}
            .stride-graph .st-running>rect{fill:#ddf4ff;stroke:#0969da;stroke-width:3}
            .stride-graph .st-succeeded>rect{fill:#aceebb;stroke:#1a7f37;stroke-width:2}
            .stride-graph .st-failed>rect{fill:#ffcecb;stroke:#cf222e;stroke-width:2.5}
            .stride-graph .st-caught>rect{fill:#ffd8b5;stroke:#bc4c00;stroke-width:2.5}
            .stride-graph .st-retried>rect{stroke:#bf8700;stroke-width:3;stroke-dasharray:4 2}
            .stride-graph .st-aborted>rect{fill:#eaeef2;stroke:#57606a;stroke-width:2.5}
            .stride-graph .st-current>rect{stroke:#8250df;stroke-width:4}
            .stride-graph .edge.taken path{stroke-width:2.6}
            .stride-graph .node{cursor:pointer}
            """;

    private SvgWriter() {}

    static String write(Drawing d) { return write(d, state -> null); }

    /** @param classOf extra classes of a state's box by state name (null for none): how a page shows statuses */
    static String write(Drawing d, Function<String, String> classOf) {
        StringBuilder out = new StringBuilder(4096);
        out.append("<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"stride-graph\" width=\"").append(n(d.width()))
                .append("\" height=\"").append(n(d.height())).append("\" viewBox=\"0 0 ").append(n(d.width())).append(' ')
                .append(n(d.height())).append("\">\n");
        out.append("<defs>").append(marker("arrow", "#57606a")).append(marker("arrow-choice", "#9a6700"))
                .append(marker("arrow-catch", "#cf222e")).append("</defs>\n");
        out.append("<style>").append(STYLE).append("</style>\n");
        for (Box b : d.boxes()) box(out, b, b.state() == null ? null : classOf.apply(b.state()));
        for (Line l : d.lines()) line(out, l);
        return out.append("</svg>\n").toString();
    }

    private static String marker(String id, String colour) {
        return "<marker id=\"" + id + "\" viewBox=\"0 0 10 10\" refX=\"9\" refY=\"5\" markerWidth=\"7\" markerHeight=\"7\" orient=\"auto\">"
                + "<path d=\"M0,0 L10,5 L0,10 z\" fill=\"" + colour + "\"/></marker>";
    }

    private static void box(StringBuilder out, Box b, String extra) {
        String base = switch (b.role()) {
            case TERMINAL -> "terminal";
            case STATE -> "node type-" + b.type();
            case COMPOUND -> "node compound type-" + b.type();
            case SCOPE -> "scope";
        };
        String cls = extra == null ? base : base + " " + extra;
        out.append("<g class=\"").append(esc(cls)).append("\" data-id=\"").append(esc(b.id())).append("\" data-scope=\"")
                .append(esc(b.scope())).append('"');
        if (b.state() != null) out.append(" data-state=\"").append(esc(b.state())).append("\" data-type=\"").append(esc(b.type())).append('"');
        out.append('>');
        if (b.state() != null) out.append("<title>").append(esc(b.state() + " (" + b.type() + ")")).append("</title>");
        double rx = b.role() == Role.TERMINAL ? b.height() / 2 : b.role() == Role.STATE ? 6 : 8;
        out.append("<rect x=\"").append(n(b.x())).append("\" y=\"").append(n(b.y())).append("\" width=\"").append(n(b.width()))
                .append("\" height=\"").append(n(b.height())).append("\" rx=\"").append(n(rx)).append("\"/>");
        double cx = b.x() + b.width() / 2;
        switch (b.role()) {
            case TERMINAL -> text(out, cx, b.y() + b.height() / 2 + 4, "middle", null, b.label());
            case STATE -> {
                text(out, cx, b.y() + 17, "middle", null, b.label());
                text(out, cx, b.y() + 31, "middle", "type", b.type());
            }
            case COMPOUND -> {
                text(out, b.x() + 10, b.y() + 19, "start", null, b.label());
                text(out, b.x() + b.width() - 10, b.y() + 19, "end", "type", b.type());
            }
            case SCOPE -> text(out, b.x() + 8, b.y() + 17, "start", null, b.label());
        }
        out.append("</g>\n");
    }

    private static void line(StringBuilder out, Line l) {
        String kind = l.kind().name().toLowerCase(Locale.ROOT);
        out.append("<g class=\"edge edge-").append(kind).append("\" data-from=\"").append(esc(l.from())).append("\" data-to=\"")
                .append(esc(l.to())).append("\">");
        if (l.label() != null) out.append("<title>").append(esc(l.label())).append("</title>");
        double[] p = l.points();
        if (p.length >= 4) {
            out.append("<path d=\"M").append(n(p[0])).append(',').append(n(p[1]));
            for (int i = 2; i + 1 < p.length; i += 2) out.append(" L").append(n(p[i])).append(',').append(n(p[i + 1]));
            String marker = switch (l.kind()) {
                case CATCH -> "arrow-catch";
                case CHOICE, DEFAULT -> "arrow-choice";
                case NEXT -> "arrow";
            };
            out.append("\" marker-end=\"url(#").append(marker).append(")\"/>");
        }
        if (l.label() != null && l.labelWidth() > 0) {
            out.append("<rect class=\"label-bg\" x=\"").append(n(l.labelX())).append("\" y=\"").append(n(l.labelY()))
                    .append("\" width=\"").append(n(l.labelWidth())).append("\" height=\"").append(n(l.labelHeight())).append("\"/>");
            text(out, l.labelX() + 4, l.labelY() + l.labelHeight() - 4, "start", null, FlowLayout.shorten(l.label()));
        }
        out.append("</g>\n");
    }

    private static void text(StringBuilder out, double x, double y, String anchor, String cls, String text) {
        out.append("<text x=\"").append(n(x)).append("\" y=\"").append(n(y)).append('"');
        if (!anchor.equals("start")) out.append(" text-anchor=\"").append(anchor).append('"');
        if (cls != null) out.append(" class=\"").append(cls).append('"');
        out.append('>').append(esc(text)).append("</text>");
    }

    private static String n(double v) {
        long r = Math.round(v * 10);
        return r % 10 == 0 ? Long.toString(r / 10) : Double.toString(r / 10.0);
    }

    /** Escapes text for XML content and attribute values. */
    static String esc(String s) {
        if (s == null) return "";
        StringBuilder out = new StringBuilder(s.length());
        for (char c : s.toCharArray()) {
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> {
                    if (c < 0x20 && c != '\n' && c != '\t') out.append(' ');
                    else out.append(c);
                }
            }
        }
        return out.toString();
    }
}
