package dev.stride.asl.model;

import dev.stride.expr.jsonata.JsonataTemplate;
import dev.stride.expr.path.JsonPath;

/**
 * An integer field that may be given as a constant, a JSONPath ({@code FooPath}) or a JSONata
 * expression. At most one is set; all null means absent.
 */
public record IntField(Long constant, JsonPath path, JsonataTemplate jsonata) {
    public static final IntField ABSENT = new IntField(null, null, null);

    public boolean present() { return constant != null || path != null || jsonata != null; }
}
