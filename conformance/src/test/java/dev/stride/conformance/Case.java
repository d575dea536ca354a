package dev.stride.conformance;

import com.fasterxml.jackson.databind.JsonNode;
import dev.stride.expr.Json;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;

/** One recorded case of ../shared/conformance (format in its README). */
record Case(String name, String category, JsonNode json) {
    static Case load(Path file, Path root) throws IOException {
        JsonNode json = Json.MAPPER.readTree(Files.readString(file));
        String rel = root.relativize(file).toString().replace('\\', '/');
        String name = rel.endsWith(".json") ? rel.substring(0, rel.length() - 5) : rel;
        return new Case(name, name.substring(0, name.indexOf('/')), json);
    }

    JsonNode expected() { return json.get("expected"); }

    JsonNode notes() { return json.path("notes"); }

    boolean express() { return "EXPRESS".equals(json.path("stateMachineType").asText()); }

    /** The definition as text exactly as the test sent it. */
    String definitionText() {
        if (json.has("definitionString")) return json.get("definitionString").asText();
        return Json.write(json.get("definition"));
    }

    JsonNode input() { return json.has("input") ? json.get("input") : Json.NODES.objectNode(); }

    /** Whether the recorded snapshot was validated against real AWS (else texts may be LocalStack's). */
    boolean validatedAgainstAws() {
        JsonNode v = json.path("snapshot").path("lastValidatedAgainstAws");
        return !v.isMissingNode() && !v.isNull();
    }

    /** Replacement values of the snapshot transformers: wherever they appear, any value matches. */
    Set<String> transformerValues() {
        Set<String> out = new HashSet<>();
        for (JsonNode t : notes().path("snapshotTransformers")) {
            JsonNode args = t.path("args");
            if (args.size() >= 2 && args.get(1).isTextual()) out.add(args.get(1).asText());
        }
        return out;
    }
}
