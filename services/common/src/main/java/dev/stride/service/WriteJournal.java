package dev.stride.service;

import dev.stride.engine.spi.RecordStore;
import dev.stride.engine.spi.RecordStore.Write;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.function.Function;

/**
 * Writes a service's records to the store in exactly the order its in-memory state changed.
 *
 * <p>Why not call {@link RecordStore#commit} from each request thread: the store commits
 * concurrent callers in whatever order they reach it, and two changes to one record (an SQS
 * receive then a delete by a stale handle; two writes to one DynamoDB item) could land reversed
 * and bring the older state back after a restart. So a request appends its writes here while it
 * still holds the lock of what they record (cheap: one enqueue), releases the lock, then waits for
 * its ticket. One committer thread takes everything appended so far and commits it as one atomic
 * unit, in append order: the batch grows with the number of concurrent requests, so throughput
 * scales the way the store's own group commit does, and no lock is held while the disk works.
 */
public final class WriteJournal implements AutoCloseable {
    private static final int MAX_TICKETS_PER_COMMIT = 4096;

    /** Waits until the writes appended with it are durable. */
    public interface Ticket {
        void await();
    }

    private static final Ticket DONE = () -> {};

    private final class Pending implements Ticket {
        final List<Write> writes;
        final CompletableFuture<Void> done = new CompletableFuture<>();

        Pending(List<Write> writes) { this.writes = writes; }

        @Override
        public void await() {
            try {
                done.get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw internalError.apply("interrupted while waiting for the store");
            } catch (ExecutionException e) {
                throw internalError.apply("the store cannot write: " + e.getCause().getMessage());
            }
        }
    }

    private final RecordStore store;
    private final String service;
    private final Function<String, ServiceException> internalError;
    private final LinkedBlockingQueue<Pending> queue = new LinkedBlockingQueue<>();
    /** Sent by close() after every other ticket, so the committer finishes what was appended and stops. */
    private final Pending end = new Pending(List.of());
    private final Thread committer;
    private volatile boolean closed;

    /**
     * @param service       the service's name, for the committer thread and messages ({@code SQS}, {@code DynamoDB})
     * @param internalError the service's own internal-error reply for a message (its error code differs per service)
     */
    public WriteJournal(RecordStore store, String service, Function<String, ServiceException> internalError) {
        this.store = store;
        this.service = service;
        this.internalError = internalError;
        this.committer = store == RecordStore.NONE ? null
                : Thread.ofPlatform().daemon().name("stride-" + service.toLowerCase(java.util.Locale.ROOT) + "-journal").start(this::loop);
    }

    /** Appends writes (call while holding the lock of the state they record); await the ticket after releasing it. */
    public Ticket append(List<Write> writes) {
        if (committer == null || writes.isEmpty()) return DONE;
        return enqueue(List.copyOf(writes));
    }

    public Ticket append(Write write) { return append(List.of(write)); }

    /** A ticket that completes once everything appended before it is durable (for replies that depend on earlier writes). */
    public Ticket barrier() {
        return committer == null ? DONE : enqueue(List.of());
    }

    private Ticket enqueue(List<Write> writes) {
        if (closed) throw internalError.apply("the " + service + " service is closed");
        Pending p = new Pending(writes);
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
                continue; // nobody interrupts this thread; close() sends `end` instead
            }
            queue.drainTo(batch, MAX_TICKETS_PER_COMMIT - 1);
            for (Pending p : batch) {
                writes.addAll(p.writes);
                stop |= p == end;
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
        while ((late = queue.poll()) != null) late.done.completeExceptionally(new IllegalStateException("the " + service + " service is closed"));
    }

    @Override
    public void close() {
        if (closed) return;
        closed = true;
        if (committer == null) return;
        queue.add(end);
        try {
            committer.join(30_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
