package dev.stride.engine;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.stride.asl.compile.DefinitionCompiler;
import dev.stride.asl.model.StateMachine;
import dev.stride.asl.read.DefinitionReader;
import dev.stride.engine.history.HistoryEvent;
import dev.stride.expr.Json;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/**
 * An execution's first run happens on the thread that starts it, for a bounded number of state
 * entries; a longer execution goes on on the workers from the very state where the first run
 * stopped, with the same history as if it had never stopped.
 */
class FirstRunTest {
    private static final String MAP = """
        {"StartAt": "Fan", "States": {
          "Fan": {"Type": "Map", "ItemsPath": "$.items", "MaxConcurrency": 3, "ItemProcessor": {"StartAt": "Wrap", "States": {
            "Wrap": {"Type": "Pass", "Parameters": {"v.$": "$.id"}, "Next": "Tag"},
            "Tag": {"Type": "Pass", "Result": true, "ResultPath": "$.tagged", "End": true}}},
            "Next": "Count"},
          "Count": {"Type": "Pass", "Parameters": {"count.$": "States.ArrayLength($)"}, "End": true}}}
        """;

    private final List<String> told = new CopyOnWriteArrayList<>();

    private Engine engine() {
        Engine engine = Engine.builder().workers(2).build();
        engine.addStartListener(v -> told.add("started " + v.name()));
        engine.addEndListener(v -> told.add("ended " + v.name() + " on " + Thread.currentThread().getName()));
        return engine;
    }

    private static StateMachine machine(String definition) {
        return DefinitionCompiler.compile(DefinitionReader.read(definition));
    }

    @Test
    void aShortExecutionHasEndedWhenItsStartReturns() {
        try (Engine engine = engine()) {
            String arn = engine.start(new StartRequest(machine(HistoryLimitTest.LOOP), null, "short",
                    Json.parse("{\"i\": 0, \"n\": 3}"), false, null));
            ExecutionView v = engine.describe(arn); // no await
            assertThat(v.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
            assertThat(v.output()).isEqualTo(Json.parse("{\"n\": 3, \"i\": 3}"));
            assertThat(told).containsExactly("started short", "ended short on " + Thread.currentThread().getName());
        }
    }

    @Test
    void aLongLoopGoesOnOnTheWorkersWithAnUnbrokenHistory() throws Exception {
        try (Engine engine = engine()) {
            int n = 500;
            String arn = engine.start(new StartRequest(machine(HistoryLimitTest.LOOP), null, "long",
                    Json.parse("{\"i\": 0, \"n\": " + n + "}"), false, null));
            ExecutionView v = engine.await(arn, Duration.ofSeconds(30));
            assertThat(v.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
            assertThat(v.output()).isEqualTo(Json.parse("{\"n\": " + n + ", \"i\": " + n + "}"));
            List<HistoryEvent> history = engine.history(arn);
            assertThat(history.stream().filter(e -> e.type().endsWith("StateEntered"))).hasSize(2 * n + 2);
            assertUnbroken(history);
            assertThat(told).hasSize(2);
            assertThat(told.get(0)).isEqualTo("started long");
            assertThat(told.get(1)).startsWith("ended long on stride-worker");
        }
    }

    @Test
    void aMapCutByTheFirstRunsBudgetGivesTheSameOutputAndEvents() throws Exception {
        StringBuilder items = new StringBuilder();
        for (int i = 0; i < 100; i++) items.append(i == 0 ? "" : ",").append("{\"id\": ").append(i).append('}');
        JsonNode input = Json.parse("{\"items\": [" + items + "]}");
        try (Engine engine = engine()) {
            String arn = engine.start(new StartRequest(machine(MAP), null, "map", input, false, null));
            ExecutionView v = engine.await(arn, Duration.ofSeconds(30));
            assertThat(v.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
            assertThat(v.output()).isEqualTo(Json.parse("{\"count\": 100}"));
            List<HistoryEvent> history = engine.history(arn);
            assertThat(history.stream().filter(e -> e.type().endsWith("StateEntered"))).hasSize(2 + 2 * 100);
            assertThat(history.stream().filter(e -> e.type().equals("MapIterationSucceeded"))).hasSize(100);
            assertUnbroken(history);
            assertThat(told.get(1)).startsWith("ended map on stride-worker");
        }
    }

    /** Ids run 1..n without a gap, and every event points back to an earlier one. */
    private static void assertUnbroken(List<HistoryEvent> history) {
        for (int i = 0; i < history.size(); i++) {
            HistoryEvent e = history.get(i);
            assertThat(e.id()).isEqualTo(i + 1);
            assertThat(e.previousEventId()).isLessThan(e.id());
        }
        assertThat(history.get(0).type()).isEqualTo("ExecutionStarted");
        assertThat(history.get(history.size() - 1).type()).isEqualTo("ExecutionSucceeded");
    }
}
