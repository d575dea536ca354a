package dev.stride.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stride.asl.compile.DefinitionCompiler;
import dev.stride.asl.read.DefinitionReader;
import dev.stride.engine.history.HistoryEvent;
import dev.stride.expr.Json;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A distributed Map runs each item as a child execution of its own: named after the Map Run and
 * the item, with its own history, input and output, and the Map Run's ARN; the parent's history
 * holds only the Map Run's events.
 */
class MapRunChildrenTest {
    private static final String DEFINITION = """
        {"StartAt": "Fan", "States": {"Fan": {"Type": "Map", "ItemsPath": "$.items", "MaxConcurrency": 2,
          "ToleratedFailureCount": 1,
          "ItemProcessor": {"ProcessorConfig": {"Mode": "DISTRIBUTED", "ExecutionType": "STANDARD"},
            "StartAt": "Odd?", "States": {
              "Odd?": {"Type": "Choice", "Choices": [{"Variable": "$", "NumericEquals": 3, "Next": "Broken"}], "Default": "Double"},
              "Broken": {"Type": "Fail", "Error": "Item.Broke", "Cause": "three"},
              "Double": {"Type": "Pass", "Parameters": {"n.$": "States.MathAdd($, $)"}, "End": true}}},
          "End": true}}}""";

    @Test
    void eachItemRunsAsAChildExecutionNamedAfterItsMapRunAndItem() throws Exception {
        var machine = DefinitionCompiler.compile(DefinitionReader.read(DEFINITION));
        try (Engine engine = Engine.builder().build()) {
            String arn = engine.start(new StartRequest(machine, null, "fan", Json.parse("{\"items\": [1, 2, 3, 4]}"), false, null));
            ExecutionView parent = engine.await(arn, Duration.ofSeconds(10));

            assertThat(parent.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
            assertThat(parent.output()).isEqualTo(Json.parse("""
                [{"n": 2}, {"n": 4}, {"Error": "Item.Broke", "Cause": "three"}, {"n": 8}]"""));
            List<String> types = engine.history(arn).stream().map(HistoryEvent::type).toList();
            assertThat(types).containsExactly("ExecutionStarted", "MapStateEntered", "MapStateStarted", "MapRunStarted",
                    "MapRunSucceeded", "MapStateSucceeded", "MapStateExited", "ExecutionSucceeded");
            String runArn = engine.history(arn).get(3).details().path("mapRunArn").asText();
            MapRunProgress run = engine.mapRun(runArn);
            assertThat(run.succeeded).isEqualTo(3);
            assertThat(run.failed).isEqualTo(1);
            assertThat(run.launched).isEqualTo(4);

            String third = engine.mapRunChild(runArn, 2, false);
            assertThat(third).startsWith("arn:aws:states:us-east-1:123456789012:execution:Stride/Fan:");
            assertThat(third).isNotEqualTo(engine.mapRunChild(runArn, 1, false)).isEqualTo(engine.mapRunChild(runArn, 2, false));
            ExecutionView child = engine.describe(third);
            assertThat(child.status()).isEqualTo(ExecutionStatus.FAILED);
            assertThat(child.input()).isEqualTo(Json.parse("3"));
            assertThat(child.error()).isEqualTo("Item.Broke");
            assertThat(child.mapRunArn()).isEqualTo(runArn);
            assertThat(child.stateMachineArn()).isEqualTo("arn:aws:states:us-east-1:123456789012:stateMachine:Stride/Fan");
            assertThat(engine.history(third).stream().map(HistoryEvent::type).toList()).containsExactly("ExecutionStarted",
                    "ChoiceStateEntered", "ChoiceStateExited", "FailStateEntered", "ExecutionFailed");
            assertThat(engine.describe(engine.mapRunChild(runArn, 3, false)).output()).isEqualTo(Json.parse("{\"n\": 8}"));
        }
    }
}
