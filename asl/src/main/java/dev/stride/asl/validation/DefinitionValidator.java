package dev.stride.asl.validation;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Objects;

/**
 * Static validation of a state machine definition, as AWS's CreateStateMachine and
 * ValidateStateMachineDefinition do it. Returns every problem at once, in document order
 * (graph problems of a (sub-)machine follow the problems of its states).
 */
public final class DefinitionValidator {
    /** Parser configured like AWS's (Jackson, with the source text in error locations). */
    private static final ObjectMapper AWS_JSON = new ObjectMapper(JsonFactory.builder()
            .enable(StreamReadFeature.INCLUDE_SOURCE_IN_LOCATION).build());

    private DefinitionValidator() {}

    /** All problems of a parsed definition. */
    public static List<Diagnostic> validate(JsonNode definition, StateMachineType type) {
        Objects.requireNonNull(type, "type");
        List<Diagnostic> all = new java.util.ArrayList<>(new Checker(type).run(definition));
        all.addAll(VariableScopes.check(definition));
        return all;
    }

    /**
     * Validates definition text as AWS receives it (JSON only): a text that is not JSON gives
     * {@code INVALID_JSON_DESCRIPTION}, a JSON value that is not an object gives
     * {@code SCHEMA_VALIDATION_FAILED: Definition must be a valid JSON object}.
     */
    public static List<Diagnostic> validateText(String definitionText, StateMachineType type) {
        JsonNode node;
        try {
            node = definitionText == null ? null : AWS_JSON.readTree(definitionText);
        } catch (JsonProcessingException e) {
            String location = awsLocation(definitionText, e);
            return List.of(Diagnostic.error(Codes.INVALID_JSON, location, e.getOriginalMessage() + "\n at " + location));
        }
        return validate(node, type);
    }

    /**
     * The parse-error location as AWS's (older) Jackson renders it: the source text (cut at 500 chars) and,
     * for an unrecognized token, the column just after the token.
     */
    private static String awsLocation(String text, JsonProcessingException e) {
        int line = e.getLocation() == null ? 1 : e.getLocation().getLineNr();
        int column = e.getLocation() == null ? 1 : e.getLocation().getColumnNr();
        String msg = e.getOriginalMessage();
        String prefix = "Unrecognized token '";
        if (msg != null && msg.startsWith(prefix)) {
            int end = msg.indexOf('\'', prefix.length());
            if (end > 0) {
                column += end - prefix.length();
            }
        }
        String source = text.length() > 500
                ? text.substring(0, 500) + "\"[truncated " + (text.length() - 500) + " chars]"
                : text + "\"";
        return "[Source: (String)\"" + source + "; line: " + line + ", column: " + column + "]";
    }

    /** AWS's InvalidDefinition message for the given errors (warnings are left out). */
    public static String createErrorMessage(List<Diagnostic> errors) {
        StringBuilder sb = new StringBuilder("Invalid State Machine Definition: '");
        boolean first = true;
        for (Diagnostic d : errors) {
            if (d.severity() != Severity.ERROR) {
                continue;
            }
            if (!first) {
                sb.append(", ");
            }
            first = false;
            sb.append(d.render());
        }
        return sb.append('\'').toString();
    }

    /** True when the list holds at least one ERROR. */
    public static boolean hasErrors(List<Diagnostic> diagnostics) {
        return diagnostics.stream().anyMatch(d -> d.severity() == Severity.ERROR);
    }

    /** The ValidateStateMachineDefinition response body: {@code {result, diagnostics, truncated}}. */
    public static JsonNode validateResponse(List<Diagnostic> diagnostics) {
        JsonNodeFactory f = JsonNodeFactory.instance;
        ObjectNode out = f.objectNode();
        out.put("result", hasErrors(diagnostics) ? "FAIL" : "OK");
        ArrayNode list = out.putArray("diagnostics");
        for (Diagnostic d : diagnostics) {
            ObjectNode o = list.addObject();
            o.put("severity", d.severity().name());
            o.put("code", d.code());
            o.put("message", d.message());
            if (d.location() != null) {
                o.put("location", d.location());
            }
        }
        out.put("truncated", false);
        return out;
    }
}
