package dev.stride.asl.compile;

import com.fasterxml.jackson.databind.JsonNode;
import dev.stride.asl.model.IntField;
import dev.stride.asl.model.ItemBatcher;
import dev.stride.asl.model.ItemReader;
import dev.stride.asl.model.QueryLanguage;
import dev.stride.asl.model.ResultWriter;
import dev.stride.expr.jsonata.JsonataTemplate;
import dev.stride.expr.template.PayloadTemplate;
import java.util.ArrayList;
import java.util.List;

/** Compiles a distributed Map's ItemReader, ItemBatcher and ResultWriter (each null when absent). */
final class DistributedParts {
    private DistributedParts() {}

    static ItemReader reader(JsonNode n, QueryLanguage lang) {
        if (n == null || !n.isObject()) return null;
        JsonNode config = n.path("ReaderConfig");
        List<String> headers = null;
        if ("GIVEN".equals(config.path("CSVHeaderLocation").asText()) && config.path("CSVHeaders").isArray()) {
            headers = new ArrayList<>();
            for (JsonNode h : config.get("CSVHeaders")) headers.add(h.asText());
            headers = List.copyOf(headers);
        }
        return new ItemReader(n.path("Resource").asText(), parameters(n, lang), arguments(n, lang),
                DefinitionCompiler.text(config, "InputType"), headers, delimiter(DefinitionCompiler.text(config, "CSVDelimiter")),
                config.isObject() ? DefinitionCompiler.intField(config, "MaxItems", lang) : IntField.ABSENT,
                DefinitionCompiler.text(config, "ItemsPointer"), DefinitionCompiler.text(config, "ManifestType"),
                DefinitionCompiler.text(config, "Transformation"));
    }

    static ItemBatcher batcher(JsonNode n, QueryLanguage lang) {
        if (n == null || !n.isObject()) return null;
        JsonNode input = n.get("BatchInput");
        boolean jsonata = lang == QueryLanguage.JSONATA;
        return new ItemBatcher(DefinitionCompiler.intField(n, "MaxItemsPerBatch", lang),
                DefinitionCompiler.intField(n, "MaxInputBytesPerBatch", lang),
                !jsonata && input != null ? PayloadTemplate.compile(input) : null,
                jsonata && input != null ? JsonataTemplate.compile(input, "BatchInput") : null);
    }

    static ResultWriter writer(JsonNode n, QueryLanguage lang) {
        if (n == null || !n.isObject()) return null;
        JsonNode config = n.path("WriterConfig");
        return new ResultWriter(DefinitionCompiler.text(n, "Resource"), parameters(n, lang), arguments(n, lang),
                DefinitionCompiler.text(config, "Transformation"), DefinitionCompiler.text(config, "OutputType"));
    }

    private static PayloadTemplate parameters(JsonNode n, QueryLanguage lang) {
        JsonNode p = n.get("Parameters");
        return lang != QueryLanguage.JSONATA && p != null ? PayloadTemplate.compile(p) : null;
    }

    private static JsonataTemplate arguments(JsonNode n, QueryLanguage lang) {
        JsonNode a = n.get("Arguments");
        return lang == QueryLanguage.JSONATA && a != null ? JsonataTemplate.compile(a, "Arguments") : null;
    }

    private static char delimiter(String name) {
        if (name == null) return ',';
        return switch (name) {
            case "PIPE" -> '|';
            case "SEMICOLON" -> ';';
            case "SPACE" -> ' ';
            case "TAB" -> '\t';
            default -> ',';
        };
    }
}
