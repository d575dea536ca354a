package dev.stride.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code stride run --express} has no 25,000-event history quota and keeps only the latest
 * events: a counter loop of 3,000,000 states succeeds in a child JVM with a 32 MiB heap.
 */
class RunExpressCliTest {
    private static final String LOOP = """
        {"StartAt": "Check", "States": {
          "Check": {"Type": "Choice", "Choices": [{"Variable": "$.i", "NumericLessThanPath": "$.n", "Next": "Incr"}], "Default": "Done"},
          "Incr": {"Type": "Pass", "Parameters": {"n.$": "$.n", "i.$": "States.MathAdd($.i, 1)"}, "Next": "Check"},
          "Done": {"Type": "Succeed"}}}
        """;

    @TempDir Path dir;

    private String run(String... args) throws IOException, InterruptedException {
        Path definition = dir.resolve("loop.asl.json");
        Files.writeString(definition, LOOP);
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        List<String> cmd = new java.util.ArrayList<>(List.of(java.toString(), "-Xmx32m", "-cp", System.getProperty("java.class.path"),
                "dev.stride.cli.Main", "run", definition.toString()));
        cmd.addAll(List.of(args));
        Process p = new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        String out = new String(p.getInputStream().readAllBytes());
        assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
        return out;
    }

    @Test
    void anExpressLoopOfThreeMillionStatesSucceedsInASmallHeap() throws Exception {
        String out = run("--express", "--input", "{\"i\": 0, \"n\": 1500000}", "--format", "json");
        assertThat(out).contains("\"status\":\"SUCCEEDED\"").contains("\"i\":1500000");
    }

    @Test
    void itsTraceSaysHowManyEarlierEventsWereNotKept() throws Exception {
        String out = run("--express", "--input", "{\"i\": 0, \"n\": 20000}");
        assertThat(out).startsWith("... ").contains("earlier events not kept").contains("SUCCEEDED");
    }

    @Test
    void theSameLoopAsStandardFailsAtTheHistoryQuota() throws Exception {
        String out = run("--input", "{\"i\": 0, \"n\": 1500000}", "--format", "json");
        assertThat(out).contains("\"status\":\"FAILED\"").contains("maximum number of history events");
    }
}
