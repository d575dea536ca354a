package dev.stride.expr.jsonata;

import java.time.Duration;
import java.util.Objects;

/**
 * Runtime bounds of one JSONata evaluation: wall-clock time, and the maximum nesting depth of
 * expression evaluation (each evaluated sub-expression and function call counts one level).
 * Every evaluation gets fresh bounds.
 */
public record EvaluationBudget(Duration timeout, int maxDepth) {
    /**
     * 10 s, and a depth that stays well inside a default 1 MiB thread stack (a Java stack overflow
     * is still caught as a fallback).
     */
    public static final EvaluationBudget DEFAULT = new EvaluationBudget(Duration.ofSeconds(10), 1500);

    public EvaluationBudget {
        Objects.requireNonNull(timeout, "timeout");
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("timeout must be positive: " + timeout);
        }
        if (maxDepth < 1) {
            throw new IllegalArgumentException("maxDepth must be at least 1: " + maxDepth);
        }
    }
}
