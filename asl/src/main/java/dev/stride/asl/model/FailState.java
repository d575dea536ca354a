package dev.stride.asl.model;

import dev.stride.expr.jsonata.JsonataTemplate;
import dev.stride.expr.template.DynamicValue;

/** Fail: the error and cause come from a constant, a path/intrinsic (JSONPath) or an expression (JSONata). */
public record FailState(Common common, String error, String cause, DynamicValue errorPath, DynamicValue causePath,
                        JsonataTemplate errorExpr, JsonataTemplate causeExpr) implements State {}
