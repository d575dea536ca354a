package dev.stride.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stride.asl.compile.DefinitionCompiler;
import dev.stride.asl.model.StateMachine;
import dev.stride.asl.read.DefinitionReader;
import dev.stride.engine.history.HistoryEvent;
import dev.stride.expr.Json;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Express executions have AWS's five-minute duration limit instead of the 25,000-event history
 * quota; their history keeps its latest events only, so a long loop runs in bounded memory.
 */
class ExpressLimitsTest {
    private static StateMachine machine(String json) { return DefinitionCompiler.compile(DefinitionReader.read(json)); }

    @Test
    void anExpressLoopPast25000EventsSucceedsKeepingItsLatestEvents() throws Exception {
        try (Engine engine = Engine.builder().build()) {
            String arn = engine.start(new StartRequest(machine(HistoryLimitTest.LOOP), null, null,
                    Json.parse("{\"i\": 0, \"n\": 30000}"), true, null));
            ExecutionView v = engine.await(arn, Duration.ofSeconds(60));
            assertThat(v.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
            assertThat(v.output().get("i").asInt()).isEqualTo(30_000);

            List<HistoryEvent> kept = engine.history(arn);
            // Started, 4 events per iteration, the last Check, Done, Succeeded: ids count them all.
            long total = 1 + 4L * 30_000 + 2 + 2 + 1;
            assertThat(kept.get(kept.size() - 1).id()).isEqualTo(total);
            assertThat(kept.get(kept.size() - 1).type()).isEqualTo("ExecutionSucceeded");
            assertThat(kept.size()).isBetween(25_000, 50_000);
            for (int i = 1; i < kept.size(); i++) assertThat(kept.get(i).id()).isEqualTo(kept.get(i - 1).id() + 1);
        }
    }

    @Test
    void theSameLoopAsStandardStillFailsAtTheQuota() throws Exception {
        try (Engine engine = Engine.builder().build()) {
            String arn = engine.start(new StartRequest(machine(HistoryLimitTest.LOOP), null, null,
                    Json.parse("{\"i\": 0, \"n\": 30000}"), false, null));
            assertThat(engine.await(arn, Duration.ofSeconds(60)).status()).isEqualTo(ExecutionStatus.FAILED);
        }
    }

    @Test
    void anExpressExecutionStillWaitingAfterFiveMinutesTimesOut() throws Exception {
        FakeClock clock = new FakeClock();
        StateMachine waits = machine("""
            {"StartAt": "Nap", "States": {"Nap": {"Type": "Wait", "Seconds": 400, "End": true}}}""");
        try (Engine engine = Engine.builder().clock(clock).build()) {
            String arn = engine.start(new StartRequest(waits, null, null, Json.parse("{}"), true, null));
            ResumableExecutionTest.waitFor(() -> engine.history(arn).stream().anyMatch(e -> e.type().equals("WaitStateEntered")));
            clock.advanceSeconds(301);
            ExecutionView v = engine.await(arn, Duration.ofSeconds(10));
            assertThat(v.status()).isEqualTo(ExecutionStatus.TIMED_OUT);
            assertThat(v.error()).isEqualTo("States.Timeout");
        }
    }

    @Test
    void anExpressExecutionWaitingOnATaskTimesOutAfterFiveMinutes() throws Exception {
        FakeClock clock = new FakeClock();
        ManualTasks tasks = new ManualTasks();
        StateMachine asks = machine("""
            {"StartAt": "Ask", "States": {"Ask": {"Type": "Task", "Resource": "arn:aws:states:::test:ask", "End": true}}}""");
        try (Engine engine = Engine.builder().clock(clock).integration(tasks).build()) {
            String arn = engine.start(new StartRequest(asks, null, null, Json.parse("{}"), true, null));
            ResumableExecutionTest.waitFor(() -> tasks.received.size() == 1);
            clock.advanceSeconds(299);
            Thread.sleep(100);
            assertThat(engine.describe(arn).status()).isEqualTo(ExecutionStatus.RUNNING);
            clock.advanceSeconds(2); // the deadline's timer, armed when the execution began to wait
            ExecutionView v = engine.await(arn, Duration.ofSeconds(10));
            assertThat(v.status()).isEqualTo(ExecutionStatus.TIMED_OUT);
        }
    }

    @Test
    void aLoopThatNeverWaitsStillStopsAtItsTimeout() throws Exception {
        StateMachine forever = machine("""
            {"StartAt": "Spin", "TimeoutSeconds": 1, "States": {"Spin": {"Type": "Pass", "Next": "Spin"}}}""");
        try (Engine engine = Engine.builder().build()) {
            String arn = engine.start(new StartRequest(forever, null, null, Json.parse("{}"), true, null));
            ExecutionView v = engine.await(arn, Duration.ofSeconds(30));
            assertThat(v.status()).isEqualTo(ExecutionStatus.TIMED_OUT);
            assertThat(engine.history(arn).get(engine.history(arn).size() - 1).type()).isEqualTo("ExecutionTimedOut");
        }
    }
}
