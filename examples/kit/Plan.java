package dev.stride.examples;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;

/**
 * What an example's preparation hands the run: the execution input and the values of the
 * definition's {@code ${Name}} placeholders (the DefinitionSubstitutions of AWS's sample
 * templates: table names, queue URLs, topic ARNs).
 */
public record Plan(JsonNode input, Map<String, String> substitutions) {
    public Plan {
        substitutions = Map.copyOf(substitutions);
    }
}
