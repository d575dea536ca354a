package dev.stride.store.sqlite;

import dev.stride.engine.spi.RecordStore.Write;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;

/**
 * Group commit of the services' record writes: callers queue their writes and wait; one
 * thread takes everything queued, writes it in one transaction on the store's writer
 * connection, and releases the callers. Under load a transaction carries hundreds of calls;
 * alone, a call waits for one transaction.
 */
final class RecordCommitter implements AutoCloseable {
    private static final int MAX_CALLS_PER_TRANSACTION = 2048;

    private record Pending(List<Write> writes, CompletableFuture<Void> done) {}

    private final BatchWriter writer;
    private final LinkedBlockingQueue<Pending> queue = new LinkedBlockingQueue<>();
    private final Thread thread;
    private volatile boolean closed;

    RecordCommitter(BatchWriter writer) {
        this.writer = writer;
        this.thread = Thread.ofPlatform().daemon().name("stride-record-commit").start(this::loop);
    }

    void commit(List<Write> writes) {
        if (writes.isEmpty()) return;
        if (closed) throw new SqliteStoreException("the store is closed");
        Pending p = new Pending(writes, new CompletableFuture<>());
        queue.add(p);
        try {
            p.done.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SqliteStoreException("interrupted while waiting for a commit", e);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof SqliteStoreException s) throw s;
            throw new SqliteStoreException("cannot write service records: " + cause.getMessage(), cause);
        }
    }

    private void loop() {
        List<Pending> batch = new ArrayList<>();
        while (!closed || !queue.isEmpty()) {
            try {
                Pending first = queue.take();
                batch.add(first);
                queue.drainTo(batch, MAX_CALLS_PER_TRANSACTION - 1);
                write(batch);
                for (Pending p : batch) p.done.complete(null);
            } catch (InterruptedException e) {
                if (closed) break;
            } catch (SQLException | RuntimeException e) {
                for (Pending p : batch) p.done.completeExceptionally(e);
            } finally {
                batch.clear();
            }
        }
        Pending left;
        while ((left = queue.poll()) != null) left.done.completeExceptionally(new SqliteStoreException("the store is closed"));
    }

    private void write(List<Pending> batch) throws SQLException {
        writer.between(c -> {
            try (PreparedStatement upsert = c.prepareStatement(
                    "INSERT INTO service_records (tbl, key, value) VALUES (?, ?, ?) ON CONFLICT (tbl, key) DO UPDATE SET value = excluded.value");
                 PreparedStatement delete = c.prepareStatement("DELETE FROM service_records WHERE tbl = ? AND key = ?")) {
                for (Pending p : batch) {
                    for (Write w : p.writes) { // in call order: a record may be written, deleted and written again
                        PreparedStatement ps = w.value() == null ? delete : upsert;
                        ps.setString(1, w.table());
                        ps.setString(2, w.key());
                        if (w.value() != null) ps.setString(3, w.value());
                        ps.executeUpdate();
                    }
                }
            }
            return null;
        });
    }

    @Override
    public void close() {
        closed = true;
        thread.interrupt();
        try {
            thread.join(5000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
