package dev.stride.expr.jsonata;

import java.time.Duration;

/** STUB until the JSONata layer lands. */
public record EvaluationBudget(Duration timeout, int maxDepth) {
    public static final EvaluationBudget DEFAULT = new EvaluationBudget(Duration.ofSeconds(10), 1000);
}
