package dev.stride.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stride.asl.compile.DefinitionCompiler;
import dev.stride.asl.read.DefinitionReader;
import dev.stride.expr.Json;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Assigning a value over 256 KiB fails the execution with States.DataLimitExceeded, naming the variable. */
class VariableLimitsTest {
    @Test
    void assigningAValueOver256KiBFailsWithDataLimitExceeded() throws Exception {
        var machine = DefinitionCompiler.compile(DefinitionReader.read("""
            {"StartAt": "Keep", "States": {"Keep": {"Type": "Pass", "Assign": {"big.$": "States.Array($.blob, $.blob)", "small": 1}, "ResultPath": null, "End": true}}}
            """));
        String blob = "x".repeat(200 * 1024);
        try (Engine engine = Engine.builder().build()) {
            String arn = engine.start(new StartRequest(machine, null, null, Json.NODES.objectNode().put("blob", blob), false, null));
            ExecutionView v = engine.await(arn, Duration.ofSeconds(10));
            assertThat(v.status()).isEqualTo(ExecutionStatus.FAILED);
            assertThat(v.error()).isEqualTo("States.DataLimitExceeded");
            assertThat(v.cause()).contains("'big'").contains("'Keep'");

            String ok = engine.start(new StartRequest(machine, null, null, Json.NODES.objectNode().put("blob", "small"), false, null));
            assertThat(engine.await(ok, Duration.ofSeconds(10)).status()).isEqualTo(ExecutionStatus.SUCCEEDED);
        }
    }
}
