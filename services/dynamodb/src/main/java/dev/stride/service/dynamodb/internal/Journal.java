package dev.stride.service.dynamodb.internal;

import dev.stride.engine.spi.RecordStore;
import dev.stride.engine.spi.RecordStore.Write;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;

/**
 * Puts DynamoDB's record writes into the store in the order the items changed in memory.
 *
 * <p>The store commits concurrent callers in whatever order they arrive, so two writes to one
 * item committed from their own threads could land swapped and a restart would bring back the
 * older one. Instead a write appends its records here while it still holds its item's stripe
 * lock (one enqueue), lets go of the lock, and waits on its ticket. A single committer takes
 * everything appended so far and commits it as one unit, in append order; while the store
 * works the next batch gathers, so a batch grows with the number of concurrent writers and no
 * lock is held across the disk.
 */
final class Journal implements AutoCloseable {
    private static final int MAX_TICKETS_PER_COMMIT = 4096;

    /** Waits until what was appended with it is durable. */
    interface Ticket {
        void await();
    }

    private static final Ticket NOTHING = () -> {};

    private record Pending(List<Write> writes, CompletableFuture<Void> done) implements Ticket {
        @Override
        public void await() {
            try {
                done.get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw Errors.internal("interrupted while waiting for the store");
            } catch (ExecutionException e) {
                throw Errors.internal("the store cannot write: " + e.getCause().getMessage());
            }
        }
    }

    /** Appended by close() behind every other ticket: the committer finishes what came before, then stops. */
    private static final Pending STOP = new Pending(List.of(), new CompletableFuture<>());

    private final RecordStore store;
    private final LinkedBlockingQueue<Pending> queue = new LinkedBlockingQueue<>();
    private final Thread committer;
    private volatile boolean closed;

    Journal(RecordStore store) {
        this.store = store;
        this.committer = store == RecordStore.NONE ? null : Thread.ofPlatform().daemon().name("stride-dynamodb-journal").start(this::run);
    }

    /** Appends writes; call while holding the lock of what they record and await the ticket after releasing it. */
    Ticket append(List<Write> writes) {
        if (committer == null || writes.isEmpty()) return NOTHING;
        if (closed) throw Errors.internal("the DynamoDB service is closed");
        Pending p = new Pending(List.copyOf(writes), new CompletableFuture<>());
        queue.add(p);
        return p;
    }

    private void run() {
        List<Pending> batch = new ArrayList<>();
        List<Write> writes = new ArrayList<>();
        boolean stop = false;
        while (!stop) {
            try {
                batch.add(queue.take());
            } catch (InterruptedException e) {
                continue; // close() stops this thread with STOP, never by interrupting
            }
            queue.drainTo(batch, MAX_TICKETS_PER_COMMIT - 1);
            for (Pending p : batch) {
                writes.addAll(p.writes);
                stop |= p == STOP;
            }
            try {
                if (!writes.isEmpty()) store.commit(writes);
                for (Pending p : batch) p.done.complete(null);
            } catch (RuntimeException e) {
                for (Pending p : batch) p.done.completeExceptionally(e);
            }
            batch.clear();
            writes = new ArrayList<>();
        }
        Pending late;
        while ((late = queue.poll()) != null) late.done.completeExceptionally(new IllegalStateException("the DynamoDB service is closed"));
    }

    @Override
    public void close() {
        if (closed) return;
        closed = true;
        if (committer == null) return;
        queue.add(STOP);
        try {
            committer.join(30_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
