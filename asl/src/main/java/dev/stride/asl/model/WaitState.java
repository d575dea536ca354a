package dev.stride.asl.model;

import dev.stride.expr.jsonata.JsonataTemplate;
import dev.stride.expr.path.JsonPath;

/** Wait: exactly one of the four ways to say how long is set (JSONata states use the templates). */
public record WaitState(Common common, Long seconds, String timestamp, JsonPath secondsPath, JsonPath timestampPath,
                        JsonataTemplate secondsExpr, JsonataTemplate timestampExpr) implements State {}
