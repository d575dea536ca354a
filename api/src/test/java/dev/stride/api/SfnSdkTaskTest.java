package dev.stride.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sfn.model.DescribeExecutionResponse;
import software.amazon.awssdk.services.sfn.model.ExecutionStatus;

/**
 * {@code arn:aws:states:::aws-sdk:sfn:*} Task states call this server's own Step Functions
 * actions, with the SDK's PascalCase members and {@code Sfn.*Exception} errors.
 */
class SfnSdkTaskTest extends ApiFixture {
    @Test
    void aTaskStartsAnotherExecutionAndDescribesItThroughTheSdkIntegration() throws Exception {
        String child = createMachine("sdk-child", HELLO);
        String parent = createMachine("sdk-parent", """
            {"StartAt": "Start", "States": {
              "Start": {"Type": "Task", "Resource": "arn:aws:states:::aws-sdk:sfn:startExecution",
                "Parameters": {"StateMachineArn": "%s", "Name": "from-a-task", "Input": {"name": "sdk"}}, "ResultPath": "$.started", "Next": "Machine"},
              "Machine": {"Type": "Task", "Resource": "arn:aws:states:::aws-sdk:sfn:describeStateMachine",
                "Parameters": {"StateMachineArn": "%s"}, "ResultSelector": {"Name.$": "$.Name", "Type.$": "$.Type",
                  "Encryption.$": "$.EncryptionConfiguration.Type"}, "ResultPath": "$.machine", "Next": "List"},
              "List": {"Type": "Task", "Resource": "arn:aws:states:::aws-sdk:sfn:listExecutions",
                "Parameters": {"StateMachineArn": "%s"}, "ResultSelector": {"Count.$": "States.ArrayLength($.Executions)"},
                "ResultPath": "$.listed", "End": true}}}""".formatted(child, child, child));

        String arn = sfn.startExecution(b -> b.stateMachineArn(parent)).executionArn();
        DescribeExecutionResponse done = awaitDone(arn);
        assertThat(done.status()).as(done.cause()).isEqualTo(ExecutionStatus.SUCCEEDED);
        JsonNode out = Wire.parse(done.output(), ApiError.INVALID_OUTPUT, "output");
        assertThat(out.at("/started/ExecutionArn").asText()).isEqualTo(ACCOUNT_PREFIX + "execution:sdk-child:from-a-task");
        assertThat(out.at("/started/StartDate").isNumber()).isTrue();
        assertThat(out.at("/machine/Name").asText()).isEqualTo("sdk-child");
        assertThat(out.at("/machine/Type").asText()).isEqualTo("STANDARD");
        assertThat(out.at("/machine/Encryption").asText()).isEqualTo("AWS_OWNED_KEY");
        assertThat(out.at("/listed/Count").asInt()).isEqualTo(1);

        DescribeExecutionResponse started = awaitDone(out.at("/started/ExecutionArn").asText());
        assertThat(started.input()).isEqualTo("{\"name\":\"sdk\"}"); // JSON given for Input is sent as its text
        assertThat(started.output()).contains("hello sdk");
    }

    @Test
    void anApiErrorIsTheSdkExceptionNameForCatch() {
        String parent = createMachine("sdk-error", """
            {"StartAt": "Describe", "States": {
              "Describe": {"Type": "Task", "Resource": "arn:aws:states:::aws-sdk:sfn:describeExecution",
                "Parameters": {"ExecutionArn": "%sexecution:nobody:nothing"},
                "Catch": [{"ErrorEquals": ["Sfn.ExecutionDoesNotExistException"], "Next": "Caught"}], "End": true},
              "Caught": {"Type": "Pass", "End": true}}}""".formatted(ACCOUNT_PREFIX));
        String arn = sfn.startExecution(b -> b.stateMachineArn(parent)).executionArn();
        DescribeExecutionResponse done = awaitDone(arn);
        assertThat(done.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
        assertThat(done.output()).contains("Sfn.ExecutionDoesNotExistException").contains("Execution Does Not Exist")
                .contains("(Service: Sfn, Status Code: 400");
    }
}
