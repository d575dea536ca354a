package dev.stride.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sfn.model.ExecutionDoesNotExistException;
import software.amazon.awssdk.services.sfn.model.ExecutionListItem;
import software.amazon.awssdk.services.sfn.model.ExecutionStatus;
import software.amazon.awssdk.services.sfn.model.GetExecutionHistoryResponse;
import software.amazon.awssdk.services.sfn.model.HistoryEvent;
import software.amazon.awssdk.services.sfn.model.HistoryEventType;
import software.amazon.awssdk.services.sfn.model.IncludedData;
import software.amazon.awssdk.services.sfn.model.InvalidTokenException;
import software.amazon.awssdk.services.sfn.model.ListExecutionsResponse;
import software.amazon.awssdk.services.sfn.model.StartSyncExecutionResponse;
import software.amazon.awssdk.services.sfn.model.StateMachineTypeNotSupportedException;
import software.amazon.awssdk.services.sfn.model.SyncExecutionStatus;

class ExecutionQueryTest extends ApiFixture {

    @Test
    void aSyncExecutionOfAnExpressMachineReturnsItsOutputInline() {
        String sm = createExpress("query-sync", HELLO);

        StartSyncExecutionResponse r = sfn.startSyncExecution(b -> b.stateMachineArn(sm).name("now").input("{\"name\":\"Bo\"}"));

        assertThat(r.status()).isEqualTo(SyncExecutionStatus.SUCCEEDED);
        assertThat(r.output()).isEqualTo("{\"greeting\":\"hello Bo\"}");
        assertThat(r.input()).isEqualTo("{\"name\":\"Bo\"}");
        assertThat(r.executionArn()).isEqualTo(ACCOUNT_PREFIX + "express:query-sync:now");
        assertThat(r.stopDate()).isAfterOrEqualTo(r.startDate());
        assertThat(r.billingDetails().billedDurationInMilliseconds()).isGreaterThanOrEqualTo(100);
    }

    @Test
    void aSyncExecutionLeavesNothingBehindSoItsNameCanBeReused() {
        String sm = createExpress("query-sync-reuse", HELLO);
        StartSyncExecutionResponse first = sfn.startSyncExecution(b -> b.stateMachineArn(sm).name("same").input("{\"name\":\"1\"}"));

        StartSyncExecutionResponse second = sfn.startSyncExecution(b -> b.stateMachineArn(sm).name("same").input("{\"name\":\"2\"}"));

        assertThat(second.output()).isEqualTo("{\"greeting\":\"hello 2\"}");
        assertThatThrownBy(() -> sfn.describeExecution(b -> b.executionArn(first.executionArn())))
                .isInstanceOf(ExecutionDoesNotExistException.class);
    }

    @Test
    void anAsyncExpressExecutionGetsAnExpressArnAndCanBeDescribedLocally() {
        String sm = createExpress("query-express-async", HELLO);

        String exec = sfn.startExecution(b -> b.stateMachineArn(sm).name("bg").input("{\"name\":\"e\"}")).executionArn();

        assertThat(exec).isEqualTo(ACCOUNT_PREFIX + "express:query-express-async:bg");
        assertThat(awaitDone(exec).output()).isEqualTo("{\"greeting\":\"hello e\"}");
    }

    @Test
    void aFailedSyncExecutionStillAnswersWithItsErrorAndCause() {
        String sm = createExpress("query-sync-fail", FAILING);

        StartSyncExecutionResponse r = sfn.startSyncExecution(b -> b.stateMachineArn(sm));

        assertThat(r.status()).isEqualTo(SyncExecutionStatus.FAILED);
        assertThat(r.error()).isEqualTo("Custom.Error");
        assertThat(r.cause()).isEqualTo("it broke");
        assertThat(r.output()).isNull();
    }

    @Test
    void aSyncExecutionOfAStandardMachineIsNotSupported() {
        String sm = createMachine("query-sync-standard", HELLO);

        assertThatThrownBy(() -> sfn.startSyncExecution(b -> b.stateMachineArn(sm)))
                .isInstanceOf(StateMachineTypeNotSupportedException.class);
    }

    @Test
    void listingExecutionsPagesNewestFirstAndFiltersByStatus() {
        String sm = createMachine("query-list", HELLO);
        List<String> started = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            int n = i;
            started.add(sfn.startExecution(b -> b.stateMachineArn(sm).name("e" + n).input("{\"name\":\"n\"}")).executionArn());
        }
        started.forEach(this::awaitDone);
        String running = sfn.startExecution(b -> b.stateMachineArn(createMachine("query-list-cb", CALLBACK))).executionArn();

        List<String> seen = new ArrayList<>();
        String token = null;
        do {
            String t = token;
            ListExecutionsResponse page = sfn.listExecutions(b -> b.stateMachineArn(sm).maxResults(2).nextToken(t));
            page.executions().stream().map(ExecutionListItem::name).forEach(seen::add);
            token = page.nextToken();
        } while (token != null);

        assertThat(seen).containsExactly("e4", "e3", "e2", "e1", "e0");
        assertThat(sfn.listExecutions(b -> b.stateMachineArn(sm).statusFilter(ExecutionStatus.SUCCEEDED)).executions()).hasSize(5);
        assertThat(sfn.listExecutions(b -> b.stateMachineArn(sm).statusFilter(ExecutionStatus.FAILED)).executions()).isEmpty();
        assertThatThrownBy(() -> sfn.listExecutions(b -> b.stateMachineArn(sm).nextToken("garbage!")))
                .isInstanceOf(InvalidTokenException.class);
        sfn.stopExecution(b -> b.executionArn(running));
    }

    @Test
    void listingExecutionsOfAnExpressMachineIsNotSupported() {
        String sm = createExpress("query-list-express", HELLO);

        assertThatThrownBy(() -> sfn.listExecutions(b -> b.stateMachineArn(sm)))
                .isInstanceOf(StateMachineTypeNotSupportedException.class);
    }

    @Test
    void historyPagesInBothOrdersAndCanLeaveOutPayloads() {
        String sm = createMachine("query-history", HELLO);
        String exec = sfn.startExecution(b -> b.stateMachineArn(sm).input("{\"name\":\"h\"}")).executionArn();
        awaitDone(exec);

        GetExecutionHistoryResponse first = sfn.getExecutionHistory(b -> b.executionArn(exec).maxResults(3));
        GetExecutionHistoryResponse rest = sfn.getExecutionHistory(b -> b.executionArn(exec).maxResults(3).nextToken(first.nextToken()));
        GetExecutionHistoryResponse reversed = sfn.getExecutionHistory(b -> b.executionArn(exec).reverseOrder(true));
        GetExecutionHistoryResponse bare = sfn.getExecutionHistory(b -> b.executionArn(exec).includeExecutionData(false));

        assertThat(first.events()).extracting(HistoryEvent::id).containsExactly(1L, 2L, 3L);
        assertThat(rest.events()).extracting(HistoryEvent::id).containsExactly(4L);
        assertThat(rest.nextToken()).isNull();
        assertThat(reversed.events()).extracting(HistoryEvent::id).containsExactly(4L, 3L, 2L, 1L);
        assertThat(reversed.events().get(0).type()).isEqualTo(HistoryEventType.EXECUTION_SUCCEEDED);
        assertThat(bare.events().get(0).executionStartedEventDetails().input()).isNull();
        assertThat(bare.events().get(0).executionStartedEventDetails().roleArn()).isEqualTo(ROLE);
    }

    @Test
    void stoppingARunningExecutionAbortsIt() {
        String sm = createMachine("query-stop", CALLBACK);
        String exec = sfn.startExecution(b -> b.stateMachineArn(sm)).executionArn();
        held.nextToken(exec);

        var stopped = sfn.stopExecution(b -> b.executionArn(exec).error("Operator.Stop").cause("no longer needed"));
        var d = sfn.describeExecution(b -> b.executionArn(exec));

        assertThat(stopped.stopDate()).isNotNull();
        assertThat(d.status()).isEqualTo(ExecutionStatus.ABORTED);
        assertThat(d.error()).isEqualTo("Operator.Stop");
        assertThat(sfn.getExecutionHistory(b -> b.executionArn(exec).reverseOrder(true)).events().get(0).type())
                .isEqualTo(HistoryEventType.EXECUTION_ABORTED);
    }

    @Test
    void describingWithMetadataOnlyLeavesOutInputAndOutput() {
        String sm = createMachine("query-metadata", HELLO);
        String exec = sfn.startExecution(b -> b.stateMachineArn(sm).input("{\"name\":\"m\"}")).executionArn();
        awaitDone(exec);

        var d = sfn.describeExecution(b -> b.executionArn(exec).includedData(IncludedData.METADATA_ONLY));

        assertThat(d.input()).isNull();
        assertThat(d.output()).isNull();
        assertThat(d.inputDetails().included()).isFalse();
        assertThat(d.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
    }
}
