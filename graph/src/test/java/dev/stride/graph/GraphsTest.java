package dev.stride.graph;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stride.asl.read.DefinitionReader;
import dev.stride.graph.Graphs.Format;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

class GraphsTest {
    private static final List<String> ORDER_STATES = List.of("Check", "Fan Out", "Charge", "Reserve", "Hold", "Each Item",
            "Ship", "Note Loss", "Rejected", "Done");

    static String hello() throws IOException {
        return Files.readString(Path.of(System.getProperty("user.dir")).resolveSibling("examples").resolve("hello.asl.json"));
    }

    static String orders() throws IOException {
        try (InputStream in = GraphsTest.class.getResourceAsStream("/orders.asl.json")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void the_svg_of_hello_names_both_states_and_parses_as_xml() throws Exception {
        Document svg = xml(Graphs.render(hello(), Format.SVG));
        assertThat(states(svg)).containsExactly("Greet", "Measure");
        assertThat(svg.getDocumentElement().getAttribute("class")).isEqualTo("stride-graph");
    }

    @Test
    void the_svg_draws_branches_and_processors_inside_their_state() throws Exception {
        Document svg = xml(Graphs.render(orders(), Format.SVG));
        assertThat(states(svg)).containsExactlyInAnyOrderElementsOf(ORDER_STATES);
        Drawing d = Graphs.layout(Graphs.flow(DefinitionReader.read(orders())));
        Drawing.Box parallel = box(d, "Fan Out");
        for (String inner : List.of("Charge", "Reserve", "Hold")) {
            Drawing.Box b = box(d, inner);
            assertThat(b.x()).isBetween(parallel.x(), parallel.x() + parallel.width() - b.width());
            assertThat(b.y()).isBetween(parallel.y(), parallel.y() + parallel.height() - b.height());
        }
        Drawing.Box map = box(d, "Each Item");
        assertThat(box(d, "Ship").y()).isGreaterThan(map.y());
        assertThat(box(d, "Ship").y() + box(d, "Ship").height()).isLessThan(map.y() + map.height());
    }

    @Test
    void choice_arrows_are_labelled_and_catch_arrows_are_their_own_kind() throws Exception {
        String svg = Graphs.render(orders(), Format.SVG);
        Document doc = xml(svg);
        assertThat(svg).contains("$.count &gt; 10").contains("Default").contains("Catch States.ALL");
        assertThat(count(doc, "edge edge-catch")).isEqualTo(2);
        assertThat(count(doc, "edge edge-choice")).isEqualTo(2);
        assertThat(count(doc, "edge edge-default")).isEqualTo(1);
        for (Element g : elements(doc, "g")) {
            if (g.getAttribute("class").startsWith("edge")) {
                String d = ((Element) g.getElementsByTagName("path").item(0)).getAttribute("d");
                assertThat(d).startsWith("M").contains(" L");
            }
        }
    }

    @Test
    void dot_has_every_state_and_a_cluster_for_each_branch() throws Exception {
        String dot = Graphs.render(orders(), Format.DOT);
        assertThat(dot).startsWith("digraph StateMachine {").endsWith("}\n");
        for (String s : ORDER_STATES) assertThat(dot).contains("\"" + s);
        assertThat(dot).contains("label=\"Branch 1\"").contains("label=\"Branch 2\"").contains("label=\"Item processor\"")
                .contains("style=dashed, color=\"#cf222e\"").contains("lhead=cluster_");
        assertThat(Graphs.render(hello(), Format.DOT)).contains("\"Greet\\nPass\"").contains("\"Measure\\nPass\"");
    }

    @Test
    void mermaid_has_every_state_nested_subgraphs_and_dotted_catches() throws Exception {
        String m = Graphs.render(orders(), Format.MERMAID);
        assertThat(m).startsWith("flowchart TD\n");
        for (String s : ORDER_STATES) assertThat(m).contains("\"" + s);
        assertThat(m).contains("subgraph").contains("-.->|\"Catch States.ALL\"|").contains("-->|\"$.count #gt; 10\"|");
        long opens = m.lines().filter(l -> l.trim().startsWith("subgraph")).count();
        long ends = m.lines().filter(l -> l.trim().equals("end")).count();
        assertThat(opens).isEqualTo(ends).isEqualTo(5);
        assertThat(Graphs.render(hello(), Format.MERMAID)).contains("[\"Greet\"]").contains("[\"Measure\"]");
    }

    @Test
    void a_definition_that_does_not_validate_is_still_drawn() throws Exception {
        String broken = "{\"StartAt\":\"A\",\"States\":{\"A\":{\"Type\":\"Pass\",\"Next\":\"Nowhere\"}}}";
        assertThat(states(xml(Graphs.render(broken, Format.SVG)))).containsExactly("A");
    }

    private static Drawing.Box box(Drawing d, String state) {
        return d.boxes().stream().filter(b -> state.equals(b.state())).findFirst().orElseThrow();
    }

    static Document xml(String text) throws Exception {
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setNamespaceAware(true);
        return f.newDocumentBuilder().parse(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)));
    }

    private static List<String> states(Document doc) {
        return elements(doc, "g").stream().filter(g -> g.hasAttribute("data-state")).map(g -> g.getAttribute("data-state")).toList();
    }

    private static long count(Document doc, String cls) {
        return elements(doc, "g").stream().filter(g -> g.getAttribute("class").equals(cls)).count();
    }

    private static List<Element> elements(Document doc, String tag) {
        NodeList list = doc.getElementsByTagNameNS("*", tag);
        ArrayList<Element> out = new ArrayList<>();
        for (int i = 0; i < list.getLength(); i++) out.add((Element) list.item(i));
        return out;
    }
}
