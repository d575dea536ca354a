package dev.stride.graph;

import com.fasterxml.jackson.databind.JsonNode;
import dev.stride.asl.read.DefinitionReader;
import java.util.Locale;
import java.util.function.Function;

/**
 * A state machine definition drawn as a graph: every state named, Parallel branches and Map
 * processors inside their state, Choice arrows labelled with their rule, Catch arrows dashed.
 * <pre>{@code
 * String svg = Graphs.render(definitionText, Graphs.Format.SVG);
 * }</pre>
 * SVG is laid out here, on the server, by the Eclipse Layout Kernel; DOT and Mermaid leave the
 * layout to Graphviz and Mermaid. {@code stride graph} and the web console share this code.
 */
public final class Graphs {
    private Graphs() {}

    /** The output formats of {@code stride graph}. */
    public enum Format {
        SVG, DOT, MERMAID;

        public static Format parse(String text) { return valueOf(text.toUpperCase(Locale.ROOT)); }
    }

    /** The flow of a definition's JSON tree (as {@link DefinitionReader} reads it). */
    public static Flow flow(JsonNode definition) { return FlowReader.read(definition); }

    /** The flow laid out in absolute coordinates. */
    public static Drawing layout(Flow flow) { return FlowLayout.layout(flow); }

    public static String svg(JsonNode definition) { return SvgWriter.write(layout(flow(definition))); }

    /** The SVG with extra classes on state boxes, by state name (null for none): the console's statuses. */
    public static String svg(JsonNode definition, Function<String, String> classOf) {
        return SvgWriter.write(layout(flow(definition)), classOf);
    }

    /** A laid-out drawing as SVG, with extra classes on state boxes (see above). */
    public static String svg(Drawing drawing, Function<String, String> classOf) { return SvgWriter.write(drawing, classOf); }

    public static String dot(JsonNode definition) { return DotWriter.write(flow(definition)); }

    public static String mermaid(JsonNode definition) { return MermaidWriter.write(flow(definition)); }

    /**
     * A definition text (JSON or YAML) in the format asked for.
     *
     * @throws IllegalArgumentException when the text is neither JSON nor YAML
     */
    public static String render(String definition, Format format) {
        JsonNode tree = DefinitionReader.read(definition);
        return switch (format) {
            case SVG -> svg(tree);
            case DOT -> dot(tree);
            case MERMAID -> mermaid(tree);
        };
    }

    /** The style sheet the SVG embeds: its state and status classes, for pages that colour it. */
    public static String styleSheet() { return SvgWriter.STYLE; }
}
