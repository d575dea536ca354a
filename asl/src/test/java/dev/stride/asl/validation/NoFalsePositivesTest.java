package dev.stride.asl.validation;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.stride.asl.read.DefinitionReader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/** Every definition in the non-validation categories ran on AWS, so it must validate without errors. */
class NoFalsePositivesTest {
    static final List<String> CATEGORIES = List.of("choice", "context", "errors", "intrinsics", "jsonata", "map",
            "parallel", "pass", "variables", "wait");

    @Test
    void everyDefinitionThatRanOnAwsValidatesWithoutErrors() {
        List<String> problems = new ArrayList<>();
        int checked = 0;
        for (String cat : CATEGORIES) {
            for (Path p : Cases.files(cat)) {
                JsonNode c = Cases.load(p);
                JsonNode def = c.has("definitionString")
                        ? DefinitionReader.read(c.get("definitionString").asText())
                        : c.get("definition");
                List<Diagnostic> errors = DefinitionValidator.validate(def, Cases.type(c)).stream()
                        .filter(d -> d.severity() == Severity.ERROR).toList();
                checked++;
                if (!errors.isEmpty()) {
                    problems.add(cat + "/" + Cases.name(p) + ": " + DefinitionValidator.createErrorMessage(errors));
                }
            }
        }
        Assumptions.assumeTrue(checked > 0, "no conformance corpus");
        System.out.println("no-false-positives: " + checked + " definitions checked, " + problems.size() + " rejected");
        problems.forEach(s -> System.out.println("  FALSE POSITIVE " + s));
        assertThat(problems).isEmpty();
    }
}
