package dev.stride.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import picocli.CommandLine;

/** `stride graph FILE [--format svg|dot|mermaid]`: the definition drawn to standard output. */
class GraphCommandTest {
    static final String NESTED = """
        {"StartAt": "Split", "States": {
          "Split": {"Type": "Parallel", "Next": "Each",
            "Branches": [{"StartAt": "Left", "States": {"Left": {"Type": "Pass", "End": true}}},
                         {"StartAt": "Right", "States": {"Right": {"Type": "Task", "Resource": "arn:aws:states:::lambda:invoke", "End": true}}}],
            "Catch": [{"ErrorEquals": ["States.ALL"], "Next": "Oops"}]},
          "Each": {"Type": "Map", "ItemsPath": "$.items", "Next": "Pick",
            "ItemProcessor": {"StartAt": "Work", "States": {"Work": {"Type": "Pass", "End": true}}}},
          "Pick": {"Type": "Choice", "Choices": [{"Variable": "$.ok", "BooleanEquals": true, "Next": "Done"}], "Default": "Oops"},
          "Oops": {"Type": "Fail", "Error": "Oops"},
          "Done": {"Type": "Succeed"}}}
        """;
    static final List<String> NESTED_STATES = List.of("Split", "Left", "Right", "Each", "Work", "Pick", "Oops", "Done");

    @TempDir
    Path dir;

    record Result(int exit, String out) {}

    Result stride(String... args) {
        PrintStream old = System.out;
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        System.setOut(new PrintStream(buf, true, StandardCharsets.UTF_8));
        try {
            int exit = new CommandLine(new Main()).execute(args);
            return new Result(exit, buf.toString(StandardCharsets.UTF_8));
        } finally {
            System.setOut(old);
        }
    }

    static Path hello() {
        return Path.of(System.getProperty("user.dir")).resolveSibling("examples").resolve("hello.asl.json");
    }

    @Test
    void svgIsTheDefaultAndNamesEveryStateOfHello() throws Exception {
        Result r = stride("graph", hello().toString());
        assertThat(r.exit()).isZero();
        assertThat(states(xml(r.out()))).containsExactly("Greet", "Measure");
    }

    @Test
    void svgOfParallelMapAndCatchHasEveryStateNestedArrowsAndParsesAsXml() throws Exception {
        Path file = Files.writeString(dir.resolve("nested.asl.json"), NESTED);
        Result r = stride("graph", file.toString(), "--format", "svg");
        Document doc = xml(r.out());
        assertThat(states(doc)).containsExactlyInAnyOrderElementsOf(NESTED_STATES);
        assertThat(r.out()).contains("class=\"edge edge-catch\"").contains("class=\"edge edge-choice\"").contains("$.ok == true")
                .contains("Branch 1").contains("Item processor");
    }

    @Test
    void dotAndMermaidNameEveryState() throws Exception {
        Path file = Files.writeString(dir.resolve("nested.yaml"), NESTED);
        Result dot = stride("graph", file.toString(), "--format", "dot");
        Result mermaid = stride("graph", file.toString(), "--format", "mermaid");
        assertThat(dot.exit()).isZero();
        assertThat(mermaid.exit()).isZero();
        for (String s : NESTED_STATES) {
            assertThat(dot.out()).contains("\"" + s);
            assertThat(mermaid.out()).contains("\"" + s);
        }
        assertThat(dot.out()).startsWith("digraph").contains("subgraph cluster_").contains("style=dashed");
        assertThat(mermaid.out()).startsWith("flowchart TD").contains("-.->|\"Catch States.ALL\"|");
        assertThat(stride("graph", hello().toString(), "--format", "mermaid").out()).contains("\"Greet\"").contains("\"Measure\"");
        assertThat(stride("graph", hello().toString(), "--format", "dot").out()).contains("Greet").contains("Measure");
    }

    @Test
    void anUnknownFormatOrMissingFileIsAUsageError() {
        assertThat(stride("graph", hello().toString(), "--format", "png").exit()).isEqualTo(2);
        assertThat(stride("graph", dir.resolve("missing.json").toString()).exit()).isEqualTo(2);
    }

    @Test
    void validatePrintsStaticAnalysisWarningsAndStillPasses() throws Exception {
        Path file = Files.writeString(dir.resolve("lint.asl.json"), """
            {"StartAt": "Go", "States": {
              "Go": {"Type": "Task", "Resource": "arn:aws:states:::lambda:invoke", "Next": "Spin",
                     "Catch": [{"ErrorEquals": ["States.ALL"], "Next": "Done"}]},
              "Done": {"Type": "Succeed"},
              "Spin": {"Type": "Pass", "Next": "Again", "Assign": {"seen": "{% $missing %}"}, "QueryLanguage": "JSONata"},
              "Again": {"Type": "Pass", "Next": "Spin"}}}
            """);
        Result r = stride("validate", file.toString());
        assertThat(r.exit()).as(r.out()).isZero();
        assertThat(r.out()).contains("WARNING CATCH_ALL_WITHOUT_RETRY at /States/Go")
                .contains("WARNING LOOP_WITHOUT_EXIT at /States/Spin")
                .contains("WARNING VARIABLE_READ_BEFORE_ASSIGNED at /States/Spin");
    }

    static Document xml(String text) throws Exception {
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setNamespaceAware(true);
        return f.newDocumentBuilder().parse(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)));
    }

    static List<String> states(Document doc) {
        NodeList list = doc.getElementsByTagNameNS("*", "g");
        ArrayList<String> out = new ArrayList<>();
        for (int i = 0; i < list.getLength(); i++) {
            Element g = (Element) list.item(i);
            if (g.hasAttribute("data-state")) out.add(g.getAttribute("data-state"));
        }
        return out;
    }
}
