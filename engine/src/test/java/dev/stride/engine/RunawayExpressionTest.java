package dev.stride.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stride.asl.compile.DefinitionCompiler;
import dev.stride.asl.model.StateMachine;
import dev.stride.asl.read.DefinitionReader;
import dev.stride.expr.Json;
import dev.stride.expr.jsonata.EvaluationBudget;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** A JSONata expression that never ends fails its own execution; the engine and other executions carry on. */
class RunawayExpressionTest {
    static StateMachine machine(String output) {
        return DefinitionCompiler.compile(DefinitionReader.read("""
            {"QueryLanguage": "JSONata", "StartAt": "Compute", "States": {
              "Compute": {"Type": "Pass", "Output": "%s", "End": true}}}
            """.formatted(output)));
    }

    @Test
    void endlessRecursionFailsWithQueryEvaluationErrorWhileOtherExecutionsFinish() throws Exception {
        StateMachine runaway = machine("{% ($f := function($x){ $f($x) + 1 }; $f(1)) %}");
        StateMachine endless = machine("{% ($loop := function($x){ $loop($x) }; $loop(1)) %}");
        StateMachine normal = machine("{% $states.input.a + 1 %}");
        try (Engine engine = Engine.builder().workers(2)
                .evaluationBudget(new EvaluationBudget(Duration.ofMillis(500), 500)).build()) {
            String deep = engine.start(new StartRequest(runaway, null, null, Json.parse("{}"), false, null));
            String loop = engine.start(new StartRequest(endless, null, null, Json.parse("{}"), false, null));
            String ok = engine.start(new StartRequest(normal, null, null, Json.parse("{\"a\": 41}"), false, null));

            ExecutionView okView = engine.await(ok, Duration.ofSeconds(10));
            ExecutionView deepView = engine.await(deep, Duration.ofSeconds(10));
            ExecutionView loopView = engine.await(loop, Duration.ofSeconds(10));

            assertThat(okView.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
            assertThat(okView.output()).isEqualTo(Json.parse("42"));
            for (ExecutionView v : new ExecutionView[] {deepView, loopView}) {
                assertThat(v.status()).isEqualTo(ExecutionStatus.FAILED);
                assertThat(v.error()).isEqualTo("States.QueryEvaluationError");
                assertThat(v.cause()).contains("'Compute'").contains("specified for the field 'Output'");
            }
            // The engine still runs new work afterwards.
            String again = engine.start(new StartRequest(normal, null, null, Json.parse("{\"a\": 1}"), false, null));
            assertThat(engine.await(again, Duration.ofSeconds(10)).output()).isEqualTo(Json.parse("2"));
        }
    }
}
