package dev.stride.store.sqlite;

import dev.stride.engine.history.EventRuns;
import dev.stride.engine.history.HistoryEvent;
import dev.stride.engine.spi.ExecutionChange;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The store's only writer: one connection, prepared statements, one transaction per batch.
 *
 * <p>Design notes. A batch holds the changes of many executions (group commit). Each change
 * upserts its execution row (RETURNING the row's integer key) and appends its events under that
 * key. A failed batch is rolled back as a whole and the writer then refuses every later batch:
 * the engine would otherwise go on writing later events of the executions whose earlier events
 * were just lost, leaving gaps. Reopening the store (restarting the engine) recovers from the
 * last committed state, which is what a durable engine must do after a failed write anyway.
 */
final class BatchWriter implements AutoCloseable {
    private static final String UPSERT = """
        INSERT INTO executions (arn, name, state_machine_arn, express, definition_id, status, final, start_millis,
                                stop_millis, input, output, error, cause, snapshot, wake_millis, map_run_arn,
                                annotation, redrive_count, redrive_millis)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
        ON CONFLICT (arn) DO UPDATE SET status = excluded.status, final = excluded.final,
          stop_millis = excluded.stop_millis, output = excluded.output, error = excluded.error,
          cause = excluded.cause, snapshot = excluded.snapshot, wake_millis = excluded.wake_millis,
          definition_id = coalesce(excluded.definition_id, executions.definition_id),
          annotation = coalesce(excluded.annotation, executions.annotation),
          redrive_count = excluded.redrive_count, redrive_millis = excluded.redrive_millis
        RETURNING id""";
    /** An execution's first change (it carries the definition): nothing to update, so no conflict clause. */
    private static final String INSERT = UPSERT.substring(0, UPSERT.indexOf("ON CONFLICT")) + "RETURNING id";
    private static final String INSERT_RUN = "INSERT INTO event_runs (execution, first_id, last_id, events) VALUES (?, ?, ?, ?)";

    private final Connection connection;
    private final PreparedStatement upsert;
    private final PreparedStatement insert;
    private final PreparedStatement insertRun;
    private final PreparedStatement insertDefinition;
    private final PreparedStatement findDefinition;
    /** Definition text to its row id; a handful of definitions serve millions of executions. */
    private final Map<String, Long> definitionIds = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Long> eldest) { return size() > 256; }
    };
    private String failure;
    private Runnable afterCommit = () -> { };

    /** Told after each committed batch (the background checkpointer). */
    void afterCommit(Runnable r) { this.afterCommit = r; }

    BatchWriter(Connection connection) throws SQLException {
        this.connection = connection;
        connection.setAutoCommit(false);
        this.upsert = connection.prepareStatement(UPSERT);
        this.insert = connection.prepareStatement(INSERT);
        this.insertRun = connection.prepareStatement(INSERT_RUN);
        this.insertDefinition = connection.prepareStatement("INSERT OR IGNORE INTO definitions (sha256, text) VALUES (?, ?)");
        this.findDefinition = connection.prepareStatement("SELECT id FROM definitions WHERE sha256 = ?");
    }

    /**
     * Runs a small write (metadata) on the writer's own connection, between batches: one writer
     * connection means no SQLite lock contention (whose busy handler sleeps for milliseconds).
     */
    synchronized <T> T between(SqlWork<T> work) throws SQLException {
        if (failure != null) throw new SqliteStoreException("the store refuses writes since an earlier write failed (" + failure + ")");
        try {
            T result = work.run(connection);
            connection.commit(); // the connection is in manual-commit mode for the batches
            // The background checkpointer must hear of these commits too: the local services
            // write only through here, and without it the log grew to the writer's backstop
            // size, whose checkpoint then stalled every caller (p99 of SQS SendMessage 170 ms).
            afterCommit.run();
            return result;
        } catch (SQLException | RuntimeException e) {
            connection.rollback();
            throw e;
        }
    }

    interface SqlWork<T> {
        T run(Connection c) throws SQLException;
    }

    synchronized void write(List<ExecutionChange> batch) {
        if (failure != null) {
            throw new SqliteStoreException("the store refuses writes since an earlier write failed (" + failure
                    + "); restart the engine to resume from the last committed state");
        }
        try {
            for (ExecutionChange change : coalesce(batch)) {
                long key = upsert(change);
                if (!change.newEvents().isEmpty()) addRun(key, change.newEvents());
            }
            insertRun.executeBatch();
            connection.commit();
            afterCommit.run();
        } catch (SQLException | RuntimeException e) {
            failure = String.valueOf(e.getMessage());
            rollbackQuietly();
            throw new SqliteStoreException("cannot write " + batch.size() + " execution change(s): " + e.getMessage(), e);
        }
    }

    /**
     * One change per execution: a batch often holds an execution's start and the run that
     * followed (or finished) it. Inside one transaction only the last row state is visible, so
     * the execution row is written once, with the events of all its changes in order.
     */
    static List<ExecutionChange> coalesce(List<ExecutionChange> batch) {
        Map<String, ExecutionChange> byArn = new LinkedHashMap<>(batch.size() * 2);
        boolean merged = false;
        for (ExecutionChange c : batch) {
            ExecutionChange before = byArn.putIfAbsent(c.executionArn(), c);
            if (before == null) continue;
            merged = true;
            List<HistoryEvent> events = new ArrayList<>(before.newEvents().size() + c.newEvents().size());
            events.addAll(before.newEvents());
            events.addAll(c.newEvents());
            byArn.put(c.executionArn(), new ExecutionChange(c.executionArn(), c.name(), c.stateMachineArn(), c.express(),
                    before.definition() != null ? before.definition() : c.definition(), c.status(), c.startMillis(),
                    c.stopMillis(), before.inputJson() != null ? before.inputJson() : c.inputJson(), c.outputJson(), c.error(),
                    c.cause(), c.snapshot(), events, c.wakeMillis(), c.mapRunArn(),
                    before.annotation() != null ? before.annotation() : c.annotation(), c.redriveCount(), c.redriveMillis()));
        }
        return merged ? new ArrayList<>(byArn.values()) : batch;
    }

    private long upsert(ExecutionChange c) throws SQLException {
        PreparedStatement ps = c.definition() != null ? insert : upsert;
        ps.setString(1, c.executionArn());
        ps.setString(2, c.name());
        ps.setString(3, c.stateMachineArn());
        ps.setInt(4, c.express() ? 1 : 0);
        if (c.definition() == null) ps.setNull(5, Types.INTEGER);
        else ps.setLong(5, definitionId(c.definition()));
        ps.setString(6, c.status().name());
        ps.setInt(7, c.status().isFinal() ? 1 : 0);
        ps.setLong(8, c.startMillis());
        ps.setLong(9, c.stopMillis());
        ps.setString(10, c.inputJson());
        ps.setString(11, c.outputJson());
        ps.setString(12, c.error());
        ps.setString(13, c.cause());
        ps.setString(14, c.snapshot());
        if (c.wakeMillis() > 0) ps.setLong(15, c.wakeMillis());
        else ps.setNull(15, Types.INTEGER);
        ps.setString(16, c.mapRunArn());
        ps.setString(17, c.annotation());
        ps.setInt(18, c.redriveCount());
        ps.setLong(19, c.redriveMillis());
        try (ResultSet rs = ps.executeQuery()) {
            if (!rs.next()) throw new SQLException("write of " + c.executionArn() + " returned no row");
            return rs.getLong(1);
        }
    }

    /** The change's events as one row; each event's text was made by the worker that recorded it. */
    private void addRun(long key, List<HistoryEvent> events) throws SQLException {
        insertRun.setLong(1, key);
        insertRun.setLong(2, events.get(0).id());
        insertRun.setLong(3, events.get(events.size() - 1).id());
        insertRun.setString(4, EventRuns.encode(events));
        insertRun.addBatch();
    }

    private long definitionId(String text) throws SQLException {
        Long id = definitionIds.get(text);
        if (id != null) return id;
        String hash = Schema.sha256(text);
        insertDefinition.setString(1, hash);
        insertDefinition.setString(2, text);
        insertDefinition.executeUpdate();
        findDefinition.setString(1, hash);
        try (ResultSet rs = findDefinition.executeQuery()) {
            rs.next();
            id = rs.getLong(1);
        }
        // Cached only once committed would be stricter; a rolled-back batch poisons the writer anyway.
        definitionIds.put(text, id);
        return id;
    }

    /** Deletes final executions stopped before the time, in chunks so engine writes interleave. */
    int deleteFinishedBefore(long stopMillis, int chunk) {
        int total = 0;
        while (true) {
            int n = deleteChunk(stopMillis, chunk);
            total += n;
            if (n < chunk) return total;
        }
    }

    private synchronized int deleteChunk(long stopMillis, int chunk) {
        if (failure != null) throw new SqliteStoreException("the store refuses writes since an earlier write failed (" + failure + ")");
        List<Long> keys = new ArrayList<>();
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT id FROM executions WHERE final = 1 AND stop_millis < ? LIMIT ?")) {
            select.setLong(1, stopMillis);
            select.setInt(2, chunk);
            try (ResultSet rs = select.executeQuery()) {
                while (rs.next()) keys.add(rs.getLong(1));
            }
            try (PreparedStatement events = connection.prepareStatement("DELETE FROM events WHERE execution = ?");
                 PreparedStatement runs = connection.prepareStatement("DELETE FROM event_runs WHERE execution = ?");
                 PreparedStatement execs = connection.prepareStatement("DELETE FROM executions WHERE id = ?")) {
                for (long k : keys) {
                    events.setLong(1, k);
                    events.executeUpdate();
                    runs.setLong(1, k);
                    runs.executeUpdate();
                    execs.setLong(1, k);
                    execs.executeUpdate();
                }
            }
            connection.commit();
            return keys.size();
        } catch (SQLException e) {
            rollbackQuietly();
            throw new SqliteStoreException("cannot delete finished executions: " + e.getMessage(), e);
        }
    }

    private void rollbackQuietly() {
        try {
            insertRun.clearBatch();
            connection.rollback();
        } catch (SQLException ignored) {
            // the connection is unusable; the failure flag already stops further writes
        }
    }

    @Override
    public synchronized void close() throws SQLException {
        upsert.close();
        insert.close();
        insertRun.close();
        insertDefinition.close();
        findDefinition.close();
        connection.close();
    }
}
