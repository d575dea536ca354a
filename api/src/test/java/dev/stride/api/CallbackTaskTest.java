package dev.stride.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.UUID;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sfn.model.ExecutionStatus;
import software.amazon.awssdk.services.sfn.model.InvalidOutputException;
import software.amazon.awssdk.services.sfn.model.InvalidTokenException;
import software.amazon.awssdk.services.sfn.model.TaskDoesNotExistException;

class CallbackTaskTest extends ApiFixture {

    @Test
    void sendTaskSuccessCompletesTheWaitingTaskWithTheGivenOutput() {
        String sm = createMachine("cb-success", CALLBACK);
        String exec = sfn.startExecution(b -> b.stateMachineArn(sm)).executionArn();
        String token = held.nextToken(exec);

        sfn.sendTaskHeartbeat(b -> b.taskToken(token));
        sfn.sendTaskSuccess(b -> b.taskToken(token).output("{\"approved\":true}"));

        var done = awaitDone(exec);
        assertThat(done.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
        assertThat(done.output()).isEqualTo("{\"approved\":true}");
    }

    @Test
    void sendTaskFailureFailsTheExecutionWithTheGivenErrorAndCause() {
        String sm = createMachine("cb-failure", CALLBACK);
        String exec = sfn.startExecution(b -> b.stateMachineArn(sm)).executionArn();
        String token = held.nextToken(exec);

        sfn.sendTaskFailure(b -> b.taskToken(token).error("Rejected").cause("by reviewer"));

        var done = awaitDone(exec);
        assertThat(done.status()).isEqualTo(ExecutionStatus.FAILED);
        assertThat(done.error()).isEqualTo("Rejected");
        assertThat(done.cause()).isEqualTo("by reviewer");
    }

    @Test
    void aTokenUsedTwiceNoLongerNamesATask() {
        String sm = createMachine("cb-twice", CALLBACK);
        String exec = sfn.startExecution(b -> b.stateMachineArn(sm)).executionArn();
        String token = held.nextToken(exec);
        sfn.sendTaskSuccess(b -> b.taskToken(token).output("{}"));

        assertThatThrownBy(() -> sfn.sendTaskSuccess(b -> b.taskToken(token).output("{}")))
                .isInstanceOf(TaskDoesNotExistException.class);
        assertThatThrownBy(() -> sfn.sendTaskHeartbeat(b -> b.taskToken(UUID.randomUUID().toString())))
                .isInstanceOf(TaskDoesNotExistException.class);
    }

    @Test
    void aTokenStrideNeverIssuedIsInvalidToken() {
        assertThatThrownBy(() -> sfn.sendTaskSuccess(b -> b.taskToken("made-up").output("{}")))
                .isInstanceOf(InvalidTokenException.class);
    }

    @Test
    void taskOutputThatIsNotJsonIsInvalidOutput() {
        String sm = createMachine("cb-bad-output", CALLBACK);
        String exec = sfn.startExecution(b -> b.stateMachineArn(sm)).executionArn();
        String token = held.nextToken(exec);

        assertThatThrownBy(() -> sfn.sendTaskSuccess(b -> b.taskToken(token).output("nope")))
                .isInstanceOf(InvalidOutputException.class);
        sfn.stopExecution(b -> b.executionArn(exec));
    }
}
