package dev.stride.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stride.asl.compile.DefinitionCompiler;
import dev.stride.asl.read.DefinitionReader;
import dev.stride.expr.Json;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** An execution whose history would pass 25,000 events fails, as on AWS; a shorter one succeeds. */
class HistoryLimitTest {
    static final String LOOP = """
        {"StartAt": "Check", "States": {
          "Check": {"Type": "Choice", "Choices": [{"Variable": "$.i", "NumericLessThanPath": "$.n", "Next": "Incr"}], "Default": "Done"},
          "Incr": {"Type": "Pass", "Parameters": {"n.$": "$.n", "i.$": "States.MathAdd($.i, 1)"}, "Next": "Check"},
          "Done": {"Type": "Succeed"}}}
        """;

    @Test
    void anExecutionThatWouldPass25000EventsFails() throws Exception {
        var machine = DefinitionCompiler.compile(DefinitionReader.read(LOOP));
        try (Engine engine = Engine.builder().build()) {
            String tooLong = engine.start(new StartRequest(machine, null, null, Json.parse("{\"i\": 0, \"n\": 7000}"), false, null));
            ExecutionView v = engine.await(tooLong, Duration.ofSeconds(30));
            assertThat(v.status()).isEqualTo(ExecutionStatus.FAILED);
            assertThat(v.cause()).contains("maximum number of history events (25000)");
            assertThat(engine.history(tooLong)).hasSizeLessThanOrEqualTo(25_000);
            assertThat(engine.history(tooLong).get(engine.history(tooLong).size() - 1).type()).isEqualTo("ExecutionFailed");

            // 4 events per iteration: 6000 iterations stay under the quota.
            String fits = engine.start(new StartRequest(machine, null, null, Json.parse("{\"i\": 0, \"n\": 6000}"), false, null));
            assertThat(engine.await(fits, Duration.ofSeconds(30)).status()).isEqualTo(ExecutionStatus.SUCCEEDED);
        }
    }
}
