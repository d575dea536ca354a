package dev.stride.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sfn.model.DescribeMapRunResponse;
import software.amazon.awssdk.services.sfn.model.ExecutionStatus;
import software.amazon.awssdk.services.sfn.model.HistoryEvent;
import software.amazon.awssdk.services.sfn.model.HistoryEventType;
import software.amazon.awssdk.services.sfn.model.InvalidArnException;
import software.amazon.awssdk.services.sfn.model.ListMapRunsResponse;
import software.amazon.awssdk.services.sfn.model.MapRunListItem;
import software.amazon.awssdk.services.sfn.model.MapRunStatus;
import software.amazon.awssdk.services.sfn.model.ResourceNotFoundException;
import software.amazon.awssdk.services.sfn.model.ValidationException;

class MapRunTest extends ApiFixture {

    /** A distributed Map over $.items whose item processor runs {@code inner}. */
    static String distributed(String settings, String inner) {
        return """
                {"StartAt": "Fan", "States": {"Fan": {"Type": "Map", "ItemsPath": "$.items", %s
                  "ItemProcessor": {"ProcessorConfig": {"Mode": "DISTRIBUTED", "ExecutionType": "STANDARD"},
                    "StartAt": "Work", "States": {"Work": %s}},
                  "End": true}}}""".formatted(settings, inner);
    }

    static final String PASS = """
            {"Type": "Pass", "End": true}""";

    @Test
    void aSucceededMapRunIsListedAndDescribedFromTheParentHistory() {
        String sm = createMachine("maprun-ok", distributed("\"MaxConcurrency\": 2, \"ToleratedFailurePercentage\": 10,", PASS));
        String exec = sfn.startExecution(b -> b.stateMachineArn(sm).input("{\"items\": [1, 2, 3]}")).executionArn();
        assertThat(awaitDone(exec).status()).isEqualTo(ExecutionStatus.SUCCEEDED);

        ListMapRunsResponse listed = sfn.listMapRuns(b -> b.executionArn(exec));

        assertThat(listed.mapRuns()).hasSize(1);
        MapRunListItem item = listed.mapRuns().getFirst();
        assertThat(item.mapRunArn()).matches("arn:aws:states:us-east-1:123456789012:mapRun:maprun-ok/Fan:[0-9a-f-]{36}");
        assertThat(item.executionArn()).isEqualTo(exec);
        assertThat(item.stateMachineArn()).isEqualTo(sm + "/Fan");
        assertThat(item.stopDate()).isAfterOrEqualTo(item.startDate());
        List<HistoryEvent> events = sfn.getExecutionHistory(b -> b.executionArn(exec)).events();
        HistoryEvent started = events.stream().filter(e -> e.type() == HistoryEventType.MAP_RUN_STARTED).findFirst().orElseThrow();
        assertThat(started.mapRunStartedEventDetails().mapRunArn()).isEqualTo(item.mapRunArn());

        DescribeMapRunResponse run = sfn.describeMapRun(b -> b.mapRunArn(item.mapRunArn()));

        assertThat(run.status()).isEqualTo(MapRunStatus.SUCCEEDED);
        assertThat(run.executionArn()).isEqualTo(exec);
        assertThat(run.maxConcurrency()).isEqualTo(2);
        assertThat(run.toleratedFailurePercentage()).isEqualTo(10f);
        assertThat(run.toleratedFailureCount()).isZero();
        assertThat(run.startDate()).isEqualTo(item.startDate());
        assertThat(run.stopDate()).isEqualTo(item.stopDate());
        assertThat(run.itemCounts().total()).isEqualTo(3);
        assertThat(run.itemCounts().succeeded()).isEqualTo(3);
        assertThat(run.itemCounts().pending()).isZero();
        assertThat(run.executionCounts().total()).isEqualTo(3);
        assertThat(run.redriveCount()).isZero();
        // Each item ran as a child execution of its own, listed newest first and described like any other.
        var children = sfn.listExecutions(b -> b.mapRunArn(item.mapRunArn())).executions();
        assertThat(children).hasSize(3).allSatisfy(c -> {
            assertThat(c.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
            assertThat(c.stateMachineArn()).isEqualTo(sm + "/Fan");
            assertThat(c.mapRunArn()).isEqualTo(item.mapRunArn());
            assertThat(c.executionArn()).startsWith("arn:aws:states:us-east-1:123456789012:execution:maprun-ok/Fan:");
        });
        assertThat(children.stream().map(c -> c.executionArn()).distinct()).hasSize(3);
        var child = sfn.describeExecution(b -> b.executionArn(children.getLast().executionArn()));
        assertThat(child.mapRunArn()).isEqualTo(item.mapRunArn());
        assertThat(child.input()).isEqualTo("1"); // the first item: the last of the newest-first list
        assertThat(child.output()).isEqualTo("1");
        var childMachine = sfn.describeStateMachineForExecution(b -> b.executionArn(child.executionArn()));
        assertThat(childMachine.mapRunArn()).isEqualTo(item.mapRunArn());
        assertThat(childMachine.label()).isEqualTo("Fan");
        assertThat(childMachine.stateMachineArn()).isEqualTo(sm + "/Fan");
        assertThat(sfn.getExecutionHistory(b -> b.executionArn(child.executionArn())).events())
                .extracting(HistoryEvent::type)
                .containsExactly(HistoryEventType.EXECUTION_STARTED, HistoryEventType.PASS_STATE_ENTERED,
                        HistoryEventType.PASS_STATE_EXITED, HistoryEventType.EXECUTION_SUCCEEDED);
        var firstPage = sfn.listExecutions(b -> b.mapRunArn(item.mapRunArn()).maxResults(2));
        assertThat(firstPage.executions()).hasSize(2);
        var secondPage = sfn.listExecutions(b -> b.mapRunArn(item.mapRunArn()).maxResults(2).nextToken(firstPage.nextToken()));
        assertThat(secondPage.executions()).hasSize(1);
        assertThat(secondPage.nextToken()).isNull();
        assertThat(secondPage.executions().getFirst().executionArn()).isEqualTo(children.getLast().executionArn());
        assertThatThrownBy(() -> sfn.updateMapRun(b -> b.mapRunArn(item.mapRunArn()).maxConcurrency(5)))
                .isInstanceOf(ValidationException.class).hasMessageContaining("SUCCEEDED");
    }

    @Test
    void aRunningMapRunTakesUpdatesAndIsAbortedWithItsExecution() {
        String sm = createMachine("maprun-held", distributed("\"MaxConcurrency\": 1,", """
                {"Type": "Task", "Resource": "arn:aws:states:::sqs:sendMessage.waitForTaskToken",
                 "Parameters": {"t.$": "$$.Task.Token"}, "End": true}"""));
        String exec = sfn.startExecution(b -> b.stateMachineArn(sm).input("{\"items\": [1, 2, 3, 4]}")).executionArn();
        String runArn = poll(() -> sfn.listMapRuns(b -> b.executionArn(exec)).mapRuns(), l -> !l.isEmpty()).getFirst().mapRunArn();

        DescribeMapRunResponse running = sfn.describeMapRun(b -> b.mapRunArn(runArn));
        assertThat(running.status()).isEqualTo(MapRunStatus.RUNNING);
        assertThat(running.stopDate()).isNull();
        assertThat(running.itemCounts().running()).isEqualTo(1);
        assertThat(running.itemCounts().pending()).isEqualTo(3);
        assertThat(running.itemCounts().total()).isEqualTo(4);

        sfn.updateMapRun(b -> b.mapRunArn(runArn).maxConcurrency(3).toleratedFailureCount(2L).toleratedFailurePercentage(50f));
        DescribeMapRunResponse updated = sfn.describeMapRun(b -> b.mapRunArn(runArn));
        assertThat(updated.maxConcurrency()).isEqualTo(3);
        assertThat(updated.toleratedFailureCount()).isEqualTo(2);
        assertThat(updated.toleratedFailurePercentage()).isEqualTo(50f);
        // The running Map launches by the new concurrency at once, not only when a child ends.
        assertThat(poll(() -> sfn.describeMapRun(b -> b.mapRunArn(runArn)).itemCounts(), c -> c.running() == 3).pending()).isEqualTo(1);
        sfn.updateMapRun(b -> b.mapRunArn(runArn).maxConcurrency(4));
        assertThat(sfn.describeMapRun(b -> b.mapRunArn(runArn)).toleratedFailureCount()).isEqualTo(2);
        assertThatThrownBy(() -> sfn.updateMapRun(b -> b.mapRunArn(runArn).toleratedFailurePercentage(101f)))
                .isInstanceOf(ValidationException.class);
        assertThatThrownBy(() -> sfn.updateMapRun(b -> b.mapRunArn(runArn).maxConcurrency(-1)))
                .isInstanceOf(ValidationException.class);

        sfn.stopExecution(b -> b.executionArn(exec));
        DescribeMapRunResponse aborted = sfn.describeMapRun(b -> b.mapRunArn(runArn));
        assertThat(aborted.status()).isEqualTo(MapRunStatus.ABORTED);
        assertThat(aborted.stopDate()).isEqualTo(awaitDone(exec).stopDate());
        assertThat(aborted.itemCounts().aborted()).isEqualTo(4);
        assertThat(sfn.getExecutionHistory(b -> b.executionArn(exec).reverseOrder(true)).events()).extracting(HistoryEvent::type)
                .startsWith(HistoryEventType.EXECUTION_ABORTED, HistoryEventType.MAP_STATE_ABORTED, HistoryEventType.MAP_RUN_ABORTED);
    }

    @Test
    void aFailedMapRunIsFailed() {
        String sm = createMachine("maprun-fail", distributed("", """
                {"Type": "Fail", "Error": "Item.Broke"}"""));
        String exec = sfn.startExecution(b -> b.stateMachineArn(sm).input("{\"items\": [1, 2]}")).executionArn();
        assertThat(awaitDone(exec).status()).isEqualTo(ExecutionStatus.FAILED);

        MapRunListItem item = sfn.listMapRuns(b -> b.executionArn(exec)).mapRuns().getFirst();
        DescribeMapRunResponse run = sfn.describeMapRun(b -> b.mapRunArn(item.mapRunArn()));

        assertThat(run.status()).isEqualTo(MapRunStatus.FAILED);
        assertThat(run.itemCounts().failed()).isEqualTo(1);
        assertThat(run.itemCounts().aborted()).isEqualTo(1);
        assertThat(run.itemCounts().total()).isEqualTo(2);
    }

    @Test
    void aRedrivenParentRedrivesItsFailedMapRunRerunningOnlyTheChildThatFailed() {
        String sm = createMachine("maprun-redrive", distributed("\"MaxConcurrency\": 3,", """
                {"Type": "Task", "Resource": "arn:aws:states:::sqs:sendMessage.waitForTaskToken",
                 "Parameters": {"t.$": "$$.Task.Token"}, "End": true}"""));
        String exec = sfn.startExecution(b -> b.stateMachineArn(sm).input("{\"items\": [1, 2, 3]}")).executionArn();
        String runArn = poll(() -> sfn.listMapRuns(b -> b.executionArn(exec)).mapRuns(), l -> !l.isEmpty()).getFirst().mapRunArn();
        var children = poll(() -> sfn.listExecutions(b -> b.mapRunArn(runArn)).executions(), l -> l.size() == 3);
        String second = children.get(1).executionArn(); // newest first: item 2 is in the middle
        assertThat(sfn.describeExecution(b -> b.executionArn(second)).input()).isEqualTo("2");
        sfn.sendTaskSuccess(b -> b.taskToken(held.nextToken(children.get(0).executionArn())).output("\"three\""));
        sfn.sendTaskSuccess(b -> b.taskToken(held.nextToken(children.get(2).executionArn())).output("\"one\""));
        sfn.sendTaskFailure(b -> b.taskToken(held.nextToken(second)).error("Item.Broke").cause("first try"));
        assertThat(awaitDone(exec).status()).isEqualTo(ExecutionStatus.FAILED);
        assertThat(sfn.describeMapRun(b -> b.mapRunArn(runArn)).status()).isEqualTo(MapRunStatus.FAILED);

        sfn.redriveExecution(b -> b.executionArn(exec));
        sfn.sendTaskSuccess(b -> b.taskToken(held.nextToken(second)).output("\"two\""));

        var done = awaitDone(exec);
        assertThat(done.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
        assertThat(done.output()).isEqualTo("[\"one\",\"two\",\"three\"]");
        List<HistoryEvent> events = sfn.getExecutionHistory(b -> b.executionArn(exec)).events();
        HistoryEvent redriven = events.stream().filter(e -> e.type() == HistoryEventType.MAP_RUN_REDRIVEN).findFirst().orElseThrow();
        assertThat(redriven.mapRunRedrivenEventDetails().mapRunArn()).isEqualTo(runArn);
        assertThat(redriven.mapRunRedrivenEventDetails().redriveCount()).isEqualTo(1);
        assertThat(events.stream().filter(e -> e.type() == HistoryEventType.MAP_RUN_STARTED)).hasSize(1);
        assertThat(events.getLast().type()).isEqualTo(HistoryEventType.EXECUTION_SUCCEEDED);
        DescribeMapRunResponse run = sfn.describeMapRun(b -> b.mapRunArn(runArn));
        assertThat(run.status()).isEqualTo(MapRunStatus.SUCCEEDED);
        assertThat(run.redriveCount()).isEqualTo(1);
        assertThat(run.itemCounts().succeeded()).isEqualTo(3);
        assertThat(sfn.describeExecution(b -> b.executionArn(second)).redriveCount()).isEqualTo(1);
        assertThat(sfn.describeExecution(b -> b.executionArn(children.get(0).executionArn())).redriveCount()).isZero();
    }

    @Test
    void mapRunsArePagedAndUnknownOrMalformedArnsAreRefused() {
        String sm = createMachine("maprun-retry", """
                {"StartAt": "Fan", "States": {"Fan": {"Type": "Map", "ItemsPath": "$.items",
                  "ItemProcessor": {"ProcessorConfig": {"Mode": "DISTRIBUTED", "ExecutionType": "STANDARD"},
                    "StartAt": "Work", "States": {"Work": {"Type": "Fail", "Error": "Again"}}},
                  "Retry": [{"ErrorEquals": ["Again"], "MaxAttempts": 1, "IntervalSeconds": 1}],
                  "Catch": [{"ErrorEquals": ["States.ALL"], "Next": "Done"}], "End": true},
                  "Done": {"Type": "Succeed"}}}""");
        String exec = sfn.startExecution(b -> b.stateMachineArn(sm).input("{\"items\": [1]}")).executionArn();
        awaitDone(exec);

        ListMapRunsResponse first = sfn.listMapRuns(b -> b.executionArn(exec).maxResults(1));
        ListMapRunsResponse rest = sfn.listMapRuns(b -> b.executionArn(exec).maxResults(1).nextToken(first.nextToken()));

        assertThat(first.mapRuns()).hasSize(1);
        assertThat(first.mapRuns().getFirst().mapRunArn()).isNotEqualTo(rest.mapRuns().getFirst().mapRunArn());
        assertThat(rest.mapRuns()).hasSize(1);
        assertThat(rest.nextToken()).isNull();
        assertThat(sfn.describeMapRun(b -> b.mapRunArn(rest.mapRuns().getFirst().mapRunArn())).status()).isEqualTo(MapRunStatus.FAILED);
        String unknown = ACCOUNT_PREFIX + "mapRun:maprun-retry/Fan:00000000-0000-0000-0000-000000000000";
        assertThatThrownBy(() -> sfn.describeMapRun(b -> b.mapRunArn(unknown))).isInstanceOf(ResourceNotFoundException.class);
        assertThatThrownBy(() -> sfn.updateMapRun(b -> b.mapRunArn(unknown).maxConcurrency(1))).isInstanceOf(ResourceNotFoundException.class);
        assertThatThrownBy(() -> sfn.listExecutions(b -> b.mapRunArn(unknown))).isInstanceOf(ResourceNotFoundException.class);
        assertThatThrownBy(() -> sfn.describeMapRun(b -> b.mapRunArn(ACCOUNT_PREFIX + "execution:maprun-retry:x")))
                .isInstanceOf(InvalidArnException.class);
        assertThatThrownBy(() -> sfn.describeMapRun(b -> b.mapRunArn("not-an-arn"))).isInstanceOf(InvalidArnException.class);
    }
}
