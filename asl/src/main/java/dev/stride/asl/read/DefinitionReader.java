package dev.stride.asl.read;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;

/**
 * Reads a state machine definition given as JSON or YAML text into a JSON tree.
 * Text whose first non-blank character is '{' or '[' is read as strict JSON (better error positions);
 * anything else is read as YAML.
 */
public final class DefinitionReader {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final YAMLMapper YAML = new YAMLMapper();

    private DefinitionReader() {}

    /** @throws DefinitionSyntaxException with a message naming line and column when the text cannot be parsed */
    public static JsonNode read(String text) {
        if (text == null || text.isBlank()) {
            throw new DefinitionSyntaxException("Definition is empty", 0, 0, null);
        }
        String trimmed = text.stripLeading();
        boolean json = trimmed.startsWith("{") || trimmed.startsWith("[");
        try {
            JsonNode node = json ? JSON.readTree(text) : YAML.readTree(text);
            if (node == null || node.isMissingNode()) {
                throw new DefinitionSyntaxException("Definition is empty", 0, 0, null);
            }
            if (json) {
                rejectTrailingContent(text);
            }
            return node;
        } catch (JsonProcessingException e) {
            JsonLocation loc = e.getLocation();
            int line = loc == null ? 0 : Math.max(loc.getLineNr(), 0);
            int column = loc == null ? 0 : Math.max(loc.getColumnNr(), 0);
            String where = line > 0 ? " at line " + line + ", column " + column : "";
            throw new DefinitionSyntaxException(
                    "Invalid " + (json ? "JSON" : "YAML") + " definition" + where + ": " + e.getOriginalMessage(),
                    line, column, e);
        }
    }

    private static void rejectTrailingContent(String text) throws JsonProcessingException {
        try (var parser = JSON.getFactory().createParser(text)) {
            parser.nextToken();
            parser.skipChildren();
            if (parser.nextToken() != null) {
                JsonLocation loc = parser.currentTokenLocation();
                throw new DefinitionSyntaxException(
                        "Invalid JSON definition at line " + loc.getLineNr() + ", column " + loc.getColumnNr()
                                + ": unexpected content after the end of the definition",
                        loc.getLineNr(), loc.getColumnNr(), null);
            }
        } catch (JsonProcessingException e) {
            throw e;
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
