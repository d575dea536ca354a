package dev.stride.store.sqlite;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.stride.engine.ExecutionStatus;
import dev.stride.engine.history.EventRuns;
import dev.stride.engine.history.HistoryEvent;
import dev.stride.engine.spi.ExecutionChange;
import dev.stride.engine.spi.ExecutionQuery;
import dev.stride.engine.spi.ExecutionSummary;
import dev.stride.engine.spi.ExecutionStore;
import dev.stride.engine.spi.RecordStore;
import dev.stride.engine.spi.StoredExecution;
import dev.stride.expr.Json;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

/**
 * Stride's embedded durable store: Standard executions and their histories in one SQLite file
 * ({@code stride.db}) in a data directory, which one engine at a time may open.
 *
 * <pre>{@code
 * try (SqliteStore store = SqliteStore.open(Path.of("data"), SqliteStore.Options.defaults());
 *      Engine engine = Engine.builder().store(store).build()) { ... }
 * }</pre>
 *
 * <p>Opening refuses, with a {@link SqliteStoreException} and without changing any file, a store
 * that another process holds, a file that is not a Stride store (or is corrupted), and a store
 * written by a newer Stride. A store from an older Stride is migrated.
 */
public final class SqliteStore implements ExecutionStore, dev.stride.engine.spi.MetadataStore, RecordStore {
    static final String DB_FILE = "stride.db";
    private static final byte[] SQLITE_HEADER = "SQLite format 3\0".getBytes(StandardCharsets.US_ASCII);
    private static final int DELETE_CHUNK = 500;

    /** How much a committed write survives. */
    public enum Durability {
        /** WAL, synchronous=NORMAL: survives the process dying (kill -9); a power cut may lose the last commits. */
        PROCESS_CRASH,
        /** WAL, synchronous=FULL: every commit is fsynced; survives power loss. */
        POWER_LOSS
    }

    /**
     * Store settings. Retention: final executions older than this are deleted by a background
     * cleanup that runs every {@code cleanupInterval} (zero turns it off); the clock says what time it is.
     */
    public record Options(Durability durability, Duration retention, Duration cleanupInterval, LongSupplier clock) {
        public Options {
            Objects.requireNonNull(durability, "durability");
            Objects.requireNonNull(retention, "retention");
            Objects.requireNonNull(cleanupInterval, "cleanupInterval");
            Objects.requireNonNull(clock, "clock");
            if (retention.isNegative()) throw new IllegalArgumentException("retention must not be negative: " + retention);
            if (cleanupInterval.isNegative()) throw new IllegalArgumentException("cleanupInterval must not be negative: " + cleanupInterval);
        }

        /** PROCESS_CRASH durability, 90 days' retention, cleaned daily. */
        public static Options defaults() {
            return new Options(Durability.PROCESS_CRASH, Duration.ofDays(90), Duration.ofDays(1), System::currentTimeMillis);
        }

        public Options withDurability(Durability d) { return new Options(d, retention, cleanupInterval, clock); }

        public Options withRetention(Duration r) { return new Options(durability, r, cleanupInterval, clock); }

        public Options withCleanupInterval(Duration i) { return new Options(durability, retention, i, clock); }

        public Options withClock(LongSupplier c) { return new Options(durability, retention, cleanupInterval, c); }
    }

    private final Path dataDir;
    private final Options options;
    private final StoreLock lock;
    private final BatchWriter writer;
    /** Reads go through their own connection: WAL lets them run beside the writer. */
    private final Connection reader;
    private final ScheduledExecutorService cleanup;
    private final Checkpointer checkpointer;
    private final RecordCommitter records;

    private SqliteStore(Path dataDir, Options options, StoreLock lock, BatchWriter writer, Connection reader,
                        Checkpointer checkpointer) {
        this.dataDir = dataDir;
        this.options = options;
        this.lock = lock;
        this.writer = writer;
        this.reader = reader;
        this.checkpointer = checkpointer;
        this.records = new RecordCommitter(writer);
        writer.afterCommit(checkpointer::committed);
        this.cleanup = startCleanup(options);
    }

    /** Opens (creating or migrating) the store in the directory. */
    public static SqliteStore open(Path dataDir, Options options) {
        try {
            Files.createDirectories(dataDir);
        } catch (IOException e) {
            throw new SqliteStoreException("cannot create the data directory " + dataDir + ": " + e, e);
        }
        StoreLock lock = StoreLock.acquire(dataDir);
        Connection write = null;
        Connection read = null;
        Connection checkpoint = null;
        try {
            Path db = dataDir.resolve(DB_FILE);
            int version = checkReadable(db);
            write = connect(db, options);
            migrate(write, version, db);
            try (Statement s = write.createStatement()) {
                s.execute("PRAGMA wal_autocheckpoint = " + Checkpointer.WRITER_BACKSTOP_PAGES);
            }
            read = connect(db, options);
            checkpoint = connect(db, options);
            return new SqliteStore(dataDir, options, lock, new BatchWriter(write), read, new Checkpointer(checkpoint));
        } catch (SQLException | RuntimeException e) {
            closeQuietly(checkpoint);
            closeQuietly(read);
            closeQuietly(write);
            lock.close();
            if (e instanceof SqliteStoreException s) throw s;
            throw new SqliteStoreException("cannot open the store in " + dataDir + ": " + e.getMessage(), e);
        }
    }

    /** Looks at the file without writing to it: SQLite's header, Stride's tag, the schema version. */
    private static int checkReadable(Path db) {
        if (!Files.exists(db)) return 0;
        byte[] head = new byte[SQLITE_HEADER.length];
        int n;
        try (InputStream in = Files.newInputStream(db)) {
            n = in.readNBytes(head, 0, head.length);
        } catch (IOException e) {
            throw new SqliteStoreException("cannot read " + db + ": " + e, e);
        }
        if (n == 0) return 0;
        if (n < head.length || !Arrays.equals(head, SQLITE_HEADER)) {
            throw new SqliteStoreException(db + " is not an SQLite database (corrupted, or not a Stride store); "
                    + "it was left untouched: restore it from a backup or move it away");
        }
        int version;
        // Read-write but without pragmas: closing the last connection removes the -wal and -shm
        // files a read-only one would leave behind, and reading writes nothing to the database.
        try (Connection c = connect(db, null)) {
            version = Schema.version(c);
        } catch (SQLException e) {
            throw new SqliteStoreException(db + " cannot be read (" + e.getMessage() + "): it is corrupted; "
                    + "it was left untouched: restore it from a backup or move it away", e);
        }
        if (version < 0) {
            throw new SqliteStoreException(db + " is an SQLite database but not a Stride store; it was left untouched");
        }
        if (version > Schema.CURRENT) {
            throw new SqliteStoreException(db + " was written by a newer Stride (store schema version " + version
                    + "; this Stride reads up to version " + Schema.CURRENT + "). Upgrade Stride; the store was left untouched");
        }
        return version;
    }

    private static Connection connect(Path db, Options options) throws SQLException {
        Connection c = DriverManager.getConnection("jdbc:sqlite:" + db.toAbsolutePath());
        if (options != null) {
            try (Statement s = c.createStatement()) {
                s.execute("PRAGMA busy_timeout = 10000");
                s.execute("PRAGMA journal_mode = WAL");
                s.execute("PRAGMA synchronous = " + (options.durability() == Durability.POWER_LOSS ? "FULL" : "NORMAL"));
                s.execute("PRAGMA cache_size = -65536"); // 64 MiB
                s.execute("PRAGMA temp_store = MEMORY");
            }
        }
        return c;
    }

    private static void migrate(Connection c, int from, Path db) throws SQLException {
        if (from == Schema.CURRENT) return;
        c.setAutoCommit(false);
        try {
            // Re-read inside the write transaction: nobody else can hold the lock, but be exact.
            Schema.migrate(c, from, Schema.CURRENT);
            c.commit();
        } catch (SQLException e) {
            c.rollback();
            throw new SqliteStoreException("cannot migrate " + db + " from store schema version " + from + " to "
                    + Schema.CURRENT + ": " + e.getMessage() + " (rolled back; the store is unchanged)", e);
        } finally {
            c.setAutoCommit(true);
        }
    }

    private ScheduledExecutorService startCleanup(Options o) {
        if (o.cleanupInterval().isZero()) return null;
        ScheduledExecutorService s = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "stride-sqlite-retention");
            t.setDaemon(true);
            return t;
        });
        long every = o.cleanupInterval().toMillis();
        s.scheduleWithFixedDelay(this::cleanUpNow, every, every, TimeUnit.MILLISECONDS);
        return s;
    }

    /** Deletes final executions older than the retention period; returns how many. */
    public int cleanUpNow() {
        try {
            return deleteFinishedBefore(options.clock().getAsLong() - options.retention().toMillis());
        } catch (RuntimeException e) {
            System.err.println("stride: retention cleanup of " + dataDir + " failed: " + e.getMessage());
            return 0;
        }
    }

    public Path dataDir() { return dataDir; }

    @Override
    public void write(List<ExecutionChange> batch) { writer.write(batch); }

    // ---- metadata: small keyed records, each written and committed at once on the writer's connection ----


    @Override
    public void put(String kind, String key, String json) {
        try {
            writer.between(c -> {
                try (PreparedStatement ps = c.prepareStatement("""
                        INSERT INTO metadata (kind, key, json, seq) VALUES (?, ?, ?, 0)
                        ON CONFLICT (kind, key) DO UPDATE SET json = excluded.json""")) {
                    ps.setString(1, kind);
                    ps.setString(2, key);
                    ps.setString(3, json);
                    return ps.executeUpdate();
                }
            });
        } catch (SQLException e) {
            throw new SqliteStoreException("cannot write " + kind + " " + key + ": " + e.getMessage(), e);
        }
    }

    @Override
    public void writeAll(java.util.List<dev.stride.engine.spi.MetadataChange> changes) {
        try {
            writer.between(c -> {
                try (PreparedStatement put = c.prepareStatement(
                        "INSERT INTO metadata (kind, key, json, seq) VALUES (?, ?, ?, 0) ON CONFLICT (kind, key) DO UPDATE SET json = excluded.json");
                     PreparedStatement delete = c.prepareStatement("DELETE FROM metadata WHERE kind = ? AND key = ?")) {
                    for (var change : changes) { // one at a time, in order: a delete may follow a put of its key
                        PreparedStatement ps = change.json() == null ? delete : put;
                        ps.setString(1, change.kind());
                        ps.setString(2, change.key());
                        if (change.json() != null) ps.setString(3, change.json());
                        ps.executeUpdate();
                    }
                    return changes.size();
                }
            });
        } catch (SQLException e) {
            throw new SqliteStoreException("cannot write " + changes.size() + " metadata change(s): " + e.getMessage(), e);
        }
    }

    @Override
    public void remove(String kind, String key) {
        try {
            writer.between(c -> {
                try (PreparedStatement ps = c.prepareStatement("DELETE FROM metadata WHERE kind = ? AND key = ?")) {
                    ps.setString(1, kind);
                    ps.setString(2, key);
                    return ps.executeUpdate();
                }
            });
        } catch (SQLException e) {
            throw new SqliteStoreException("cannot delete " + kind + " " + key + ": " + e.getMessage(), e);
        }
    }

    @Override
    public java.util.Map<String, String> all(String kind) {
        synchronized (this) {
        java.util.Map<String, String> out = new java.util.LinkedHashMap<>();
        try (PreparedStatement ps = reader.prepareStatement("SELECT key, json FROM metadata WHERE kind = ? ORDER BY rowid")) {
            ps.setString(1, kind);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) out.put(rs.getString(1), rs.getString(2));
            }
        } catch (SQLException e) {
            throw new SqliteStoreException("cannot read " + kind + " records: " + e.getMessage(), e);
        }
        return out;
        }
    }

    // ---- the local services' records: group-committed on the writer's connection ----

    @Override
    public void commit(List<RecordStore.Write> writes) { records.commit(writes); }

    @Override
    public void scan(String table, java.util.function.BiConsumer<String, String> each) {
        List<String[]> rows = new ArrayList<>();
        synchronized (this) {
            try (PreparedStatement ps = reader.prepareStatement("SELECT key, value FROM service_records WHERE tbl = ? ORDER BY key")) {
                ps.setString(1, table);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) rows.add(new String[] {rs.getString(1), rs.getString(2)});
                }
            } catch (SQLException e) {
                throw new SqliteStoreException("cannot read the " + table + " records: " + e.getMessage(), e);
            }
        }
        for (String[] r : rows) each.accept(r[0], r[1]);
    }

    @Override
    public synchronized List<StoredExecution> unfinished() {
        List<StoredExecution> out = new ArrayList<>();
        try (PreparedStatement ps = reader.prepareStatement(SELECT_EXECUTION + " WHERE e.final = 0 AND e.wake_millis IS NULL ORDER BY e.id");
             ResultSet rs = ps.executeQuery()) {
            while (rs.next()) out.add(execution(rs));
        } catch (SQLException e) {
            throw new SqliteStoreException("cannot list unfinished executions: " + e.getMessage(), e);
        }
        return out;
    }

    @Override
    public synchronized List<String> parkedDueBefore(long millis, int limit) {
        List<String> out = new ArrayList<>();
        try (PreparedStatement ps = reader.prepareStatement("""
                SELECT arn FROM executions WHERE wake_millis IS NOT NULL AND wake_millis <= ? AND final = 0
                ORDER BY wake_millis LIMIT ?""")) {
            ps.setLong(1, millis);
            ps.setInt(2, limit);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) out.add(rs.getString(1));
            }
        } catch (SQLException e) {
            throw new SqliteStoreException("cannot list parked executions: " + e.getMessage(), e);
        }
        return out;
    }

    @Override
    public synchronized boolean exists(String executionArn) {
        try {
            if (existsQuery == null) existsQuery = reader.prepareStatement("SELECT 1 FROM executions WHERE arn = ?");
            existsQuery.setString(1, executionArn);
            try (ResultSet rs = existsQuery.executeQuery()) {
                return rs.next();
            }
        } catch (SQLException e) {
            throw new SqliteStoreException("cannot look up execution " + executionArn + ": " + e.getMessage(), e);
        }
    }

    /** Prepared once on the reader connection (guarded by this). */
    private PreparedStatement existsQuery;

    @Override
    public synchronized StoredExecution find(String executionArn) {
        try (PreparedStatement ps = reader.prepareStatement(SELECT_EXECUTION + " WHERE e.arn = ?")) {
            ps.setString(1, executionArn);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? execution(rs) : null;
            }
        } catch (SQLException e) {
            throw new SqliteStoreException("cannot read execution " + executionArn + ": " + e.getMessage(), e);
        }
    }

    @Override
    public synchronized List<HistoryEvent> history(String executionArn) {
        List<HistoryEvent> out = new ArrayList<>();
        try {
            // Events written by a store before version 5, one row each (none in a newer store).
            try (PreparedStatement ps = reader.prepareStatement("""
                    SELECT v.id, v.previous_id, v.timestamp_millis, v.type, v.details_key, v.details
                    FROM events v JOIN executions e ON v.execution = e.id WHERE e.arn = ? ORDER BY v.id""")) {
                ps.setString(1, executionArn);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        String details = rs.getString(6);
                        out.add(new HistoryEvent(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getString(4), rs.getString(5),
                                details == null ? null : (ObjectNode) Json.parse(details)));
                    }
                }
            }
            try (PreparedStatement ps = reader.prepareStatement("""
                    SELECT r.events FROM event_runs r JOIN executions e ON r.execution = e.id WHERE e.arn = ? ORDER BY r.first_id""")) {
                ps.setString(1, executionArn);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) out.addAll(EventRuns.decode(rs.getString(1)));
                }
            }
        } catch (SQLException e) {
            throw new SqliteStoreException("cannot read the history of " + executionArn + ": " + e.getMessage(), e);
        }
        return out;
    }

    @Override
    public int deleteFinishedBefore(long stopMillis) { return writer.deleteFinishedBefore(stopMillis, DELETE_CHUNK); }

    private static final String SELECT_EXECUTION = """
            SELECT e.arn, e.name, e.state_machine_arn, e.express, d.text, e.status, e.start_millis, e.stop_millis,
                   e.input, e.output, e.error, e.cause, e.snapshot, e.map_run_arn, e.annotation, e.redrive_count, e.redrive_millis
            FROM executions e LEFT JOIN definitions d ON d.id = e.definition_id""";

    private static StoredExecution execution(ResultSet rs) throws SQLException {
        return new StoredExecution(rs.getString(1), rs.getString(2), rs.getString(3), rs.getInt(4) != 0, rs.getString(5),
                ExecutionStatus.valueOf(rs.getString(6)), rs.getLong(7), rs.getLong(8), rs.getString(9), rs.getString(10),
                rs.getString(11), rs.getString(12), rs.getString(13), rs.getString(14), rs.getString(15), rs.getInt(16),
                rs.getLong(17));
    }

    @Override
    public boolean lists() { return true; }

    /**
     * Newest start first (ties by row id), read from the index on (state_machine_arn,
     * start_millis, id), or on (state_machine_arn, status, start_millis, id) with a status: a page
     * costs its own rows, however many executions the machine has. The redrive and version filters
     * are checked row by row along the index.
     */
    @Override
    public synchronized List<ExecutionSummary> list(ExecutionQuery q) {
        StringBuilder sql = new StringBuilder("""
                SELECT id, arn, name, state_machine_arn, express, status, start_millis, stop_millis, map_run_arn, annotation,
                       redrive_count, redrive_millis
                FROM executions WHERE state_machine_arn = ?""");
        if (q.status() != null) sql.append(" AND status = ?");
        if (q.beforeKey() > 0) sql.append(" AND (start_millis, id) < (?, ?)");
        if (q.redriven() != null) sql.append(q.redriven() ? " AND redrive_count > 0" : " AND redrive_count = 0");
        if (q.qualifierArn() != null) {
            sql.append(" AND (json_extract(annotation, '$.versionArn') = ? OR json_extract(annotation, '$.aliasArn') = ?)");
        }
        sql.append(" ORDER BY start_millis DESC, id DESC LIMIT ?");
        List<ExecutionSummary> out = new ArrayList<>(Math.min(q.limit(), 1000));
        try (PreparedStatement ps = reader.prepareStatement(sql.toString())) {
            int i = 1;
            ps.setString(i++, q.stateMachineArn());
            if (q.status() != null) ps.setString(i++, q.status().name());
            if (q.beforeKey() > 0) {
                ps.setLong(i++, q.beforeStartMillis());
                ps.setLong(i++, q.beforeKey());
            }
            if (q.qualifierArn() != null) {
                ps.setString(i++, q.qualifierArn());
                ps.setString(i++, q.qualifierArn());
            }
            ps.setInt(i, q.limit());
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new ExecutionSummary(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getInt(5) != 0,
                            ExecutionStatus.valueOf(rs.getString(6)), rs.getLong(7), rs.getLong(8), rs.getString(9),
                            rs.getString(10), rs.getInt(11), rs.getLong(12)));
                }
            }
        } catch (SQLException e) {
            throw new SqliteStoreException("cannot list the executions of " + q.stateMachineArn() + ": " + e.getMessage(), e);
        }
        return out;
    }

    @Override
    public void close() {
        if (cleanup != null) cleanup.shutdownNow();
        records.close();
        checkpointer.close();
        try {
            writer.close();
        } catch (SQLException e) {
            System.err.println("stride: closing the store's writer failed: " + e.getMessage());
        }
        synchronized (this) {
            closeQuietly(reader);

        }
        lock.close();
    }

    private static void closeQuietly(Connection c) {
        if (c == null) return;
        try {
            c.close();
        } catch (SQLException ignored) {
            // closing anyway
        }
    }
}
