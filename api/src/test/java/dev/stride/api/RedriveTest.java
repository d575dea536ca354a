package dev.stride.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.stride.engine.spi.TaskCompletion;
import dev.stride.engine.spi.TaskIntegration;
import dev.stride.engine.spi.TaskInvocation;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sfn.model.DescribeExecutionResponse;
import software.amazon.awssdk.services.sfn.model.ExecutionNotRedrivableException;
import software.amazon.awssdk.services.sfn.model.ExecutionRedriveFilter;
import software.amazon.awssdk.services.sfn.model.ExecutionRedriveStatus;
import software.amazon.awssdk.services.sfn.model.ExecutionStatus;
import software.amazon.awssdk.services.sfn.model.HistoryEvent;
import software.amazon.awssdk.services.sfn.model.HistoryEventType;
import software.amazon.awssdk.services.sfn.model.RedriveExecutionResponse;

class RedriveTest extends ApiFixture {
    /** A Lambda function that fails while {@link #failing} is set: the test switches it. */
    static final class Flaky implements TaskIntegration {
        static final String ARN = "arn:aws:lambda:us-east-1:123456789012:function:flaky";
        final AtomicBoolean failing = new AtomicBoolean(true);

        @Override
        public boolean accepts(String resource) { return resource.equals(ARN); }

        @Override
        public void start(TaskInvocation invocation, TaskCompletion completion) {
            if (failing.get()) completion.fail("Flaky.Down", "attempt " + invocation.attempt() + " failed");
            else completion.succeed(invocation.input());
        }
    }

    final Flaky flaky = new Flaky();

    @Override
    ServerConfig config() {
        return ServerConfig.defaults().withPort(0).withIntegrations(List.of(held, flaky))
                .withActivityPollTimeout(Duration.ofSeconds(2));
    }

    static final String FLAKY = """
            {"StartAt": "Prepare", "States": {
              "Prepare": {"Type": "Pass", "Result": {"n": 1}, "Next": "Call"},
              "Call": {"Type": "Task", "Resource": "%s", "End": true}}}""".formatted(Flaky.ARN);

    @Test
    void aFailedExecutionIsRedrivenFromTheFailedStateAndSucceeds() {
        flaky.failing.set(true);
        String sm = createMachine("redrive-flaky", FLAKY);
        String exec = sfn.startExecution(b -> b.stateMachineArn(sm).name("once")).executionArn();
        DescribeExecutionResponse failed = awaitDone(exec);
        assertThat(failed.status()).isEqualTo(ExecutionStatus.FAILED);
        assertThat(failed.redriveStatus()).isEqualTo(ExecutionRedriveStatus.REDRIVABLE);
        assertThat(failed.redriveCount()).isZero();

        flaky.failing.set(false);
        RedriveExecutionResponse redriven = sfn.redriveExecution(b -> b.executionArn(exec));
        DescribeExecutionResponse done = poll(() -> sfn.describeExecution(b -> b.executionArn(exec)),
                d -> d.status() == ExecutionStatus.SUCCEEDED || d.status() == ExecutionStatus.FAILED);

        assertThat(redriven.redriveDate()).isAfterOrEqualTo(failed.stopDate());
        assertThat(done.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
        assertThat(done.output()).isEqualTo("{\"n\":1}");
        assertThat(done.redriveCount()).isEqualTo(1);
        assertThat(done.redriveDate()).isEqualTo(redriven.redriveDate());
        assertThat(done.redriveStatus()).isEqualTo(ExecutionRedriveStatus.NOT_REDRIVABLE);
        List<HistoryEvent> events = sfn.getExecutionHistory(b -> b.executionArn(exec)).events();
        assertThat(events).extracting(HistoryEvent::type).contains(HistoryEventType.EXECUTION_REDRIVEN)
                .endsWith(HistoryEventType.EXECUTION_SUCCEEDED);
        // The Pass state before the failed Task ran once: the redrive re-entered the failed state.
        assertThat(events).filteredOn(e -> e.type() == HistoryEventType.PASS_STATE_ENTERED).hasSize(1);
        assertThat(sfn.listExecutions(b -> b.stateMachineArn(sm).redriveFilter(ExecutionRedriveFilter.REDRIVEN)).executions())
                .extracting(e -> e.executionArn()).containsExactly(exec);
        assertThat(sfn.listExecutions(b -> b.stateMachineArn(sm).redriveFilter(ExecutionRedriveFilter.NOT_REDRIVEN)).executions())
                .isEmpty();
        assertThatThrownBy(() -> sfn.redriveExecution(b -> b.executionArn(exec)))
                .isInstanceOf(ExecutionNotRedrivableException.class).hasMessageContaining("SUCCEEDED");
    }

    @Test
    void aFailedExecutionIsRedrivableAndRunningOrSucceededOnesAreNot() {
        flaky.failing.set(true);
        String sm = createMachine("redrive-status", FLAKY);
        String failedArn = sfn.startExecution(b -> b.stateMachineArn(sm)).executionArn();
        DescribeExecutionResponse failed = awaitDone(failedArn);
        assertThat(failed.redriveStatus()).isEqualTo(ExecutionRedriveStatus.REDRIVABLE);
        assertThat(failed.redriveStatusReason()).isNull();
        assertThat(failed.redriveCount()).isZero();
        assertThat(failed.redriveDate()).isNull();

        String ok = createMachine("redrive-ok", HELLO);
        String done = sfn.startExecution(b -> b.stateMachineArn(ok).input("{\"name\":\"x\"}")).executionArn();
        DescribeExecutionResponse succeeded = awaitDone(done);
        assertThat(succeeded.redriveStatus()).isEqualTo(ExecutionRedriveStatus.NOT_REDRIVABLE);
        assertThat(succeeded.redriveStatusReason()).contains("SUCCEEDED");
        assertThatThrownBy(() -> sfn.redriveExecution(b -> b.executionArn(done)))
                .isInstanceOf(ExecutionNotRedrivableException.class).hasMessageContaining("SUCCEEDED");

        String waiting = createMachine("redrive-running", CALLBACK);
        String running = sfn.startExecution(b -> b.stateMachineArn(waiting)).executionArn();
        held.nextToken(running);
        assertThat(sfn.describeExecution(b -> b.executionArn(running)).redriveStatus()).isEqualTo(ExecutionRedriveStatus.NOT_REDRIVABLE);
        assertThatThrownBy(() -> sfn.redriveExecution(b -> b.executionArn(running)))
                .isInstanceOf(ExecutionNotRedrivableException.class).hasMessageContaining("RUNNING");
        sfn.stopExecution(b -> b.executionArn(running));
        assertThat(sfn.listExecutions(b -> b.stateMachineArn(sm).redriveFilter(ExecutionRedriveFilter.NOT_REDRIVEN)).executions())
                .extracting(e -> e.executionArn()).containsExactly(failedArn);
    }
}
