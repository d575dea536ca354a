package dev.stride.asl.model;

import dev.stride.expr.jsonata.JsonataTemplate;
import dev.stride.expr.path.JsonPath;

/**
 * Fields every state has. {@code inputPath}/{@code outputPath} are null when absent (meaning
 * {@code $}); {@code inputPathNull}/{@code outputPathNull} mark an explicit JSON null (meaning {}).
 */
public record Common(
        String name,
        String type,
        QueryLanguage language,
        String next,
        boolean end,
        JsonPath inputPath,
        boolean inputPathNull,
        JsonPath outputPath,
        boolean outputPathNull,
        Assign assign,
        JsonataTemplate output) {

    public boolean jsonata() { return language == QueryLanguage.JSONATA; }
}
