package dev.stride.asl.model;

import dev.stride.expr.jsonata.JsonataTemplate;
import dev.stride.expr.template.PayloadTemplate;

/**
 * The input/result shaping fields beyond Common: Parameters (JSONPath) or Arguments (JSONata),
 * ResultSelector and ResultPath (JSONPath). Absent fields are null; resultPath is never null.
 */
public record DataFlow(PayloadTemplate parameters, JsonataTemplate arguments, PayloadTemplate resultSelector, ResultPath resultPath) {
    public static final DataFlow NONE = new DataFlow(null, null, null, ResultPath.REPLACE);
}
