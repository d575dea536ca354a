package dev.stride.integrations;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.stride.engine.ExecutionStatus;
import dev.stride.engine.ExecutionView;
import dev.stride.expr.Json;
import org.junit.jupiter.api.Test;

/** states:startExecution in its four patterns, children running in the same engine. */
class NestedExecutionTest {
    static final String CHILD_ARN = "arn:aws:states:us-east-1:123456789012:stateMachine:Child";
    static final String CHILD = """
        {"StartAt": "Double", "States": {"Double": {"Type": "Pass", "Parameters": {"doubled.$": "States.MathAdd($.n, $.n)",
          "parent.$": "$.AWS_STEP_FUNCTIONS_STARTED_BY_EXECUTION_ID"}, "End": true}}}
        """;
    static final String FAILING_CHILD = """
        {"StartAt": "Boom", "States": {"Boom": {"Type": "Fail", "Error": "ChildBroke", "Cause": "on purpose"}}}
        """;

    static String parent(String resource) {
        return """
            {"StartAt": "Run", "States": {"Run": {"Type": "Task", "Resource": "arn:aws:states:::%s",
              "Parameters": {"StateMachineArn": "%s", "Name": "child-1",
                "Input": {"n.$": "$.n", "AWS_STEP_FUNCTIONS_STARTED_BY_EXECUTION_ID.$": "$$.Execution.Id"}}, "End": true}}}
            """.formatted(resource, CHILD_ARN);
    }

    Integrations.Builder with(String childDefinition) {
        return Integrations.builder().stateMachine("Child", Runner.machine(childDefinition));
    }

    @Test
    void syncWaitsForTheChildAndReturnsDescribeExecutionWithJsonText() throws Exception {
        try (Runner r = new Runner(with(CHILD))) {
            String arn = r.start(parent("states:startExecution.sync"), "{\"n\": 4}");
            ExecutionView v = r.await(arn);
            assertThat(v.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
            assertThat(v.output().get("Status").textValue()).isEqualTo("SUCCEEDED");
            assertThat(v.output().get("ExecutionArn").textValue()).isEqualTo("arn:aws:states:us-east-1:123456789012:execution:Child:child-1");
            assertThat(v.output().get("Output").isTextual()).isTrue();
            assertThat(Json.parse(v.output().get("Output").textValue())).isEqualTo(Json.parse("{\"doubled\": 8, \"parent\": \"" + arn + "\"}"));
            assertThat(Json.parse(v.output().get("Input").textValue()).get("AWS_STEP_FUNCTIONS_STARTED_BY_EXECUTION_ID").textValue()).isEqualTo(arn);
            // the members AWS records, in its order: no SDK metadata, no redrive members
            assertThat(v.output().fieldNames()).toIterable().containsExactly("ExecutionArn", "Input", "InputDetails", "Name",
                    "Output", "OutputDetails", "StartDate", "StateMachineArn", "Status", "StopDate");
            assertThat(r.types(arn)).containsSubsequence("TaskScheduled", "TaskStarted", "TaskSubmitted", "TaskSucceeded");
            JsonNode submitted = r.outputOf(arn, "TaskSubmitted");
            assertThat(submitted.get("ExecutionArn").textValue()).endsWith(":execution:Child:child-1");
            assertThat(submitted.get("StartDate").isNumber()).isTrue();
            assertThat(r.integrations.nestedExecutions().parentOf(submitted.get("ExecutionArn").textValue())).contains(arn);
        }
    }

    @Test
    void sync2ReturnsTheChildOutputAsJson() throws Exception {
        try (Runner r = new Runner(with(CHILD))) {
            ExecutionView v = r.run(parent("states:startExecution.sync:2"), "{\"n\": 5}");
            assertThat(v.output().at("/Output/doubled").intValue()).isEqualTo(10);
            assertThat(v.output().at("/Input/n").intValue()).isEqualTo(5); // Input as JSON too, as AWS records .sync:2
        }
    }

    @Test
    void requestResponseReturnsAtOnceWithTheChildArnAndStartDate() throws Exception {
        try (Runner r = new Runner(with(CHILD))) {
            ExecutionView v = r.run(parent("states:startExecution"), "{\"n\": 1}");
            assertThat(v.output().get("ExecutionArn").textValue()).endsWith(":execution:Child:child-1");
            assertThat(v.output().get("StartDate").isNumber()).isTrue();
            assertThat(r.await(v.output().get("ExecutionArn").textValue()).output().get("doubled").intValue()).isEqualTo(2);
        }
    }

    @Test
    void aFailedChildFailsTheSyncTaskWithItsDescriptionAsCause() throws Exception {
        try (Runner r = new Runner(with(FAILING_CHILD))) {
            ExecutionView v = r.run(parent("states:startExecution.sync"), "{\"n\": 1}");
            assertThat(v.error()).isEqualTo("States.TaskFailed");
            JsonNode cause = Json.parse(v.cause());
            assertThat(cause.get("Status").textValue()).isEqualTo("FAILED");
            assertThat(cause.get("Error").textValue()).isEqualTo("ChildBroke");
            assertThat(cause.fieldNames()).toIterable().containsExactly("Cause", "Error", "ExecutionArn", "Input", "InputDetails", "Name",
                    "StartDate", "StateMachineArn", "Status", "StopDate");
        }
    }

    @Test
    void anUnknownStateMachineFailsWithStateMachineDoesNotExist() throws Exception {
        try (Runner r = new Runner(Integrations.builder())) {
            ExecutionView v = r.run(parent("states:startExecution.sync"), "{\"n\": 1}");
            assertThat(v.error()).isEqualTo("StepFunctions.StateMachineDoesNotExistException");
            assertThat(v.cause()).contains(CHILD_ARN);
        }
    }

    @Test
    void aChildAnswersItsParentsCallbackWithSendTaskSuccess() throws Exception {
        String child = """
            {"StartAt": "Answer", "States": {"Answer": {"Type": "Task", "Resource": "arn:aws:states:::aws-sdk:sfn:sendTaskSuccess",
              "Parameters": {"TaskToken.$": "$.token", "Output": "{\\"approved\\": true}"}, "End": true}}}
            """;
        String parent = """
            {"StartAt": "Ask", "States": {"Ask": {"Type": "Task", "Resource": "arn:aws:states:::states:startExecution.waitForTaskToken",
              "Parameters": {"StateMachineArn": "%s", "Input": {"token.$": "$$.Task.Token"}}, "End": true}}}
            """.formatted(CHILD_ARN);
        try (Runner r = new Runner(with(child))) {
            String arn = r.start(parent, "{}");
            ExecutionView v = r.await(arn);
            assertThat(v.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
            assertThat(v.output()).isEqualTo(Json.parse("{\"approved\": true}"));
            assertThat(r.types(arn)).containsSubsequence("TaskScheduled", "TaskStarted", "TaskSubmitted", "TaskSucceeded");
        }
    }

    @Test
    void stoppingTheParentStopsTheSyncChild() throws Exception {
        String slowChild = """
            {"StartAt": "Wait", "States": {"Wait": {"Type": "Wait", "Seconds": 3600, "End": true}}}
            """;
        try (Runner r = new Runner(with(slowChild))) {
            String arn = r.start(parent("states:startExecution.sync"), "{\"n\": 1}");
            Runner.waitFor(() -> r.types(arn).contains("TaskSubmitted"));
            String childArn = r.outputOf(arn, "TaskSubmitted").get("ExecutionArn").textValue();
            assertThat(r.engine.stop(arn, "Stopped", "by the test")).isTrue();
            assertThat(r.await(arn).status()).isEqualTo(ExecutionStatus.ABORTED);
            assertThat(r.await(childArn).status()).isEqualTo(ExecutionStatus.ABORTED);
        }
    }

    @Test
    void aSecondChildWithTheSameNameIsRejected() throws Exception {
        try (Runner r = new Runner(with(CHILD))) {
            r.run(parent("states:startExecution.sync"), "{\"n\": 1}");
            ExecutionView again = r.run(parent("states:startExecution"), "{\"n\": 1}");
            assertThat(again.error()).isEqualTo("StepFunctions.ExecutionAlreadyExistsException");
        }
    }

}
