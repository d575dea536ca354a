package dev.stride.store.sqlite;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * Copies the write-ahead log into the database file on its own thread and connection.
 *
 * <p>Why: with SQLite's automatic checkpoints, the commit that crosses the threshold copies the
 * log into the database and syncs it, on the engine's single writer thread. Under load that was
 * two thirds of the writer's time (profiled on the many workload). A PASSIVE checkpoint from
 * another connection never blocks the writer; the writer's own automatic checkpoint stays on at
 * a much larger size only as a backstop, should this thread fall behind.
 */
final class Checkpointer implements AutoCloseable {
    /** Pages (4 KiB) the writer lets the log grow to before it checkpoints by itself. */
    static final int WRITER_BACKSTOP_PAGES = 64 * 1024;
    private static final long PERIOD_MILLIS = 50;

    private final Connection connection;
    private final Thread thread;
    private volatile boolean dirty;
    private volatile boolean closed;

    Checkpointer(Connection connection) {
        this.connection = connection;
        this.thread = new Thread(this::run, "stride-sqlite-checkpoint");
        this.thread.setDaemon(true);
        this.thread.start();
    }

    /** Something was committed: the next round checkpoints it. */
    void committed() { dirty = true; }

    private void run() {
        while (!closed) {
            try {
                Thread.sleep(PERIOD_MILLIS);
            } catch (InterruptedException e) {
                return;
            }
            if (!dirty) continue;
            dirty = false;
            try (Statement s = connection.createStatement()) {
                s.execute("PRAGMA wal_checkpoint(PASSIVE)");
            } catch (SQLException e) {
                if (closed) return;
                // Not fatal: the log grows and the writer's backstop checkpoint takes over.
                System.err.println("stride: background checkpoint failed: " + e.getMessage());
            }
        }
    }

    @Override
    public void close() {
        closed = true;
        thread.interrupt();
        try {
            thread.join(5_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        try {
            connection.close();
        } catch (SQLException ignored) {
            // closing anyway
        }
    }
}
