package dev.stride.store.sqlite;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stride.engine.ExecutionStatus;
import dev.stride.engine.history.HistoryEvent;
import dev.stride.engine.spi.ExecutionChange;
import dev.stride.engine.spi.ExecutionQuery;
import dev.stride.engine.spi.ExecutionSummary;
import dev.stride.engine.spi.StoredExecution;
import dev.stride.expr.Json;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** ListExecutions' reads: newest first, by machine, status, redrive and version, a page at a time by key. */
class StoreListingTest {
    private static final String SM = "arn:aws:states:us-east-1:123456789012:stateMachine:M";
    private static final String OTHER = "arn:aws:states:us-east-1:123456789012:stateMachine:Other";
    private static final String V1 = SM + ":1";
    private static final String DEFINITION = "{\"StartAt\":\"A\",\"States\":{\"A\":{\"Type\":\"Pass\",\"End\":true}}}";

    @TempDir Path dir;
    private SqliteStore store;

    @AfterEach
    void close() { if (store != null) store.close(); }

    private static ExecutionChange change(String machine, String name, ExecutionStatus status, String annotation, int redrives) {
        HistoryEvent started = new HistoryEvent(1, 0, 1_000, "ExecutionStarted", "executionStartedEventDetails",
                (ObjectNode) Json.parse("{\"input\":\"{}\"}"));
        return new ExecutionChange(machine.replace(":stateMachine:", ":execution:") + ":" + name, name, machine, false, DEFINITION,
                status, 1_000, status.isFinal() ? 2_000 : 0, "{}", null, null, null, status.isFinal() ? null : "{}",
                List.of(started), 0, null, annotation, redrives, redrives > 0 ? 3_000 : 0);
    }

    private List<String> names(ExecutionQuery q) {
        return store.list(q).stream().map(ExecutionSummary::name).toList();
    }

    @Test
    void pagesComeNewestFirstFromOneMachineWithItsFiltersAndContinueAfterTheLastKey() {
        store = SqliteStore.open(dir, SqliteStoreTest.QUIET);
        for (int i = 0; i < 10; i++) {
            ExecutionStatus status = i % 3 == 0 ? ExecutionStatus.FAILED : ExecutionStatus.SUCCEEDED;
            String annotation = i % 2 == 0 ? "{\"versionArn\":\"" + V1 + "\",\"roleArn\":\"r\"}" : null;
            store.write(List.of(change(SM, "e" + i, status, annotation, i == 9 ? 1 : 0)));
            store.write(List.of(change(OTHER, "o" + i, ExecutionStatus.SUCCEEDED, null, 0)));
        }
        store.write(List.of(change(SM, "running", ExecutionStatus.RUNNING, null, 0)));

        assertThat(names(new ExecutionQuery(SM, null, null, null, 0, 0, 4))).containsExactly("running", "e9", "e8", "e7");
        assertThat(names(new ExecutionQuery(SM, ExecutionStatus.FAILED, null, null, 0, 0, 100))).containsExactly("e9", "e6", "e3", "e0");
        assertThat(names(new ExecutionQuery(SM, ExecutionStatus.RUNNING, null, null, 0, 0, 100))).containsExactly("running");
        assertThat(names(new ExecutionQuery(SM, null, true, null, 0, 0, 100))).containsExactly("e9");
        assertThat(names(new ExecutionQuery(SM, null, false, null, 0, 0, 3))).containsExactly("running", "e8", "e7");
        assertThat(names(new ExecutionQuery(SM, null, null, V1, 0, 0, 100))).containsExactly("e8", "e6", "e4", "e2", "e0");

        // Walking by key: every execution once, in order, whatever the page size.
        for (int size : new int[] {1, 3, 11, 12}) {
            List<String> walked = new ArrayList<>();
            long beforeStart = 0;
            long before = 0;
            while (true) {
                List<ExecutionSummary> page = store.list(new ExecutionQuery(SM, null, null, null, beforeStart, before, size));
                page.forEach(s -> walked.add(s.name()));
                if (page.size() < size) break;
                beforeStart = page.get(page.size() - 1).startMillis();
                before = page.get(page.size() - 1).key();
            }
            assertThat(walked).as("page size %d", size)
                    .containsExactly("running", "e9", "e8", "e7", "e6", "e5", "e4", "e3", "e2", "e1", "e0");
        }

        ExecutionSummary e9 = store.list(new ExecutionQuery(SM, null, true, null, 0, 0, 1)).getFirst();
        assertThat(e9.status()).isEqualTo(ExecutionStatus.FAILED);
        assertThat(e9.redriveCount()).isEqualTo(1);
        assertThat(e9.redriveMillis()).isEqualTo(3_000);
        assertThat(e9.stopMillis()).isEqualTo(2_000);
    }

    @Test
    void aLaterStartCommittedFirstStillListsFirst() {
        store = SqliteStore.open(dir, SqliteStoreTest.QUIET);
        ExecutionChange late = change(SM, "late", ExecutionStatus.RUNNING, null, 0);
        ExecutionChange early = change(SM, "early", ExecutionStatus.RUNNING, null, 0);
        store.write(List.of(withStart(late, 5_000)));
        store.write(List.of(withStart(early, 2_000))); // concurrent starts commit in any order
        store.write(List.of(withStart(change(SM, "latest", ExecutionStatus.RUNNING, null, 0), 9_000)));

        assertThat(names(new ExecutionQuery(SM, null, null, null, 0, 0, 10))).containsExactly("latest", "late", "early");
        ExecutionSummary first = store.list(new ExecutionQuery(SM, null, null, null, 0, 0, 1)).getFirst();
        assertThat(names(new ExecutionQuery(SM, null, null, null, first.startMillis(), first.key(), 10))).containsExactly("late", "early");
    }

    private static ExecutionChange withStart(ExecutionChange c, long startMillis) {
        return new ExecutionChange(c.executionArn(), c.name(), c.stateMachineArn(), c.express(), c.definition(), c.status(), startMillis,
                c.stopMillis(), c.inputJson(), c.outputJson(), c.error(), c.cause(), c.snapshot(), c.newEvents(), 0, null,
                c.annotation(), 0, 0);
    }

    @Test
    void theAnnotationIsWrittenWithTheFirstChangeAndKeptByLaterOnes() {
        store = SqliteStore.open(dir, SqliteStoreTest.QUIET);
        ExecutionChange first = change(SM, "a", ExecutionStatus.RUNNING, "{\"aliasArn\":\"" + SM + ":prod\"}", 0);
        store.write(List.of(first));
        ExecutionChange later = new ExecutionChange(first.executionArn(), "a", SM, false, null, ExecutionStatus.SUCCEEDED, 1_000, 2_000,
                "{}", "{}", null, null, null, List.of(), 0, null, null, 2, 4_000);
        store.write(List.of(later));

        StoredExecution read = store.find(first.executionArn());
        assertThat(read.annotation()).isEqualTo("{\"aliasArn\":\"" + SM + ":prod\"}");
        assertThat(read.redriveCount()).isEqualTo(2);
        assertThat(read.redriveMillis()).isEqualTo(4_000);
        assertThat(names(new ExecutionQuery(SM, null, null, SM + ":prod", 0, 0, 10))).containsExactly("a");
    }

    @Test
    void aStoreOfSchemaVersion7MovesTheRegistrysExecutionRecordsIntoTheirRows() throws Exception {
        Path db = dir.resolve(SqliteStore.DB_FILE);
        String arn = SM.replace(":stateMachine:", ":execution:") + ":old";
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db)) {
            c.setAutoCommit(false);
            Schema.migrate(c, 0, 7);
            try (Statement s = c.createStatement()) {
                s.executeUpdate("INSERT INTO executions (arn, name, state_machine_arn, express, status, final, start_millis,"
                        + " stop_millis, input) VALUES ('" + arn + "', 'old', '" + SM + "', 0, 'FAILED', 1, 1000, 2000, '{}')");
                s.executeUpdate("INSERT INTO metadata (kind, key, json, seq) VALUES ('execution', '" + arn + "', '{\"arn\":\"" + arn
                        + "\",\"versionArn\":\"" + V1 + "\",\"definition\":\"{}\",\"input\":\"{}\",\"roleArn\":\"r\","
                        + "\"redriveCount\":2,\"redriveMillis\":5000}', 0)");
                // an entry whose execution retention already deleted
                s.executeUpdate("INSERT INTO metadata (kind, key, json, seq) VALUES ('execution', 'gone', '{}', 0)");
                s.executeUpdate("INSERT INTO metadata (kind, key, json, seq) VALUES ('machine', 'm', '{}', 0)");
            }
            c.commit();
        }

        store = SqliteStore.open(dir, SqliteStoreTest.QUIET);

        StoredExecution read = store.find(arn);
        assertThat(Json.parse(read.annotation())).isEqualTo(Json.parse("{\"arn\":\"" + arn + "\",\"versionArn\":\"" + V1 + "\",\"roleArn\":\"r\"}"));
        assertThat(read.redriveCount()).isEqualTo(2);
        assertThat(read.redriveMillis()).isEqualTo(5_000);
        assertThat(store.all("execution")).isEmpty();
        assertThat(store.all("machine")).containsKey("m");
        assertThat(names(new ExecutionQuery(SM, ExecutionStatus.FAILED, true, V1, 0, 0, 10))).containsExactly("old");
    }
}
