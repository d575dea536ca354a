package dev.stride.service.compute;

import dev.stride.engine.spi.RecordStore;
import dev.stride.engine.spi.RecordStore.Write;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;

/**
 * Writes a service's records in exactly the order its state changed. A job's record is rewritten
 * at every status change, and the changes come from request threads and process-exit threads at
 * once; committing each from its own thread could land RUNNING after SUCCEEDED and bring a
 * finished job back to life after a restart. So changes are appended here while the state's lock
 * is held, and one committer thread commits everything appended so far as one unit, in order
 * (the batch grows with concurrency, as the store's group commit does).
 */
public final class Journal implements AutoCloseable {
    private record Pending(List<Write> writes, CompletableFuture<Void> done) {}

    private static final Pending END = new Pending(List.of(), new CompletableFuture<>());
    private static final CompletableFuture<Void> DONE = CompletableFuture.completedFuture(null);

    private final RecordStore store;
    private final LinkedBlockingQueue<Pending> queue = new LinkedBlockingQueue<>();
    private final Thread committer;

    public Journal(RecordStore store, String name) {
        this.store = store;
        this.committer = store == RecordStore.NONE ? null : Thread.ofPlatform().daemon().name("stride-" + name + "-journal").start(this::loop);
    }

    /** Appends writes (call while holding the lock of the state they record); wait on the result after releasing it. */
    public CompletableFuture<Void> append(List<Write> writes) {
        if (committer == null || writes.isEmpty()) return DONE;
        Pending p = new Pending(List.copyOf(writes), new CompletableFuture<>());
        queue.add(p);
        return p.done;
    }

    public CompletableFuture<Void> append(Write write) { return append(List.of(write)); }

    /** Waits until the writes are durable; a store that cannot write is the service's internal error. */
    public static void await(CompletableFuture<Void> ticket) {
        try {
            ticket.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the store");
        } catch (java.util.concurrent.ExecutionException e) {
            throw new IllegalStateException("the store cannot write: " + e.getCause().getMessage(), e.getCause());
        }
    }

    private void loop() {
        List<Pending> batch = new ArrayList<>();
        List<Write> writes = new ArrayList<>();
        boolean stop = false;
        while (!stop) {
            try {
                batch.add(queue.take());
            } catch (InterruptedException e) {
                continue; // close() sends END instead of interrupting
            }
            queue.drainTo(batch, 4095);
            for (Pending p : batch) {
                writes.addAll(p.writes);
                stop |= p == END;
            }
            try {
                if (!writes.isEmpty()) store.commit(writes);
                batch.forEach(p -> p.done.complete(null));
            } catch (RuntimeException e) {
                batch.forEach(p -> p.done.completeExceptionally(e));
            }
            batch.clear();
            writes = new ArrayList<>();
        }
    }

    /** Commits what was appended, then stops. */
    @Override
    public void close() {
        if (committer == null || !committer.isAlive()) return;
        queue.add(END);
        try {
            committer.join(10_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
