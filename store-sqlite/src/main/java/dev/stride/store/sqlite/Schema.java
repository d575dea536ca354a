package dev.stride.store.sqlite;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HexFormat;
import java.util.List;

/**
 * The store's tables and how to bring an older store up to date.
 *
 * <p>Design notes. {@code stride_schema} holds one row, the version. Each migration moves the
 * store from version n-1 to n inside the opener's transaction, so a store is always at exactly
 * one version. A store whose version is above {@link #CURRENT} was written by a newer Stride and
 * is refused before anything is written. Files are tagged with an SQLite application id so that
 * an unrelated SQLite database is refused too.
 *
 * <p>Version 1 kept each execution's definition text in its row; version 2 moves definitions to
 * their own table, deduplicated by SHA-256 (thousands of executions share one definition), and
 * adds the partial indexes used by recovery and retention.
 */
final class Schema {
    /** 'STRD': marks the file as a Stride store (PRAGMA application_id). */
    static final int APPLICATION_ID = 0x53545244;
    static final int CURRENT = 8;

    private interface Migration { void apply(Connection c) throws SQLException; }

    private static final List<Migration> MIGRATIONS = List.of(Schema::version1, Schema::version2, Schema::version3, Schema::version4, Schema::version5,
            Schema::version6, Schema::version7, Schema::version8);

    private Schema() {}

    /** The store's version: 0 for a new, empty file. Reads only. */
    static int version(Connection c) throws SQLException {
        try (Statement s = c.createStatement()) {
            boolean hasTables;
            try (ResultSet rs = s.executeQuery("SELECT count(*) FROM sqlite_master")) {
                hasTables = rs.next() && rs.getInt(1) > 0;
            }
            if (!hasTables) return 0;
            int appId;
            try (ResultSet rs = s.executeQuery("PRAGMA application_id")) {
                appId = rs.next() ? rs.getInt(1) : 0;
            }
            boolean hasVersion;
            try (ResultSet rs = s.executeQuery("SELECT count(*) FROM sqlite_master WHERE type='table' AND name='stride_schema'")) {
                hasVersion = rs.next() && rs.getInt(1) > 0;
            }
            if (appId != APPLICATION_ID || !hasVersion) return -1;
            try (ResultSet rs = s.executeQuery("SELECT version FROM stride_schema")) {
                return rs.next() ? rs.getInt(1) : -1;
            }
        }
    }

    /** Applies the migrations from {@code from} up to {@code to}, in the caller's transaction. */
    static void migrate(Connection c, int from, int to) throws SQLException {
        for (int v = from + 1; v <= to; v++) {
            MIGRATIONS.get(v - 1).apply(c);
            try (Statement s = c.createStatement()) {
                s.executeUpdate("UPDATE stride_schema SET version = " + v);
            }
        }
    }

    private static void version1(Connection c) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.executeUpdate("PRAGMA application_id = " + APPLICATION_ID);
            s.executeUpdate("CREATE TABLE stride_schema (version INTEGER NOT NULL)");
            s.executeUpdate("INSERT INTO stride_schema (version) VALUES (0)");
            s.executeUpdate("""
                CREATE TABLE executions (
                  id INTEGER PRIMARY KEY,
                  arn TEXT NOT NULL UNIQUE,
                  name TEXT NOT NULL,
                  state_machine_arn TEXT NOT NULL,
                  express INTEGER NOT NULL,
                  definition TEXT,
                  status TEXT NOT NULL,
                  final INTEGER NOT NULL,
                  start_millis INTEGER NOT NULL,
                  stop_millis INTEGER NOT NULL,
                  input TEXT,
                  output TEXT,
                  error TEXT,
                  cause TEXT,
                  snapshot TEXT)""");
            // One row per history event; the key makes a duplicate event id impossible.
            s.executeUpdate("""
                CREATE TABLE events (
                  execution INTEGER NOT NULL,
                  id INTEGER NOT NULL,
                  previous_id INTEGER NOT NULL,
                  timestamp_millis INTEGER NOT NULL,
                  type TEXT NOT NULL,
                  details_key TEXT,
                  details TEXT,
                  PRIMARY KEY (execution, id)) WITHOUT ROWID""");
        }
    }

    private static void version2(Connection c) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.executeUpdate("CREATE TABLE definitions (id INTEGER PRIMARY KEY, sha256 TEXT NOT NULL UNIQUE, text TEXT NOT NULL)");
            s.executeUpdate("ALTER TABLE executions ADD COLUMN definition_id INTEGER REFERENCES definitions(id)");
            try (ResultSet rs = s.executeQuery("SELECT DISTINCT definition FROM executions WHERE definition IS NOT NULL");
                 PreparedStatement insert = c.prepareStatement("INSERT OR IGNORE INTO definitions (sha256, text) VALUES (?, ?)");
                 PreparedStatement link = c.prepareStatement(
                         "UPDATE executions SET definition_id = (SELECT id FROM definitions WHERE sha256 = ?) WHERE definition = ?")) {
                while (rs.next()) {
                    String text = rs.getString(1);
                    insert.setString(1, sha256(text));
                    insert.setString(2, text);
                    insert.executeUpdate();
                    link.setString(1, sha256(text));
                    link.setString(2, text);
                    link.executeUpdate();
                }
            }
            s.executeUpdate("ALTER TABLE executions DROP COLUMN definition");
            s.executeUpdate("CREATE INDEX executions_unfinished ON executions (id) WHERE final = 0");
            s.executeUpdate("CREATE INDEX executions_finished ON executions (stop_millis) WHERE final = 1");
        }
    }

    /**
     * Version 3: keyed records beside the executions (the API's state machines, activities, tags).
     * Insertion order is the rowid (an upsert keeps it); {@code seq} is unused and kept at 0.
     */
    private static void version3(Connection c) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.executeUpdate("""
                CREATE TABLE metadata (
                  kind TEXT NOT NULL,
                  key TEXT NOT NULL,
                  json TEXT NOT NULL,
                  seq INTEGER NOT NULL,
                  PRIMARY KEY (kind, key))""");
        }
    }

    /**
     * Version 4: parked executions. {@code wake_millis} is set while an execution waits only for
     * timers far ahead and the engine has dropped it from memory; the partial index finds the
     * ones whose time has come without touching the others.
     */
    private static void version4(Connection c) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.executeUpdate("ALTER TABLE executions ADD COLUMN wake_millis INTEGER");
            s.executeUpdate("CREATE INDEX executions_parked ON executions (wake_millis) WHERE wake_millis IS NOT NULL");
        }
    }

    /**
     * Version 5: history written as one row per committed run of events (EventRuns text) instead
     * of one row per event: a fraction of the rows and bind calls for the same bytes. Events
     * written by older versions stay in {@code events} and are read together with the runs. The
     * key on the run's first event id keeps a run from being written twice.
     */
    private static void version5(Connection c) throws SQLException {
        try (Statement s = c.createStatement()) {
            // A rowid table, not WITHOUT ROWID: a run's text (often 1-2 KiB) then stays on its
            // page instead of spilling to overflow pages (index b-trees keep ~1 KiB locally).
            s.executeUpdate("""
                CREATE TABLE event_runs (
                  execution INTEGER NOT NULL,
                  first_id INTEGER NOT NULL,
                  last_id INTEGER NOT NULL,
                  events TEXT NOT NULL)""");
            s.executeUpdate("CREATE UNIQUE INDEX event_runs_key ON event_runs (execution, first_id)");
        }
    }

    /**
     * Version 6: the local AWS services' tables (queues, messages, topics, ...), one row per
     * record. A rowid table: message bodies of up to 256 KiB stay off the key index's pages.
     */
    private static void version6(Connection c) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.executeUpdate("CREATE TABLE service_records (tbl TEXT NOT NULL, key TEXT NOT NULL, value TEXT NOT NULL)");
            s.executeUpdate("CREATE UNIQUE INDEX service_records_key ON service_records (tbl, key)");
        }
    }

    /**
     * Version 7: the Map Run a distributed Map's child execution belongs to (null for every other
     * execution), so DescribeExecution can name it for a child that is only in the store.
     */
    private static void version7(Connection c) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.executeUpdate("ALTER TABLE executions ADD COLUMN map_run_arn TEXT");
        }
    }

    /**
     * Version 8: the API's record of each execution moves from the metadata table (one JSON row
     * per execution, all loaded into memory at start) into the execution's own row: {@code
     * annotation} (written with the start, in the same commit) and the redrive counters. The
     * indexes serve ListExecutions, newest start first, by machine and by machine and status,
     * without reading other executions (rows are written in commit order, which concurrent starts
     * do not keep, hence the start time in the key). A metadata entry whose execution is gone (deleted by retention)
     * goes with it.
     */
    private static void version8(Connection c) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.executeUpdate("ALTER TABLE executions ADD COLUMN annotation TEXT");
            s.executeUpdate("ALTER TABLE executions ADD COLUMN redrive_count INTEGER NOT NULL DEFAULT 0");
            s.executeUpdate("ALTER TABLE executions ADD COLUMN redrive_millis INTEGER NOT NULL DEFAULT 0");
            // The old entries held the definition and input again: the row has both already.
            s.executeUpdate("""
                UPDATE executions SET
                  annotation = (SELECT json_remove(m.json, '$.definition', '$.input', '$.redriveCount', '$.redriveMillis')
                                FROM metadata m WHERE m.kind = 'execution' AND m.key = executions.arn),
                  redrive_count = coalesce((SELECT json_extract(m.json, '$.redriveCount')
                                FROM metadata m WHERE m.kind = 'execution' AND m.key = executions.arn), 0),
                  redrive_millis = coalesce((SELECT json_extract(m.json, '$.redriveMillis')
                                FROM metadata m WHERE m.kind = 'execution' AND m.key = executions.arn), 0)
                WHERE arn IN (SELECT key FROM metadata WHERE kind = 'execution')""");
            s.executeUpdate("DELETE FROM metadata WHERE kind = 'execution'");
            s.executeUpdate("CREATE INDEX executions_by_machine ON executions (state_machine_arn, start_millis, id)");
            s.executeUpdate("CREATE INDEX executions_by_machine_status ON executions (state_machine_arn, status, start_millis, id)");
        }
    }

    static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is always available", e);
        }
    }
}
