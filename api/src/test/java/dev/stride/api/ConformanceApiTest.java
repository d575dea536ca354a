package dev.stride.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sfn.SfnClient;
import software.amazon.awssdk.services.sfn.model.ExecutionStatus;
import software.amazon.awssdk.services.sfn.model.HistoryEvent;
import software.amazon.awssdk.services.sfn.model.InvalidDefinitionException;
import software.amazon.awssdk.services.sfn.model.StateMachineType;

/**
 * The shared conformance corpus (../shared/conformance, recorded against AWS) run through the
 * HTTP API with the real SfnClient: CreateStateMachine, StartExecution (StartSyncExecution for
 * EXPRESS), DescribeExecution until final, GetExecutionHistory; compared with {@link Recorded}.
 * The server runs on virtual time, so recorded Waits cost nothing. Fails only on cases not in
 * ../conformance/known-failures.txt.
 */
class ConformanceApiTest extends ApiFixture {
    private static final Path SHARED = Path.of(System.getProperty("stride.shared", "../../shared"));
    private static final Path KNOWN = Path.of("../conformance/known-failures.txt");

    @Override
    ServerConfig config() { return super.config().withVirtualTime(true); }

    @Test
    void theCorpusPassesThroughTheApi() throws IOException {
        Path root = SHARED.resolve("conformance");
        Set<String> known = knownFailures();
        List<Path> files;
        try (Stream<Path> s = Files.walk(root)) {
            files = s.filter(p -> p.toString().endsWith(".json") && !p.getParent().equals(root)).sorted().toList();
        }
        int passed = 0, failed = 0;
        TreeMap<String, String> unexpected = new TreeMap<>();
        for (int i = 0; i < files.size(); i++) {
            String rel = root.relativize(files.get(i)).toString().replace('\\', '/');
            String name = rel.substring(0, rel.length() - ".json".length());
            JsonNode c = Wire.MAPPER.readTree(files.get(i).toFile());
            String diff;
            try {
                // Inputs computed from the corpus's "now" run on a server whose clock starts then.
                diff = c.path("notes").has("inputTimeRelative") ? runAtCorpusNow(c, "conf-" + i) : run(c, "conf-" + i);
            } catch (RuntimeException e) {
                diff = "threw " + e;
            }
            if (diff == null) {
                passed++;
            } else {
                failed++;
                if (!known.contains(name)) unexpected.put(name, diff);
            }
        }
        System.out.printf("conformance (api): %d passed, %d failed%n", passed, failed);
        unexpected.forEach((k, v) -> System.out.println("  " + k + ": " + v));
        assertThat(unexpected).as("cases failing through the API that known-failures.txt does not list").isEmpty();
    }

    /** The instant the corpus computed its time-relative inputs (visible in those inputs). */
    private static final java.time.Instant CORPUS_NOW = java.time.Instant.parse("2026-11-25T09:44:07Z");

    private String runAtCorpusNow(JsonNode c, String smName) {
        long start = CORPUS_NOW.toEpochMilli();
        try (StrideServer then = StrideServer.start(config().withPort(0).withClock(() -> start));
             SfnClient client = client(then.port(), "test", "test")) {
            SfnClient usual = sfn;
            sfn = client;
            try {
                return run(c, smName);
            } finally {
                sfn = usual;
            }
        }
    }

    private String run(JsonNode c, String smName) {
        JsonNode expected = c.get("expected");
        boolean express = "EXPRESS".equals(c.path("stateMachineType").asText());
        String definition = c.has("definitionString") ? c.get("definitionString").asText() : Wire.write(c.get("definition"));
        Recorded recorded = new Recorded(transformerValues(c));
        if (expected.has("validateResponse")) {
            var r = sfn.validateStateMachineDefinition(b -> b.definition(definition)
                    .type(express ? StateMachineType.EXPRESS : StateMachineType.STANDARD));
            return recorded.diff("validateResponse", expected.get("validateResponse"), SdkJson.of(r));
        }
        String sm;
        try {
            sm = sfn.createStateMachine(b -> b.name(smName).definition(definition).roleArn(ROLE)
                    .type(express ? StateMachineType.EXPRESS : StateMachineType.STANDARD)).stateMachineArn();
        } catch (InvalidDefinitionException e) {
            if (!expected.has("createError")) return "definition rejected: " + e.awsErrorDetails().errorMessage();
            boolean byAws = !c.path("snapshot").path("lastValidatedAgainstAws").isMissingNode()
                    && !c.path("snapshot").path("lastValidatedAgainstAws").isNull();
            String want = expected.get("createError").path("message").asText();
            return !byAws || want.equals(e.awsErrorDetails().errorMessage()) ? null
                    : "message differs:\n  expected: " + want + "\n  actual:   " + e.awsErrorDetails().errorMessage();
        }
        if (expected.has("createError")) return "definition accepted, expected " + expected.get("createError");
        String input = c.has("input") ? Wire.write(c.get("input")) : "{}";
        if (express) {
            var r = sfn.startSyncExecution(b -> b.stateMachineArn(sm).input(input));
            return outcome(recorded, expected, r.statusAsString(), r.output(), r.error(), r.cause());
        }
        String exec = sfn.startExecution(b -> b.stateMachineArn(sm).input(input)).executionArn();
        var d = poll(() -> sfn.describeExecution(b -> b.executionArn(exec)), x -> x.status() != ExecutionStatus.RUNNING);
        String diff = outcome(recorded, expected, d.statusAsString(), d.output(), d.error(), d.cause());
        if (diff != null || !expected.has("events")) return diff;
        List<HistoryEvent> events = new ArrayList<>();
        sfn.getExecutionHistoryPaginator(b -> b.executionArn(exec).maxResults(1000)).events().forEach(events::add);
        return recorded.events(expected.get("events"), history(events), c.path("notes").has("parallelEventsNormalised"));
    }

    private static String outcome(Recorded recorded, JsonNode expected, String status, String output, String error, String cause) {
        if (!expected.path("status").asText().equals(status)) {
            return "status " + status + " (" + error + ": " + cause + "), expected " + expected.path("status").asText()
                    + " " + expected.path("error").asText("") + " " + expected.path("cause").asText("");
        }
        String d = null;
        if (expected.has("output")) d = recorded.diff("output", expected.get("output"), output == null ? null : Wire.parse(output, ApiError.INTERNAL, "output"));
        if (d == null && expected.has("error")) d = recorded.diff("error", expected.get("error"), error == null ? null : Wire.NODES.textNode(error));
        if (d == null && expected.has("cause")) d = recorded.diff("cause", expected.get("cause"), cause == null ? null : Wire.NODES.textNode(cause));
        return d;
    }

    /** The API's events in the corpus's shape: no timestamp, payloads decoded from JSON text. */
    private static ArrayNode history(List<HistoryEvent> events) {
        ArrayNode out = Wire.NODES.arrayNode();
        for (HistoryEvent e : events) {
            ObjectNode o = (ObjectNode) SdkJson.of(e);
            o.remove("timestamp");
            o.properties().forEach(field -> {
                if (field.getValue() instanceof ObjectNode details) {
                    for (String payload : List.of("input", "output", "parameters")) {
                        if (details.path(payload).isTextual()) {
                            details.set(payload, Wire.parse(details.get(payload).asText(), ApiError.INTERNAL, payload));
                        }
                    }
                }
            });
            out.add(o);
        }
        return out;
    }

    private static Set<String> transformerValues(JsonNode c) {
        Set<String> out = new HashSet<>();
        for (JsonNode t : c.path("notes").path("snapshotTransformers")) {
            JsonNode args = t.path("args");
            if (args.size() >= 2 && args.get(1).isTextual()) out.add(args.get(1).asText());
        }
        return out;
    }

    private static Set<String> knownFailures() throws IOException {
        Set<String> out = new HashSet<>();
        if (!Files.exists(KNOWN)) return out;
        for (String line : Files.readAllLines(KNOWN)) {
            String t = line.strip();
            if (!t.isEmpty() && !t.startsWith("#")) out.add(t.split("\\s+", 2)[0]);
        }
        return out;
    }
}
