package dev.stride.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.stride.asl.compile.DefinitionCompiler;
import dev.stride.asl.read.DefinitionReader;
import dev.stride.engine.history.HistoryEvent;
import dev.stride.engine.spi.TaskCompletion;
import dev.stride.engine.spi.TaskIntegration;
import dev.stride.engine.spi.TaskInvocation;
import dev.stride.expr.Json;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/** A failed execution redriven after its cause is fixed continues from the failed state and succeeds. */
class RedriveTest {
    final AtomicBoolean broken = new AtomicBoolean(true);

    final TaskIntegration flaky = new TaskIntegration() {
        public boolean accepts(String resource) { return resource.endsWith(":test:charge"); }

        public void start(TaskInvocation inv, TaskCompletion completion) {
            if (broken.get()) completion.fail("PaymentDown", "the payment service is down");
            else completion.succeed(Json.parse("{\"charged\": true}"));
        }
    };

    @Test
    void aFailedExecutionRedrivenAfterTheFixSucceedsFromTheFailedState() throws Exception {
        var machine = DefinitionCompiler.compile(DefinitionReader.read("""
            {"StartAt": "Prepare", "States": {
              "Prepare": {"Type": "Pass", "Result": {"order": 1}, "Next": "Charge"},
              "Charge": {"Type": "Task", "Resource": "arn:aws:states:::test:charge", "ResultPath": "$.payment", "End": true}}}
            """));
        try (Engine engine = Engine.builder().integration(flaky).build()) {
            String arn = engine.start(new StartRequest(machine, null, "order-1", Json.parse("{}"), false, null));
            assertThat(engine.await(arn, Duration.ofSeconds(5)).status()).isEqualTo(ExecutionStatus.FAILED);
            assertThatThrownBy(() -> engine.redrive("arn:aws:states:us-east-1:123456789012:execution:Stride:nope"))
                    .isInstanceOf(IllegalStateException.class).hasMessageContaining("Does Not Exist");

            broken.set(false);
            assertThat(engine.redrive(arn)).isEqualTo(1);
            ExecutionView v = engine.await(arn, Duration.ofSeconds(5));

            assertThat(v.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
            assertThat(v.output()).isEqualTo(Json.parse("{\"order\": 1, \"payment\": {\"charged\": true}}"));
            var types = engine.history(arn).stream().map(HistoryEvent::type).toList();
            assertThat(types).containsExactly("ExecutionStarted", "PassStateEntered", "PassStateExited", "TaskStateEntered",
                    "TaskScheduled", "TaskStarted", "TaskFailed", "ExecutionFailed", "ExecutionRedriven", "TaskStateEntered",
                    "TaskScheduled", "TaskStarted", "TaskSucceeded", "TaskStateExited", "ExecutionSucceeded");
            assertThatThrownBy(() -> engine.redrive(arn)).isInstanceOf(IllegalStateException.class).hasMessageContaining("SUCCEEDED");
        }
    }
}
