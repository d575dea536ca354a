package dev.stride.store.sqlite;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stride.asl.compile.DefinitionCompiler;
import dev.stride.asl.model.StateMachine;
import dev.stride.asl.read.DefinitionReader;
import dev.stride.engine.Engine;
import dev.stride.engine.ExecutionStatus;
import dev.stride.engine.ExecutionView;
import dev.stride.engine.StartRequest;
import dev.stride.engine.history.HistoryEvent;
import dev.stride.expr.Json;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Executions waiting for a far timer leave memory once committed (parked), stay visible through
 * the store, and come back to finish on time: by themselves, when stopped, and after a restart.
 */
class ParkingTest {
    /** Waits 2 s in a Map iteration and then 1 s at the top: parked twice with parkAfter 300 ms. */
    static final StateMachine MACHINE = DefinitionCompiler.compile(DefinitionReader.read("""
        {"StartAt": "Fan", "States": {
          "Fan": {"Type": "Map", "ItemsPath": "$.items", "ResultPath": "$.slept", "Next": "Nap",
            "ItemProcessor": {"StartAt": "Sleep", "States": {
              "Sleep": {"Type": "Wait", "Seconds": 2, "Next": "Echo"},
              "Echo": {"Type": "Pass", "End": true}}}},
          "Nap": {"Type": "Wait", "Seconds": 1, "Next": "Done"},
          "Done": {"Type": "Pass", "Parameters": {"n.$": "$.n", "slept.$": "$.slept"}, "End": true}}}
        """));
    static final Duration PARK_AFTER = Duration.ofMillis(300);
    static final int COUNT = 200;

    @TempDir Path dir;

    private static StartRequest request(int i) {
        return new StartRequest(MACHINE, null, "p" + i, Json.parse("{\"n\": " + i + ", \"items\": [1, 2]}"), false, null);
    }

    @Test
    void waitingExecutionsLeaveMemoryAndFinishOnTimeWithTheHistoryOfAnInMemoryRun() throws Exception {
        List<HistoryEvent> reference;
        try (Engine memory = Engine.builder().virtualTime(true).build()) {
            String arn = memory.start(request(0));
            memory.await(arn, Duration.ofSeconds(10));
            reference = memory.history(arn);
        }
        try (SqliteStore store = SqliteStore.open(dir, SqliteStoreTest.QUIET);
             Engine engine = Engine.builder().store(store).parkAfter(PARK_AFTER).build()) {
            List<String> arns = new ArrayList<>();
            long started = System.currentTimeMillis();
            for (int i = 0; i < COUNT; i++) arns.add(engine.start(request(i)));
            waitFor(() -> engine.inMemory() == 0, Duration.ofSeconds(1));
            assertThat(engine.inMemory()).as("executions in memory while all wait 2 s").isZero();
            ExecutionView parked = engine.describe(arns.get(7));
            assertThat(parked.status()).isEqualTo(ExecutionStatus.RUNNING);
            assertThat(engine.history(arns.get(7))).extracting(HistoryEvent::type).contains("WaitStateEntered");

            for (int i = 0; i < COUNT; i++) {
                ExecutionView done = engine.await(arns.get(i), Duration.ofSeconds(20));
                assertThat(done.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
                assertThat(done.output()).isEqualTo(Json.parse("{\"n\": " + i + ", \"slept\": [1, 2]}"));
                assertThat(types(engine.history(arns.get(i)))).isEqualTo(types(reference));
            }
            long took = System.currentTimeMillis() - started;
            assertThat(took).as("3 s of waits, woken on time").isBetween(3_000L, 10_000L);
        }
    }

    @Test
    void aParkedExecutionCanBeStopped() throws Exception {
        try (SqliteStore store = SqliteStore.open(dir, SqliteStoreTest.QUIET);
             Engine engine = Engine.builder().store(store).parkAfter(PARK_AFTER).build()) {
            String arn = engine.start(request(1));
            waitFor(() -> engine.inMemory() == 0, Duration.ofSeconds(1));
            assertThat(engine.inMemory()).isZero();
            assertThat(engine.stop(arn, "Halt", "the operator stopped it")).isTrue();
            ExecutionView stopped = engine.await(arn, Duration.ofSeconds(5));
            assertThat(stopped.status()).isEqualTo(ExecutionStatus.ABORTED);
            assertThat(engine.history(arn)).last().extracting(HistoryEvent::type).isEqualTo("ExecutionAborted");
        }
    }

    @Test
    void parkedExecutionsAreNotLoadedAtRestartButWakeOnTime() throws Exception {
        List<String> arns = new ArrayList<>();
        try (SqliteStore store = SqliteStore.open(dir, SqliteStoreTest.QUIET);
             Engine engine = Engine.builder().store(store).parkAfter(PARK_AFTER).build()) {
            for (int i = 0; i < 20; i++) arns.add(engine.start(request(i)));
            waitFor(() -> engine.inMemory() == 0, Duration.ofSeconds(1));
            assertThat(engine.inMemory()).isZero();
        }
        try (SqliteStore store = SqliteStore.open(dir, SqliteStoreTest.QUIET);
             Engine engine = Engine.builder().store(store).parkAfter(PARK_AFTER).build()) {
            assertThat(engine.recovered()).as("parked executions resumed eagerly").isZero();
            for (String arn : arns) {
                assertThat(engine.await(arn, Duration.ofSeconds(20)).status()).isEqualTo(ExecutionStatus.SUCCEEDED);
                List<Long> ids = engine.history(arn).stream().map(HistoryEvent::id).toList();
                assertThat(ids).as("event ids of " + arn).isEqualTo(java.util.stream.LongStream.rangeClosed(1, ids.size()).boxed().toList());
            }
        }
    }

    private static List<String> types(List<HistoryEvent> history) {
        return history.stream().map(HistoryEvent::type).toList();
    }

    private static void waitFor(java.util.function.BooleanSupplier condition, Duration timeout) throws InterruptedException {
        long end = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean() && System.nanoTime() < end) Thread.sleep(10);
    }
}
