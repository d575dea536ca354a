package dev.stride.expr.jsonata;

import com.fasterxml.jackson.databind.JsonNode;
import dev.stride.expr.Json;
import dev.stride.expr.VariableLookup;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Not a benchmark: prints a rough evaluations/second figure and guards against gross regressions. */
class JsonataSpeedTest {
    @Test
    void aCompiledExpressionEvaluatesManyTimesPerSecond() {
        JsonataExpression e = JsonataExpression.compile("$states.input.a + 1");
        JsonNode states = Json.parse("{\"input\":{\"a\":41,\"b\":\"x\"},\"context\":{\"State\":{\"Name\":\"S\",\"RetryCount\":0}}}");
        for (int i = 0; i < 50_000; i++) {
            e.evaluate(states, VariableLookup.NONE, EvaluationBudget.DEFAULT);
        }
        int n = 200_000;
        long start = System.nanoTime();
        long sum = 0;
        for (int i = 0; i < n; i++) {
            sum += e.evaluate(states, VariableLookup.NONE, EvaluationBudget.DEFAULT).intValue();
        }
        double perSecond = n / ((System.nanoTime() - start) / 1e9);
        System.out.printf("JSONata '$states.input.a + 1': %.0f evaluations/s%n", perSecond);
        assertThat(sum).isEqualTo(42L * n);
        assertThat(perSecond).isGreaterThan(10_000);
    }
}
