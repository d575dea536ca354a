package dev.stride.cli;

import dev.stride.graph.Graphs;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code stride graph FILE [--format svg|dot|mermaid]}: the definition as a graph on standard
 * output. SVG is laid out by the Eclipse Layout Kernel, the same drawing the web console shows.
 */
@Command(name = "graph", description = "Draws a definition: SVG (laid out here), Graphviz DOT or Mermaid, to standard output.")
final class GraphCommand implements Callable<Integer> {
    @Parameters(paramLabel = "FILE", description = "An ASL definition (JSON or YAML).")
    Path file;

    @Option(names = "--format", paramLabel = "svg|dot|mermaid", description = "Output format (default svg).", defaultValue = "svg")
    String format;

    @Override
    public Integer call() {
        Graphs.Format chosen;
        try {
            chosen = Graphs.Format.parse(format);
        } catch (IllegalArgumentException e) {
            System.err.println("stride graph: unknown format '" + format + "' (svg, dot or mermaid)");
            return 2;
        }
        String text;
        try {
            text = Graphs.render(DefinitionFile.read(file).text(), chosen);
        } catch (IllegalArgumentException e) {
            System.err.println("stride graph: " + e.getMessage());
            return 2;
        }
        PrintStream out = new PrintStream(System.out, false, StandardCharsets.UTF_8);
        out.print(text);
        out.flush();
        return 0;
    }
}
