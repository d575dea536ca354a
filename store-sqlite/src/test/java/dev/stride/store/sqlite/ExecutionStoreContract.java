package dev.stride.store.sqlite;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.stride.engine.ExecutionStatus;
import dev.stride.engine.history.HistoryEvent;
import dev.stride.engine.spi.ExecutionChange;
import dev.stride.engine.spi.ExecutionStore;
import dev.stride.engine.spi.StoredExecution;
import dev.stride.expr.Json;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * What every {@link ExecutionStore} must do, whatever it is built on. A store's test extends this
 * class and says how to open (and reopen) its store.
 */
abstract class ExecutionStoreContract {
    static final String DEFINITION = "{\"StartAt\":\"A\",\"States\":{\"A\":{\"Type\":\"Pass\",\"End\":true}}}";

    protected ExecutionStore store;

    /** A fresh, empty store. */
    protected abstract ExecutionStore create();

    /** Closes the store and opens it again on the same data. */
    protected abstract ExecutionStore reopen(ExecutionStore store);

    @AfterEach
    void closeStore() {
        if (store != null) store.close();
    }

    static String arn(String name) { return "arn:aws:states:us-east-1:123456789012:execution:M:" + name; }

    static HistoryEvent event(long id, long previous, String type, String details) {
        return new HistoryEvent(id, previous, 1_000 + id, type, details == null ? null : "someEventDetails",
                details == null ? null : (ObjectNode) Json.parse(details));
    }

    static ExecutionChange running(String name, String definition, String snapshot, HistoryEvent... events) {
        return new ExecutionChange(arn(name), name, "arn:aws:states:us-east-1:123456789012:stateMachine:M", false, definition,
                ExecutionStatus.RUNNING, 1_000, 0, "{\"in\":1}", null, null, null, snapshot, List.of(events), 0);
    }

    static ExecutionChange finished(String name, ExecutionStatus status, long stopMillis, HistoryEvent... events) {
        boolean ok = status == ExecutionStatus.SUCCEEDED;
        return new ExecutionChange(arn(name), name, "arn:aws:states:us-east-1:123456789012:stateMachine:M", false, null,
                status, 1_000, stopMillis, "{\"in\":1}", ok ? "{\"out\":2}" : null, ok ? null : "Boom", ok ? null : "it broke",
                null, List.of(events), 0);
    }

    @Test
    void anExecutionWrittenIsReadBackWithItsHistory() {
        store = create();
        store.write(List.of(running("e1", DEFINITION, "{\"frames\":1}",
                event(1, 0, "ExecutionStarted", "{\"input\":{\"in\":1},\"roleArn\":\"r\"}"),
                event(2, 1, "PassStateEntered", "{\"name\":\"A\",\"input\":{\"in\":1}}"))));

        StoredExecution s = store.find(arn("e1"));
        assertThat(s).isEqualTo(new StoredExecution(arn("e1"), "e1", "arn:aws:states:us-east-1:123456789012:stateMachine:M", false,
                DEFINITION, ExecutionStatus.RUNNING, 1_000, 0, "{\"in\":1}", null, null, null, "{\"frames\":1}"));
        assertThat(store.history(arn("e1"))).containsExactly(
                event(1, 0, "ExecutionStarted", "{\"input\":{\"in\":1},\"roleArn\":\"r\"}"),
                event(2, 1, "PassStateEntered", "{\"name\":\"A\",\"input\":{\"in\":1}}"));
    }

    @Test
    void laterChangesUpdateTheExecutionAndAppendToItsHistory() {
        store = create();
        store.write(List.of(running("e1", DEFINITION, "{\"v\":1}", event(1, 0, "ExecutionStarted", "{}"))));
        store.write(List.of(finished("e1", ExecutionStatus.SUCCEEDED, 5_000,
                event(2, 1, "PassStateEntered", null), event(3, 2, "ExecutionSucceeded", "{\"output\":{\"out\":2}}"))));

        StoredExecution s = store.find(arn("e1"));
        assertThat(s.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
        assertThat(s.definition()).as("the definition written first is kept").isEqualTo(DEFINITION);
        assertThat(s.outputJson()).isEqualTo("{\"out\":2}");
        assertThat(s.snapshot()).isNull();
        assertThat(s.stopMillis()).isEqualTo(5_000);
        assertThat(store.history(arn("e1"))).extracting(HistoryEvent::id).containsExactly(1L, 2L, 3L);
        assertThat(store.history(arn("e1")).get(1).details()).isNull();
    }

    @Test
    void oneBatchCarriesChangesOfManyExecutionsAndSeveralOfOne() {
        store = create();
        List<ExecutionChange> batch = new ArrayList<>();
        for (int i = 0; i < 50; i++) batch.add(running("e" + i, DEFINITION, "{}", event(1, 0, "ExecutionStarted", "{}")));
        batch.add(running("e7", null, "{\"later\":true}", event(2, 1, "PassStateEntered", "{}")));
        store.write(batch);

        assertThat(store.unfinished()).hasSize(50);
        assertThat(store.find(arn("e7")).snapshot()).isEqualTo("{\"later\":true}");
        assertThat(store.history(arn("e7"))).hasSize(2);
    }

    @Test
    void unfinishedListsOnlyExecutionsNotFinalWhenLastWritten() {
        store = create();
        store.write(List.of(
                running("a", DEFINITION, "{}", event(1, 0, "ExecutionStarted", "{}")),
                running("b", DEFINITION, "{}", event(1, 0, "ExecutionStarted", "{}")),
                running("c", DEFINITION, "{}", event(1, 0, "ExecutionStarted", "{}"))));
        store.write(List.of(finished("b", ExecutionStatus.FAILED, 2_000, event(2, 1, "ExecutionFailed", "{\"error\":\"Boom\"}"))));

        assertThat(store.unfinished()).extracting(StoredExecution::name).containsExactlyInAnyOrder("a", "c");
        assertThat(store.unfinished()).allSatisfy(s -> assertThat(s.definition()).isEqualTo(DEFINITION));
        assertThat(store.find(arn("b")).error()).isEqualTo("Boom");
        assertThat(store.find(arn("b")).cause()).isEqualTo("it broke");
    }

    @Test
    void parkedExecutionsAreFoundByWakeTimeNotAmongTheUnfinished() {
        store = create();
        store.write(List.of(
                parked(running("early", DEFINITION, "{}", event(1, 0, "ExecutionStarted", "{}")), 5_000),
                parked(running("late", DEFINITION, "{}", event(1, 0, "ExecutionStarted", "{}")), 9_000),
                running("active", DEFINITION, "{}", event(1, 0, "ExecutionStarted", "{}"))));

        assertThat(store.unfinished()).extracting(StoredExecution::name).containsExactly("active");
        assertThat(store.parkedDueBefore(4_999, 10)).isEmpty();
        assertThat(store.parkedDueBefore(5_000, 10)).containsExactly(arn("early"));
        assertThat(store.parkedDueBefore(Long.MAX_VALUE, 10)).containsExactly(arn("early"), arn("late"));
        assertThat(store.parkedDueBefore(Long.MAX_VALUE, 1)).containsExactly(arn("early"));

        // Written again while held in memory: no longer parked. Finished: never due.
        store.write(List.of(running("early", null, "{}", event(2, 1, "PassStateEntered", "{}"))));
        store.write(List.of(finished("late", ExecutionStatus.SUCCEEDED, 9_500, event(2, 1, "ExecutionSucceeded", "{}"))));
        assertThat(store.parkedDueBefore(Long.MAX_VALUE, 10)).isEmpty();
        assertThat(store.unfinished()).extracting(StoredExecution::name).containsExactlyInAnyOrder("active", "early");
    }

    private static ExecutionChange parked(ExecutionChange c, long wakeMillis) {
        return new ExecutionChange(c.executionArn(), c.name(), c.stateMachineArn(), c.express(), c.definition(), c.status(),
                c.startMillis(), c.stopMillis(), c.inputJson(), c.outputJson(), c.error(), c.cause(), c.snapshot(),
                c.newEvents(), wakeMillis);
    }

    @Test
    void anUnknownExecutionIsNullAndHasNoHistory() {
        store = create();
        assertThat(store.find(arn("nope"))).isNull();
        assertThat(store.history(arn("nope"))).isEmpty();
    }

    @Test
    void aDuplicateEventIsRejectedAndItsWholeBatchIsRolledBack() {
        store = create();
        store.write(List.of(running("e1", DEFINITION, "{\"v\":1}", event(1, 0, "ExecutionStarted", "{}"))));

        assertThatThrownBy(() -> store.write(List.of(
                running("e2", DEFINITION, "{}", event(1, 0, "ExecutionStarted", "{}")),
                running("e1", null, "{\"v\":2}", event(1, 0, "ExecutionStarted", "{\"again\":true}")))))
                .isInstanceOf(RuntimeException.class);

        store = reopen(store);
        assertThat(store.find(arn("e2"))).as("nothing of the failed batch").isNull();
        assertThat(store.find(arn("e1")).snapshot()).isEqualTo("{\"v\":1}");
        assertThat(store.history(arn("e1"))).containsExactly(event(1, 0, "ExecutionStarted", "{}"));
    }

    @Test
    void whatWasWrittenSurvivesReopening() {
        store = create();
        store.write(List.of(running("e1", DEFINITION, "{\"v\":1}", event(1, 0, "ExecutionStarted", "{}"))));
        store = reopen(store);
        assertThat(store.unfinished()).extracting(StoredExecution::snapshot).containsExactly("{\"v\":1}");
        assertThat(store.history(arn("e1"))).hasSize(1);
    }

    @Test
    void deleteFinishedBeforeRemovesOnlyFinalExecutionsThatStoppedEarlier() {
        store = create();
        store.write(List.of(
                running("old-running", DEFINITION, "{}", event(1, 0, "ExecutionStarted", "{}")),
                running("old-done", DEFINITION, "{}", event(1, 0, "ExecutionStarted", "{}")),
                running("new-done", DEFINITION, "{}", event(1, 0, "ExecutionStarted", "{}"))));
        store.write(List.of(
                finished("old-done", ExecutionStatus.SUCCEEDED, 10_000, event(2, 1, "ExecutionSucceeded", "{}")),
                finished("new-done", ExecutionStatus.ABORTED, 30_000, event(2, 1, "ExecutionAborted", "{}"))));

        assertThat(store.deleteFinishedBefore(20_000)).isEqualTo(1);

        assertThat(store.find(arn("old-done"))).isNull();
        assertThat(store.history(arn("old-done"))).isEmpty();
        assertThat(store.find(arn("new-done"))).isNotNull();
        assertThat(store.find(arn("old-running"))).isNotNull();
        assertThat(store.deleteFinishedBefore(20_000)).isZero();
    }
}
