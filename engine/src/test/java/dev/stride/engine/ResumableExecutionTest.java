package dev.stride.engine;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.stride.asl.compile.DefinitionCompiler;
import dev.stride.asl.model.StateMachine;
import dev.stride.asl.read.DefinitionReader;
import dev.stride.engine.history.HistoryEvent;
import dev.stride.engine.spi.IdSource;
import dev.stride.expr.Json;
import java.time.Duration;
import java.util.List;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;

/**
 * An execution's whole state is data: saved mid-way (tasks in flight inside a Map inside a
 * Parallel, another branch in a retry back-off) and restored in a fresh engine, it finishes with
 * the same output and the same history as a run that was never interrupted.
 */
class ResumableExecutionTest {
    static final String DEFINITION = """
        {"StartAt": "Both", "States": {
          "Both": {"Type": "Parallel", "End": true, "Branches": [
            {"StartAt": "Each", "States": {"Each": {"Type": "Map", "ItemsPath": "$.items", "End": true,
              "ItemProcessor": {"StartAt": "Work", "States": {
                "Work": {"Type": "Task", "Resource": "arn:aws:states:::test:work", "ResultPath": "$.result", "End": true}}}}}},
            {"StartAt": "Flaky", "States": {"Flaky": {"Type": "Task", "Resource": "arn:aws:states:::test:flaky",
              "Retry": [{"ErrorEquals": ["Boom"], "IntervalSeconds": 3600, "MaxAttempts": 2}], "End": true}}}
          ]}}}
        """;

    final StateMachine machine = DefinitionCompiler.compile(DefinitionReader.read(DEFINITION));
    final JsonNode input = Json.parse("{\"items\": [{\"n\": 1}, {\"n\": 2}, {\"n\": 3}]}");

    @Test
    void snapshotTakenMidwayFinishesLikeAnUninterruptedRun() throws Exception {
        Result uninterrupted = run(false);
        Result resumed = run(true);
        assertThat(resumed.output).isEqualTo(uninterrupted.output);
        assertThat(resumed.events).isEqualTo(uninterrupted.events);
        assertThat(resumed.events).anyMatch(e -> e.contains("TaskFailed")).anyMatch(e -> e.contains("MapIterationSucceeded"));
        assertThat(resumed.output.toString()).contains("\"result\":{\"done\":1}").contains("flaky-ok");
    }

    record Result(JsonNode output, List<String> events) {}

    private Result run(boolean interrupt) throws Exception {
        FakeClock clock = new FakeClock();
        ManualTasks tasks = new ManualTasks();
        Engine engine = newEngine(clock, tasks);
        String arn = engine.start(new StartRequest(machine, null, "exec-1", input, false, null));
        waitFor(() -> tasks.received.size() == 4);
        engine.sendTaskFailure(tasks.find("Flaky", null).taskToken(), "Boom", "first attempt fails");
        waitFor(() -> historyHas(engine, arn, "TaskFailed"));
        Thread.sleep(100); // let the back-off timer be armed

        if (interrupt) {
            JsonNode saved = engine.snapshot(arn);
            engine.close();
            ManualTasks afterRestart = new ManualTasks();
            Engine fresh = newEngine(clock, afterRestart);
            fresh.restore(Json.parse(Json.write(saved)), machine); // through text, as a store would
            return finish(fresh, arn, clock, afterRestart, 3);
        }
        return finish(engine, arn, clock, tasks, 3);
    }

    private Result finish(Engine engine, String arn, FakeClock clock, ManualTasks tasks, int works) throws Exception {
        waitFor(() -> tasks.received.stream().filter(t -> t.stateName().equals("Work")).count() == works);
        for (int i = 1; i <= 3; i++) {
            engine.sendTaskSuccess(tasks.find("Work", Json.parse("{\"n\":" + i + "}")).taskToken(), Json.parse("{\"done\":" + i + "}"));
        }
        clock.advanceSeconds(3600);
        waitFor(() -> tasks.received.stream().anyMatch(t -> t.stateName().equals("Flaky") && t.attempt() == 1));
        TaskInvocationFinder.last(tasks, "Flaky").ifPresent(t -> engine.sendTaskSuccess(t.taskToken(), Json.parse("\"flaky-ok\"")));
        ExecutionView v = engine.await(arn, Duration.ofSeconds(10));
        List<String> events = engine.history(arn).stream().map(ResumableExecutionTest::withoutTime).toList();
        engine.close();
        assertThat(v.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
        return new Result(v.output(), events);
    }

    private static String withoutTime(HistoryEvent e) {
        return e.id() + "/" + e.previousEventId() + " " + e.type() + " " + (e.details() == null ? "" : Json.write(e.details()));
    }

    private static boolean historyHas(Engine engine, String arn, String type) {
        return engine.history(arn).stream().anyMatch(e -> e.type().equals(type));
    }

    private static Engine newEngine(FakeClock clock, ManualTasks tasks) {
        return Engine.builder().clock(clock).ids(IdSource.seeded(42)).integration(tasks).workers(1).build();
    }

    static void waitFor(BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) throw new AssertionError("condition not reached in 10 s");
            Thread.sleep(5);
        }
    }

    static final class TaskInvocationFinder {
        static java.util.Optional<dev.stride.engine.spi.TaskInvocation> last(ManualTasks tasks, String state) {
            var list = tasks.received.stream().filter(t -> t.stateName().equals(state)).toList();
            return list.isEmpty() ? java.util.Optional.empty() : java.util.Optional.of(list.get(list.size() - 1));
        }
    }
}
