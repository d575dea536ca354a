package dev.stride.asl.validation;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * Compares the validator with the AWS-recorded validation cases. Cases listed in
 * {@code validation-expected-passing.txt} must match; the others are reported, not failed.
 */
class ValidationConformanceTest {

    /** Null when the case matches, else a one-line reason. */
    static String compare(JsonNode c) {
        StateMachineType type = Cases.type(c);
        List<Diagnostic> diags = c.has("definitionString")
                ? DefinitionValidator.validateText(c.get("definitionString").asText(), type)
                : DefinitionValidator.validate(c.get("definition"), type);
        JsonNode expected = c.get("expected");
        if (expected.has("createError")) {
            JsonNode ce = expected.get("createError");
            if (!DefinitionValidator.hasErrors(diags)) {
                return "accepted; AWS rejects: " + ce.path("message").asText();
            }
            String msg = DefinitionValidator.createErrorMessage(diags);
            if (!ce.path("code").asText().equals("InvalidDefinition")) {
                return "code " + ce.path("code").asText() + " expected";
            }
            if (!msg.equals(ce.path("message").asText())) {
                return "message differs: got <" + msg + "> expected <" + ce.path("message").asText() + ">";
            }
            return null;
        }
        JsonNode want = expected.get("validateResponse");
        JsonNode got = DefinitionValidator.validateResponse(diags);
        return got.equals(want) ? null : "validate response differs: got " + got + " expected " + want;
    }

    @Test
    void recordedValidationCasesMatchAwsExceptKnownDifferences() throws IOException {
        List<Path> files = Cases.files("validation");
        Assumptions.assumeFalse(files.isEmpty(), "no conformance corpus");
        Set<String> mustPass = expectedPassing();
        Map<String, String> differ = new LinkedHashMap<>();
        List<String> regressions = new ArrayList<>();
        int matched = 0;
        for (Path p : files) {
            String name = Cases.name(p);
            String reason = compare(Cases.load(p));
            if (reason == null) {
                matched++;
            } else {
                differ.put(name, reason);
                if (mustPass.contains(name)) {
                    regressions.add(name + ": " + reason);
                }
            }
        }
        System.out.println("validation: " + matched + " matched, " + differ.size() + " differ");
        differ.forEach((n, r) -> System.out.println("  DIFFER " + n + ": " + (r.length() > 300 ? r.substring(0, 300) + "..." : r)));
        assertThat(regressions).as("cases that used to match").isEmpty();
    }

    static Set<String> expectedPassing() throws IOException {
        Set<String> names = new TreeSet<>();
        try (InputStream in = ValidationConformanceTest.class.getResourceAsStream("/validation-expected-passing.txt")) {
            if (in == null) {
                return names;
            }
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                String l = line.strip();
                if (!l.isEmpty() && !l.startsWith("#")) {
                    names.add(l);
                }
            }
        }
        return names;
    }
}
