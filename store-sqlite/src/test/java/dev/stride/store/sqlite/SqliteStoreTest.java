package dev.stride.store.sqlite;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.stride.engine.ExecutionStatus;
import dev.stride.engine.history.HistoryEvent;
import dev.stride.engine.spi.ExecutionStore;
import dev.stride.store.sqlite.SqliteStore.Durability;
import dev.stride.store.sqlite.SqliteStore.Options;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The SQLite store passes the store contract, and refuses what it must refuse without changing anything. */
class SqliteStoreTest extends ExecutionStoreContract {
    @TempDir Path dir;

    static final Options QUIET = Options.defaults().withCleanupInterval(Duration.ZERO);

    @Override
    protected ExecutionStore create() { return SqliteStore.open(dir, QUIET); }

    @Override
    protected ExecutionStore reopen(ExecutionStore s) {
        s.close();
        return SqliteStore.open(dir, QUIET);
    }

    @Test
    void bothDurabilitiesOpenInWalModeWithTheirSyncLevel() throws Exception {
        for (Durability d : Durability.values()) {
            Path sub = dir.resolve(d.name());
            try (SqliteStore s = SqliteStore.open(sub, QUIET.withDurability(d))) {
                s.write(List.of(running("e", DEFINITION, "{}", event(1, 0, "ExecutionStarted", "{}"))));
            }
            try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + sub.resolve(SqliteStore.DB_FILE));
                 Statement st = c.createStatement(); var rs = st.executeQuery("PRAGMA journal_mode")) {
                rs.next();
                assertThat(rs.getString(1)).isEqualToIgnoringCase("wal");
            }
        }
    }

    @Test
    void definitionsAreStoredOnceHoweverManyExecutionsShareThem() throws Exception {
        store = create();
        for (int i = 0; i < 20; i++) store.write(List.of(running("e" + i, DEFINITION, "{}", event(1, 0, "ExecutionStarted", "{}"))));
        store.write(List.of(running("other", "{\"StartAt\":\"B\"}", "{}", event(1, 0, "ExecutionStarted", "{}"))));
        store.close();
        store = null;
        assertThat(count("SELECT count(*) FROM definitions")).isEqualTo(2);
    }

    @Test
    void aStoreOfSchemaVersion1IsMigratedAndKeepsItsExecutions() throws Exception {
        Path db = dir.resolve(SqliteStore.DB_FILE);
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db)) {
            c.setAutoCommit(false);
            Schema.migrate(c, 0, 1);
            try (Statement s = c.createStatement()) {
                s.executeUpdate("INSERT INTO executions (arn, name, state_machine_arn, express, definition, status, final,"
                        + " start_millis, stop_millis, input, snapshot) VALUES ('" + arn("v1") + "', 'v1', 'sm', 0, '"
                        + DEFINITION + "', 'RUNNING', 0, 1000, 0, '{}', '{\"old\":true}')");
                s.executeUpdate("INSERT INTO events VALUES (1, 1, 0, 1000, 'ExecutionStarted', NULL, NULL)");
            }
            c.commit();
        }

        store = SqliteStore.open(dir, QUIET);

        assertThat(store.unfinished()).singleElement().satisfies(s -> {
            assertThat(s.definition()).isEqualTo(DEFINITION);
            assertThat(s.snapshot()).isEqualTo("{\"old\":true}");
        });
        assertThat(store.history(arn("v1"))).hasSize(1);
        // Written after the migration, events go to runs; read back after the old rows, in order.
        store.write(List.of(running("v1", null, "{\"new\":true}", event(2, 1, "PassStateEntered", "{\"name\":\"A\"}"),
                event(3, 2, "PassStateExited", null))));
        assertThat(store.history(arn("v1"))).extracting(HistoryEvent::id).containsExactly(1L, 2L, 3L);
        assertThat(store.history(arn("v1")).get(1)).isEqualTo(event(2, 1, "PassStateEntered", "{\"name\":\"A\"}"));
        store.close();
        store = null;
        assertThat(count("SELECT version FROM stride_schema")).isEqualTo(Schema.CURRENT);
    }

    @Test
    void aStoreWrittenByANewerStrideIsRefusedAndLeftUntouched() throws Exception {
        SqliteStore.open(dir, QUIET).close();
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve(SqliteStore.DB_FILE));
             Statement s = c.createStatement()) {
            s.executeUpdate("UPDATE stride_schema SET version = 99");
        }
        Map<String, String> before = files();

        assertThatThrownBy(() -> SqliteStore.open(dir, QUIET))
                .isInstanceOf(SqliteStoreException.class)
                .hasMessageContaining("newer Stride").hasMessageContaining("version 99").hasMessageContaining("untouched");

        assertThat(files()).isEqualTo(before);
    }

    @Test
    void aFileThatIsNotSqliteIsRefusedAndLeftUntouched() throws Exception {
        Files.writeString(dir.resolve(SqliteStore.DB_FILE), "{\"this is\": \"not a database\"}".repeat(200));
        Map<String, String> before = files();

        assertThatThrownBy(() -> SqliteStore.open(dir, QUIET))
                .isInstanceOf(SqliteStoreException.class).hasMessageContaining("not an SQLite database");

        assertThat(files()).isEqualTo(before);
    }

    @Test
    void aCorruptedStoreIsRefusedAndLeftUntouched() throws Exception {
        try (SqliteStore s = SqliteStore.open(dir, QUIET)) {
            s.write(List.of(running("e1", DEFINITION, "{}", event(1, 0, "ExecutionStarted", "{}"))));
        }
        Path db = dir.resolve(SqliteStore.DB_FILE);
        byte[] bytes = Files.readAllBytes(db);
        for (int i = 100; i < 4096 && i < bytes.length; i++) bytes[i] = (byte) 0xA5; // trash page 1: the schema
        Files.write(db, bytes);
        Map<String, String> before = files();

        assertThatThrownBy(() -> SqliteStore.open(dir, QUIET))
                .isInstanceOf(SqliteStoreException.class).hasMessageContaining("corrupted").hasMessageContaining("untouched");

        assertThat(files()).isEqualTo(before);
    }

    @Test
    void anSqliteDatabaseThatIsNotAStrideStoreIsRefused() throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve(SqliteStore.DB_FILE));
             Statement s = c.createStatement()) {
            s.executeUpdate("CREATE TABLE customers (id INTEGER PRIMARY KEY)");
        }
        assertThatThrownBy(() -> SqliteStore.open(dir, QUIET))
                .isInstanceOf(SqliteStoreException.class).hasMessageContaining("not a Stride store");
    }

    @Test
    void aStoreOpenInThisProcessCannotBeOpenedAgain() {
        store = create();
        assertThatThrownBy(() -> SqliteStore.open(dir, QUIET))
                .isInstanceOf(SqliteStoreException.class).hasMessageContaining("already open in this process");
    }

    @Test
    void aStoreHeldByAnotherProcessIsRefusedUntilThatProcessDies() throws Exception {
        Process holder = ChildJvm.builder(HoldStore.class, List.of("-Xmx64m"), dir.toString())
                .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        try {
            BufferedReader out = new BufferedReader(new InputStreamReader(holder.getInputStream()));
            assertThat(out.readLine()).isEqualTo("OPEN");

            assertThatThrownBy(() -> SqliteStore.open(dir, QUIET))
                    .isInstanceOf(SqliteStoreException.class).hasMessageContaining("in use by another process");
        } finally {
            holder.destroyForcibly();
            holder.waitFor(10, TimeUnit.SECONDS);
        }
        store = SqliteStore.open(dir, QUIET); // kill -9 leaves no stale lock
    }

    @Test
    void theBackgroundCleanupDeletesFinalExecutionsOlderThanTheRetention() throws Exception {
        AtomicLong now = new AtomicLong(Duration.ofDays(100).toMillis());
        Options o = Options.defaults().withRetention(Duration.ofDays(90)).withCleanupInterval(Duration.ofMillis(50)).withClock(now::get);
        store = SqliteStore.open(dir, o);
        long old = Duration.ofDays(5).toMillis();
        long recent = Duration.ofDays(50).toMillis();
        store.write(List.of(running("old", DEFINITION, "{}", event(1, 0, "ExecutionStarted", "{}")),
                running("recent", DEFINITION, "{}", event(1, 0, "ExecutionStarted", "{}")),
                running("running", DEFINITION, "{}", event(1, 0, "ExecutionStarted", "{}"))));
        store.write(List.of(finished("old", ExecutionStatus.SUCCEEDED, old, event(2, 1, "ExecutionSucceeded", "{}")),
                finished("recent", ExecutionStatus.SUCCEEDED, recent, event(2, 1, "ExecutionSucceeded", "{}"))));

        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (store.find(arn("old")) != null && System.nanoTime() < deadline) Thread.sleep(20);

        assertThat(store.find(arn("old"))).isNull();
        assertThat(store.find(arn("recent"))).isNotNull();
        assertThat(store.find(arn("running"))).isNotNull();
    }

    @Test
    void aStoreRefusesWritesAfterAFailedOneUntilReopened() {
        store = create();
        store.write(List.of(running("e1", DEFINITION, "{}", event(1, 0, "ExecutionStarted", "{}"))));
        assertThatThrownBy(() -> store.write(List.of(running("e1", null, "{}", event(1, 0, "ExecutionStarted", "{}")))))
                .isInstanceOf(SqliteStoreException.class);
        assertThatThrownBy(() -> store.write(List.of(running("e1", null, "{}", event(2, 1, "PassStateEntered", "{}")))))
                .isInstanceOf(SqliteStoreException.class).hasMessageContaining("restart the engine");
        store = reopen(store);
        store.write(List.of(running("e1", null, "{}", event(2, 1, "PassStateEntered", "{}"))));
        assertThat(store.history(arn("e1"))).hasSize(2);
    }

    private long count(String sql) throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve(SqliteStore.DB_FILE));
             PreparedStatement ps = c.prepareStatement(sql); var rs = ps.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /** Every file in the data directory but the lock file, with its bytes. */
    private Map<String, String> files() throws Exception {
        Map<String, String> out = new TreeMap<>();
        try (Stream<Path> s = Files.list(dir)) {
            for (Path p : s.toList()) {
                if (!p.getFileName().toString().equals(StoreLock.FILE_NAME)) out.put(p.getFileName().toString(), Schema.sha256(java.util.HexFormat.of().formatHex(Files.readAllBytes(p))));
            }
        }
        return out;
    }
}
