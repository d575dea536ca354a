package dev.stride.service.sqs.internal;

import dev.stride.engine.spi.RecordStore;
import dev.stride.engine.spi.RecordStore.Write;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;

/**
 * Writes SQS's records to the store in exactly the order the in-memory state changed.
 *
 * <p>Why not call {@link RecordStore#commit} from each request thread: the store commits
 * concurrent callers in whatever order they reach it, and two changes to one record (a receive,
 * then a delete by a stale handle) could land reversed and bring a deleted message back after a
 * restart. So a request appends its writes here while it still holds the queue lock (cheap: one
 * enqueue), releases the lock, then waits for its ticket. One committer thread takes everything
 * appended so far and commits it as one atomic unit, in append order: the batch grows with the
 * number of concurrent requests, so throughput scales the way the store's own group commit
 * does, and no lock is held while the disk works.
 */
final class Journal implements AutoCloseable {
    private static final int MAX_TICKETS_PER_COMMIT = 4096;

    /** Waits until the writes appended with it are durable. */
    interface Ticket {
        void await();
    }

    private static final Ticket DONE = () -> {};

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

    /** Sent by close() after every other ticket, so the committer finishes what was appended and stops. */
    private static final Pending END = new Pending(List.of(), new CompletableFuture<>());

    private final RecordStore store;
    private final LinkedBlockingQueue<Pending> queue = new LinkedBlockingQueue<>();
    private final Thread committer;
    private volatile boolean closed;

    Journal(RecordStore store) {
        this.store = store;
        this.committer = store == RecordStore.NONE ? null : Thread.ofPlatform().daemon().name("stride-sqs-journal").start(this::loop);
    }

    /** Appends writes (call while holding the lock of the state they record); await the ticket after releasing it. */
    Ticket append(List<Write> writes) {
        if (committer == null || writes.isEmpty()) return DONE;
        return enqueue(writes);
    }

    /** A ticket that completes once everything appended before it is durable (for replies that depend on earlier writes). */
    Ticket barrier() {
        return committer == null ? DONE : enqueue(List.of());
    }

    private Ticket enqueue(List<Write> writes) {
        if (closed) throw Errors.internal("the SQS service is closed");
        Pending p = new Pending(writes, new CompletableFuture<>());
        queue.add(p);
        return p;
    }

    private void loop() {
        List<Pending> batch = new ArrayList<>();
        List<Write> writes = new ArrayList<>();
        boolean stop = false;
        while (!stop) {
            try {
                batch.add(queue.take());
            } catch (InterruptedException e) {
                continue; // nobody interrupts this thread; close() sends END instead
            }
            queue.drainTo(batch, MAX_TICKETS_PER_COMMIT - 1);
            for (Pending p : batch) {
                writes.addAll(p.writes);
                stop |= p == END;
            }
            try {
                if (!writes.isEmpty()) store.commit(List.copyOf(writes));
                for (Pending p : batch) p.done.complete(null);
            } catch (RuntimeException e) {
                for (Pending p : batch) p.done.completeExceptionally(e);
            }
            batch.clear();
            writes.clear();
        }
        Pending late;
        while ((late = queue.poll()) != null) late.done.completeExceptionally(new IllegalStateException("the SQS service is closed"));
    }

    @Override
    public void close() {
        if (closed) return;
        closed = true;
        if (committer != null) {
            queue.add(END);
            try {
                committer.join(10_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
