package dev.stride.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sfn.model.InspectionLevel;
import software.amazon.awssdk.services.sfn.model.TestExecutionStatus;
import software.amazon.awssdk.services.sfn.model.ValidationException;

class TestStateTest extends ApiFixture {

    @Test
    void aPassStateShowsEachProcessingStep() {
        var out = sfn.testState(b -> b.roleArn(ROLE).inspectionLevel(InspectionLevel.DEBUG).input("{\"a\":{\"b\":1},\"keep\":true}")
                .definition("""
                        {"Type": "Pass", "InputPath": "$.a", "Parameters": {"x.$": "$.b"},
                         "ResultPath": "$.r", "Next": "After"}"""));
        assertThat(out.status()).isEqualTo(TestExecutionStatus.SUCCEEDED);
        assertThat(out.nextState()).isEqualTo("After");
        assertThat(out.output()).isEqualTo("{\"a\":{\"b\":1},\"keep\":true,\"r\":{\"x\":1}}");
        var d = out.inspectionData();
        assertThat(d.input()).isEqualTo("{\"a\":{\"b\":1},\"keep\":true}");
        assertThat(d.afterInputPath()).isEqualTo("{\"b\":1}");
        assertThat(d.afterParameters()).isEqualTo("{\"x\":1}");
        assertThat(d.result()).isEqualTo("{\"x\":1}");
        assertThat(d.afterResultPath()).isEqualTo("{\"a\":{\"b\":1},\"keep\":true,\"r\":{\"x\":1}}");
    }

    @Test
    void aChoiceNamesTheBranchTaken() {
        var out = sfn.testState(b -> b.roleArn(ROLE).input("{\"n\":5}").definition("""
                {"Type": "Choice", "Choices": [{"Variable": "$.n", "NumericGreaterThan": 3, "Next": "Big"}], "Default": "Small"}"""));
        assertThat(out.status()).isEqualTo(TestExecutionStatus.SUCCEEDED);
        assertThat(out.nextState()).isEqualTo("Big");
        assertThat(out.inspectionData()).isNull();
    }

    @Test
    void failuresAreFailedCaughtOrRetriable() {
        var failed = sfn.testState(b -> b.roleArn(ROLE).definition("{\"Type\": \"Fail\", \"Error\": \"E\", \"Cause\": \"c\"}"));
        assertThat(failed.status()).isEqualTo(TestExecutionStatus.FAILED);
        assertThat(failed.error()).isEqualTo("E");
        assertThat(failed.cause()).isEqualTo("c");

        String task = """
                {"Type": "Task", "Resource": "arn:aws:lambda:us-east-1:123456789012:function:nowhere", %s "End": true}""";
        var caught = sfn.testState(b -> b.roleArn(ROLE).input("{}").definition(task.formatted(
                "\"Catch\": [{\"ErrorEquals\": [\"States.ALL\"], \"ResultPath\": \"$.err\", \"Next\": \"Handle\"}],")));
        assertThat(caught.status()).isEqualTo(TestExecutionStatus.CAUGHT_ERROR);
        assertThat(caught.nextState()).isEqualTo("Handle");
        assertThat(caught.error()).isEqualTo("States.TaskFailed");
        assertThat(caught.output()).contains("\"err\"");

        var retriable = sfn.testState(b -> b.roleArn(ROLE).inspectionLevel(InspectionLevel.DEBUG).definition(task.formatted(
                "\"Retry\": [{\"ErrorEquals\": [\"Other\"]}, {\"ErrorEquals\": [\"States.ALL\"], \"IntervalSeconds\": 4}],")));
        assertThat(retriable.status()).isEqualTo(TestExecutionStatus.RETRIABLE);
        assertThat(retriable.inspectionData().errorDetails().retryIndex()).isEqualTo(1);
        assertThat(retriable.inspectionData().errorDetails().retryBackoffIntervalSeconds()).isEqualTo(4);
    }

    @Test
    void patternsThatNeedAMockAreRefused() {
        assertThatThrownBy(() -> sfn.testState(b -> b.roleArn(ROLE).definition("""
                {"Type": "Task", "Resource": "arn:aws:states:::sqs:sendMessage.waitForTaskToken", "End": true}""")))
                .isInstanceOf(ValidationException.class);
    }
}
