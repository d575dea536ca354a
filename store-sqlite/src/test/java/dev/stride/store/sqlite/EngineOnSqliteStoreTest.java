package dev.stride.store.sqlite;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stride.asl.compile.DefinitionCompiler;
import dev.stride.asl.model.StateMachine;
import dev.stride.asl.read.DefinitionReader;
import dev.stride.engine.Engine;
import dev.stride.engine.ExecutionStatus;
import dev.stride.engine.ExecutionView;
import dev.stride.engine.StartRequest;
import dev.stride.engine.spi.TaskCompletion;
import dev.stride.engine.spi.TaskIntegration;
import dev.stride.engine.spi.TaskInvocation;
import dev.stride.expr.Json;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** An engine on the SQLite store: executions outlive the engine and resume in the next one. */
class EngineOnSqliteStoreTest {
    static final StateMachine MACHINE = DefinitionCompiler.compile(DefinitionReader.read("""
        {"StartAt": "Ask", "States": {
          "Ask": {"Type": "Task", "Resource": "arn:aws:states:::test:ask", "Next": "Done"},
          "Done": {"Type": "Pass", "End": true}}}
        """));

    @TempDir Path dir;

    /** Records tasks; the test completes them through the engine. */
    static final class Tasks implements TaskIntegration {
        final List<TaskInvocation> received = new CopyOnWriteArrayList<>();

        public boolean accepts(String resource) { return resource.startsWith("arn:aws:states:::test:"); }

        public void start(TaskInvocation invocation, TaskCompletion completion) { received.add(invocation); }
    }

    private String startAndLeaveWaiting() throws Exception {
        Tasks tasks = new Tasks();
        try (SqliteStore store = SqliteStore.open(dir, SqliteStoreTest.QUIET);
             Engine engine = Engine.builder().store(store).integration(tasks).build()) {
            String arn = engine.start(new StartRequest(MACHINE, null, "e1", Json.parse("{\"a\":1}"), false, null));
            waitFor(() -> tasks.received.size() == 1);
            return arn;
        }
    }

    @Test
    void aStartIsOnDiskOnceAwaitRecordedReturns() throws Exception {
        Tasks tasks = new Tasks();
        try (SqliteStore store = SqliteStore.open(dir, SqliteStoreTest.QUIET);
             Engine engine = Engine.builder().store(store).integration(tasks).build()) {
            for (int i = 0; i < 200; i++) {
                String arn = engine.start(new StartRequest(MACHINE, null, "r" + i, Json.parse("{\"a\":1}"), false, null));
                engine.awaitRecorded(arn, Duration.ofSeconds(10));
                assertThat(store.exists(arn)).as(arn + " in the store").isTrue();
                assertThat(store.history(arn)).extracting(h -> h.type()).startsWith("ExecutionStarted");
            }
        }
    }

    @Test
    void anExecutionWaitingOnATaskResumesInTheNextEngineAndSucceeds() throws Exception {
        String arn = startAndLeaveWaiting();
        Tasks tasks = new Tasks();
        try (SqliteStore store = SqliteStore.open(dir, SqliteStoreTest.QUIET);
             Engine engine = Engine.builder().store(store).integration(tasks).build()) {
            assertThat(engine.recovered()).isEqualTo(1);
            waitFor(() -> tasks.received.size() == 1);
            engine.sendTaskSuccess(tasks.received.get(0).taskToken(), Json.parse("{\"b\":2}"));
            ExecutionView v = engine.await(arn, Duration.ofSeconds(10));

            assertThat(v.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
            assertThat(v.output()).isEqualTo(Json.parse("{\"b\":2}"));
            assertThat(store.history(arn)).extracting(e -> e.type()).containsExactly("ExecutionStarted", "TaskStateEntered",
                    "TaskScheduled", "TaskStarted", "TaskSucceeded", "TaskStateExited", "PassStateEntered", "PassStateExited",
                    "ExecutionSucceeded");
            assertThat(store.unfinished()).isEmpty();
        }
    }

    /** Regression: a record restored from its snapshot had NullNode where it had null, so a failed execution got output "null". */
    @Test
    void aResumedExecutionThatFailsHasNoOutput() throws Exception {
        String arn = startAndLeaveWaiting();
        Tasks tasks = new Tasks();
        try (SqliteStore store = SqliteStore.open(dir, SqliteStoreTest.QUIET);
             Engine engine = Engine.builder().store(store).integration(tasks).build()) {
            waitFor(() -> tasks.received.size() == 1);
            engine.sendTaskFailure(tasks.received.get(0).taskToken(), "Nope", "no");
            ExecutionView v = engine.await(arn, Duration.ofSeconds(10));

            assertThat(v.status()).isEqualTo(ExecutionStatus.FAILED);
            assertThat(v.output()).isNull();
            assertThat(store.find(arn).outputJson()).isNull();
        }
    }

    static void waitFor(java.util.function.BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) throw new AssertionError("condition not reached in 10 s");
            Thread.sleep(5);
        }
    }
}
