package dev.stride.asl.model;

import dev.stride.expr.path.JsonPath;

/** ResultPath: absent (replace the input), null (discard the result) or a reference path. */
public record ResultPath(JsonPath path, boolean discard) {
    public static final ResultPath REPLACE = new ResultPath(null, false);
    public static final ResultPath DISCARD = new ResultPath(null, true);
}
