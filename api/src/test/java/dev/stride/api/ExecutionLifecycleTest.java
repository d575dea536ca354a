package dev.stride.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sfn.model.DescribeExecutionResponse;
import software.amazon.awssdk.services.sfn.model.ExecutionAlreadyExistsException;
import software.amazon.awssdk.services.sfn.model.ExecutionDoesNotExistException;
import software.amazon.awssdk.services.sfn.model.ExecutionStatus;
import software.amazon.awssdk.services.sfn.model.HistoryEvent;
import software.amazon.awssdk.services.sfn.model.HistoryEventType;
import software.amazon.awssdk.services.sfn.model.InvalidArnException;
import software.amazon.awssdk.services.sfn.model.InvalidExecutionInputException;
import software.amazon.awssdk.services.sfn.model.InvalidNameException;
import software.amazon.awssdk.services.sfn.model.StartExecutionResponse;
import software.amazon.awssdk.services.sfn.model.StateMachineDoesNotExistException;

class ExecutionLifecycleTest extends ApiFixture {

    @Test
    void aStartedExecutionSucceedsAndItsHistoryListsEveryStep() {
        String sm = createMachine("lifecycle-hello", HELLO);
        StartExecutionResponse started = sfn.startExecution(b -> b.stateMachineArn(sm).name("run-1").input("{\"name\":\"Ada\"}"));

        DescribeExecutionResponse done = awaitDone(started.executionArn());

        assertThat(started.executionArn()).isEqualTo(ACCOUNT_PREFIX + "execution:lifecycle-hello:run-1");
        assertThat(done.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
        assertThat(done.output()).isEqualTo("{\"greeting\":\"hello Ada\"}");
        assertThat(done.input()).isEqualTo("{\"name\":\"Ada\"}");
        assertThat(done.stateMachineArn()).isEqualTo(sm);
        assertThat(done.stopDate()).isAfterOrEqualTo(done.startDate());
        List<HistoryEvent> events = sfn.getExecutionHistory(b -> b.executionArn(started.executionArn())).events();
        assertThat(events).extracting(HistoryEvent::type).containsExactly(
                HistoryEventType.EXECUTION_STARTED, HistoryEventType.PASS_STATE_ENTERED,
                HistoryEventType.PASS_STATE_EXITED, HistoryEventType.EXECUTION_SUCCEEDED);
        assertThat(events.get(0).executionStartedEventDetails().input()).isEqualTo("{\"name\":\"Ada\"}");
        assertThat(events.get(0).executionStartedEventDetails().roleArn()).isEqualTo(ROLE);
        assertThat(events.get(0).timestamp()).isNotNull();
        assertThat(events.get(3).executionSucceededEventDetails().output()).isEqualTo("{\"greeting\":\"hello Ada\"}");
    }

    @Test
    void aTaskOnALambdaFunctionArnRecordsLambdaFunctionEventsInHistory() {
        String sm = createMachine("lifecycle-task", """
                {"StartAt": "Call", "States": {"Call": {"Type": "Task",
                  "Resource": "%s", "End": true}}}""".formatted(EchoFunction.ARN));
        String exec = sfn.startExecution(b -> b.stateMachineArn(sm).input("{\"x\":1}")).executionArn();

        assertThat(awaitDone(exec).output()).isEqualTo("{\"x\":1}");
        assertThat(sfn.getExecutionHistory(b -> b.executionArn(exec)).events()).extracting(HistoryEvent::type).containsExactly(
                HistoryEventType.EXECUTION_STARTED, HistoryEventType.TASK_STATE_ENTERED, HistoryEventType.LAMBDA_FUNCTION_SCHEDULED,
                HistoryEventType.LAMBDA_FUNCTION_STARTED, HistoryEventType.LAMBDA_FUNCTION_SUCCEEDED, HistoryEventType.TASK_STATE_EXITED,
                HistoryEventType.EXECUTION_SUCCEEDED);
    }

    @Test
    void aFailingExecutionDescribesItsErrorAndCause() {
        String sm = createMachine("lifecycle-fail", FAILING);
        String exec = sfn.startExecution(b -> b.stateMachineArn(sm)).executionArn();

        DescribeExecutionResponse done = awaitDone(exec);

        assertThat(done.status()).isEqualTo(ExecutionStatus.FAILED);
        assertThat(done.error()).isEqualTo("Custom.Error");
        assertThat(done.cause()).isEqualTo("it broke");
        assertThat(done.output()).isNull();
    }

    @Test
    void startingTwiceWithTheSameNameAndInputWhileRunningReturnsTheSameExecution() {
        String sm = createMachine("lifecycle-idempotent", CALLBACK);
        StartExecutionResponse first = sfn.startExecution(b -> b.stateMachineArn(sm).name("once").input("{\"a\":1}"));
        StartExecutionResponse second = sfn.startExecution(b -> b.stateMachineArn(sm).name("once").input("{\"a\":1}"));

        assertThat(second.executionArn()).isEqualTo(first.executionArn());
        assertThat(second.startDate()).isEqualTo(first.startDate());
        assertThatThrownBy(() -> sfn.startExecution(b -> b.stateMachineArn(sm).name("once").input("{\"a\":2}")))
                .isInstanceOf(ExecutionAlreadyExistsException.class)
                .hasMessageContaining("Execution Already Exists: '" + first.executionArn() + "'");
        sfn.stopExecution(b -> b.executionArn(first.executionArn()));
    }

    @Test
    void reusingTheNameOfAFinishedExecutionIsRejected() {
        String sm = createMachine("lifecycle-reuse", HELLO);
        String exec = sfn.startExecution(b -> b.stateMachineArn(sm).name("done").input("{\"name\":\"x\"}")).executionArn();
        awaitDone(exec);

        assertThatThrownBy(() -> sfn.startExecution(b -> b.stateMachineArn(sm).name("done").input("{\"name\":\"x\"}")))
                .isInstanceOf(ExecutionAlreadyExistsException.class);
    }

    @Test
    void startingWithInputThatIsNotJsonIsInvalidExecutionInput() {
        String sm = createMachine("lifecycle-bad-input", HELLO);

        assertThatThrownBy(() -> sfn.startExecution(b -> b.stateMachineArn(sm).input("{not json")))
                .isInstanceOf(InvalidExecutionInputException.class)
                .hasMessageContaining("Invalid State Machine Execution Input");
    }

    @Test
    void startingAnUnknownMachineIsStateMachineDoesNotExist() {
        assertThatThrownBy(() -> sfn.startExecution(b -> b.stateMachineArn(ACCOUNT_PREFIX + "stateMachine:nope")))
                .isInstanceOf(StateMachineDoesNotExistException.class)
                .hasMessageContaining("State Machine Does Not Exist: '" + ACCOUNT_PREFIX + "stateMachine:nope'");
    }

    @Test
    void anExecutionNameWithForbiddenCharactersIsInvalidName() {
        String sm = createMachine("lifecycle-names", HELLO);

        assertThatThrownBy(() -> sfn.startExecution(b -> b.stateMachineArn(sm).name("has space")))
                .isInstanceOf(InvalidNameException.class).hasMessageContaining("Invalid Name: 'has space'");
    }

    @Test
    void malformedOrWrongKindArnsAreInvalidArn() {
        assertThatThrownBy(() -> sfn.describeExecution(b -> b.executionArn("not-an-arn")))
                .isInstanceOf(InvalidArnException.class).hasMessageContaining("Invalid Arn: 'Invalid ARN prefix: not-an-arn'");
        assertThatThrownBy(() -> sfn.describeExecution(b -> b.executionArn(ACCOUNT_PREFIX + "stateMachine:x")))
                .isInstanceOf(InvalidArnException.class).hasMessageContaining("Resource type not valid in this context: stateMachine");
        assertThatThrownBy(() -> sfn.describeExecution(b -> b.executionArn(ACCOUNT_PREFIX + "execution:x:y")))
                .isInstanceOf(ExecutionDoesNotExistException.class);
    }
}
