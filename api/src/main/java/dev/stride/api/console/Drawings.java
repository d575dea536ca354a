package dev.stride.api.console;

import dev.stride.asl.read.DefinitionReader;
import dev.stride.graph.Drawing;
import dev.stride.graph.Graphs;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;

/** Laid-out definitions, kept for the pages that draw them again and again (a live execution's page reloads). */
final class Drawings {
    private static final int KEEP = 64;
    private final Map<String, Drawing> byDefinition = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Drawing> eldest) { return size() > KEEP; }
    };

    /** The definition as SVG, each state's box with the classes {@code classOf} gives it. */
    String svg(String definition, Function<String, String> classOf) {
        Drawing d;
        synchronized (byDefinition) {
            d = byDefinition.get(definition);
        }
        if (d == null) {
            try {
                d = Graphs.layout(Graphs.flow(DefinitionReader.read(definition)));
            } catch (IllegalArgumentException e) {
                return "<p class=\"empty\">Cannot draw this definition: " + Html.esc(e.getMessage()) + "</p>";
            }
            synchronized (byDefinition) {
                byDefinition.put(definition, d);
            }
        }
        return Graphs.svg(d, classOf);
    }
}
