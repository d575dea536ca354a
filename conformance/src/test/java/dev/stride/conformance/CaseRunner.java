package dev.stride.conformance;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.stride.asl.compile.DefinitionCompiler;
import dev.stride.asl.model.StateMachine;
import dev.stride.asl.read.DefinitionReader;
import dev.stride.asl.validation.DefinitionValidator;
import dev.stride.asl.validation.Diagnostic;
import dev.stride.asl.validation.StateMachineType;
import dev.stride.engine.Engine;
import dev.stride.engine.ExecutionView;
import dev.stride.engine.StartRequest;
import dev.stride.engine.history.HistoryEvent;
import dev.stride.engine.spi.IdSource;
import dev.stride.expr.Json;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs one conformance case in-process and says how it differs from what AWS recorded (null
 * when it matches). Executions run on a virtual clock, so recorded waits take no real time.
 */
final class CaseRunner {
    /**
     * The corpus computed its time-relative inputs at this instant (visible in those inputs);
     * such cases run with the clock starting there so "now" means what it meant then.
     */
    static final Instant CORPUS_NOW = Instant.parse("2026-11-25T09:44:07Z");

    String run(Case c) throws Exception {
        JsonNode expected = c.expected();
        if (expected.has("createError")) return createError(c, expected.get("createError"));
        if (expected.has("validateResponse")) return validateResponse(c, expected.get("validateResponse"));
        return execution(c, expected);
    }

    private static StateMachineType type(Case c) { return c.express() ? StateMachineType.EXPRESS : StateMachineType.STANDARD; }

    private String createError(Case c, JsonNode expected) {
        List<Diagnostic> diags = DefinitionValidator.validateText(c.definitionText(), type(c));
        List<Diagnostic> errors = diags.stream().filter(d -> d.severity().name().equals("ERROR")).toList();
        if (errors.isEmpty()) {
            try {
                DefinitionCompiler.compile(DefinitionReader.read(c.definitionText()));
            } catch (RuntimeException e) {
                return null; // rejected when compiling: still an InvalidDefinition
            }
            return "definition accepted, expected " + expected.path("code").asText() + ": " + expected.path("message").asText();
        }
        if (!c.validatedAgainstAws()) return null; // message text recorded from LocalStack, not AWS: only the code counts
        String message = DefinitionValidator.createErrorMessage(errors);
        String want = expected.path("message").asText();
        return want.equals(message) ? null : "message differs:\n  expected: " + want + "\n  actual:   " + message;
    }

    private String validateResponse(Case c, JsonNode expected) {
        JsonNode actual = DefinitionValidator.validateResponse(DefinitionValidator.validateText(c.definitionText(), type(c)));
        return new Placeholders(c.transformerValues()).diff("validateResponse", expected, actual);
    }

    private String execution(Case c, JsonNode expected) throws Exception {
        List<Diagnostic> diags = DefinitionValidator.validateText(c.definitionText(), type(c));
        if (DefinitionValidator.hasErrors(diags)) return "definition rejected: " + DefinitionValidator.createErrorMessage(diags);
        StateMachine sm = DefinitionCompiler.compile(DefinitionReader.read(c.definitionText()));
        long start = c.notes().has("inputTimeRelative") ? CORPUS_NOW.toEpochMilli() : System.currentTimeMillis();
        try (Engine engine = Engine.builder().workers(1).virtualTime(true).clock(() -> start).ids(IdSource.seeded(7)).build()) {
            String arn = engine.start(new StartRequest(sm, null, null, c.input(), c.express(), null));
            ExecutionView v = engine.await(arn, Duration.ofSeconds(30));
            return compare(c, expected, v, engine.history(arn));
        }
    }

    private String compare(Case c, JsonNode expected, ExecutionView v, List<HistoryEvent> history) {
        Placeholders p = new Placeholders(c.transformerValues());
        String status = expected.path("status").asText();
        if (!status.equals(v.status().name())) {
            return "status " + v.status() + " (error " + v.error() + ": " + v.cause() + "), expected " + status
                    + (expected.has("error") ? " " + expected.get("error").asText() + ": " + expected.path("cause").asText() : "");
        }
        String d = null;
        if (expected.has("output")) d = p.diff("output", expected.get("output"), v.output());
        if (d == null && expected.has("error")) d = p.diff("error", expected.get("error"), v.error() == null ? null : Json.NODES.textNode(v.error()));
        if (d == null && expected.has("cause")) d = p.diff("cause", expected.get("cause"), v.cause() == null ? null : Json.NODES.textNode(v.cause()));
        if (d == null && expected.has("events")) d = events(c, p, expected.get("events"), history);
        return d;
    }

    private String events(Case c, Placeholders p, JsonNode expected, List<HistoryEvent> history) {
        boolean normalised = c.notes().has("parallelEventsNormalised");
        ArrayNode actual = Json.NODES.arrayNode();
        boolean expectsParallelSucceeded = expected.toString().contains("\"ParallelStateSucceeded\"");
        for (HistoryEvent e : history) {
            if (normalised && !expectsParallelSucceeded && e.type().equals("ParallelStateSucceeded")) continue;
            ObjectNode o = Json.NODES.objectNode();
            o.put("id", e.id());
            o.put("previousEventId", e.previousEventId());
            o.put("type", e.type());
            if (e.detailsKey() != null) o.set(e.detailsKey(), e.details());
            actual.add(o);
        }
        if (expected.size() != actual.size()) {
            return "events: expected " + types(expected) + "\n  but was " + types(actual);
        }
        List<JsonNode> unmatchedExpected = new ArrayList<>();
        List<JsonNode> unmatchedActual = new ArrayList<>();
        for (int i = 0; i < expected.size(); i++) {
            JsonNode e = expected.get(i);
            if (normalised && e.path("id").asLong() == 0) {
                unmatchedExpected.add(stripIds(e));
                unmatchedActual.add(stripIds(actual.get(i)));
                continue;
            }
            String d = p.diff("events[" + i + "]", e, actual.get(i));
            if (d != null) return d + "\n  event: " + Placeholders.shorten(actual.get(i));
        }
        // A normalised span is compared as a multiset.
        for (JsonNode e : unmatchedExpected) {
            JsonNode hit = null;
            for (JsonNode a : unmatchedActual) if (p.diff("", e, a) == null) { hit = a; break; }
            if (hit == null) return "parallel span: no event matches " + Placeholders.shorten(e);
            unmatchedActual.remove(hit);
        }
        return null;
    }

    private static JsonNode stripIds(JsonNode e) {
        ObjectNode copy = e.deepCopy();
        copy.remove("id");
        copy.remove("previousEventId");
        return copy;
    }

    private static String types(JsonNode events) {
        List<String> out = new ArrayList<>();
        for (JsonNode e : events) out.add(e.path("id").asText() + "/" + e.path("previousEventId").asText() + ":" + e.path("type").asText());
        return String.join(" ", out);
    }
}
