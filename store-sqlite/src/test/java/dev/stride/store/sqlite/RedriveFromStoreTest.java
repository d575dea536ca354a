package dev.stride.store.sqlite;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stride.asl.compile.DefinitionCompiler;
import dev.stride.asl.read.DefinitionReader;
import dev.stride.engine.Engine;
import dev.stride.engine.ExecutionStatus;
import dev.stride.engine.StartRequest;
import dev.stride.engine.history.HistoryEvent;
import dev.stride.engine.spi.TaskCompletion;
import dev.stride.engine.spi.TaskIntegration;
import dev.stride.engine.spi.TaskInvocation;
import dev.stride.expr.Json;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A failed execution kept in the store is redriven by a later engine and finishes there. */
class RedriveFromStoreTest {
    @TempDir
    Path dir;

    static TaskIntegration charge(boolean works) {
        return new TaskIntegration() {
            public boolean accepts(String resource) { return resource.endsWith(":test:charge"); }

            public void start(TaskInvocation inv, TaskCompletion completion) {
                if (works) completion.succeed(Json.parse("{\"charged\": true}"));
                else completion.fail("PaymentDown", "down");
            }
        };
    }

    @Test
    void aFailedExecutionIsRedrivenAfterARestart() throws Exception {
        var machine = DefinitionCompiler.compile(DefinitionReader.read("""
            {"StartAt": "Charge", "States": {"Charge": {"Type": "Task", "Resource": "arn:aws:states:::test:charge", "End": true}}}
            """));
        String arn;
        try (SqliteStore store = SqliteStore.open(dir, SqliteStore.Options.defaults());
             Engine engine = Engine.builder().store(store).integration(charge(false)).build()) {
            arn = engine.start(new StartRequest(machine, null, "r1", Json.parse("{}"), false, null));
            assertThat(engine.await(arn, Duration.ofSeconds(5)).status()).isEqualTo(ExecutionStatus.FAILED);
            Thread.sleep(300); // let the committer write the final state
        }
        try (SqliteStore store = SqliteStore.open(dir, SqliteStore.Options.defaults());
             Engine engine = Engine.builder().store(store).integration(charge(true)).build()) {
            assertThat(engine.redrive(arn)).isEqualTo(1);
            assertThat(engine.await(arn, Duration.ofSeconds(5)).status()).isEqualTo(ExecutionStatus.SUCCEEDED);
            Thread.sleep(300);
            var types = store.history(arn).stream().map(HistoryEvent::type).toList();
            assertThat(types).containsSubsequence("TaskFailed", "ExecutionFailed", "ExecutionRedriven", "TaskStateEntered",
                    "TaskSucceeded", "ExecutionSucceeded");
            assertThat(store.history(arn)).extracting(HistoryEvent::id).doesNotHaveDuplicates();
        }
    }
}
