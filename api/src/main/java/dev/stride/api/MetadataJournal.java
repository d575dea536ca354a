package dev.stride.api;

import dev.stride.engine.spi.MetadataChange;
import dev.stride.engine.spi.MetadataStore;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * Group commit for the registry's records: callers queue their changes in the order they made
 * them and wait for the write; one thread writes everything queued so far in one store
 * transaction. StartExecution records an entry per execution, and one commit per entry, taken
 * one at a time under the registry's lock, was what bounded durable starts (about 1,900/s).
 */
final class MetadataJournal implements AutoCloseable {
    private record Pending(MetadataChange change, CompletableFuture<Void> written) {}

    private static final int MAX_BATCH = 2000;
    private final MetadataStore store;
    private final LinkedBlockingQueue<Pending> queue = new LinkedBlockingQueue<>();
    private final Thread thread;
    private volatile boolean closed;

    MetadataJournal(MetadataStore store) {
        this.store = store;
        this.thread = Thread.ofPlatform().daemon().name("stride-registry-journal").start(this::run);
    }

    /** Queues the change (callers keep their order by queueing under their own lock); completes once it is durable. */
    CompletableFuture<Void> submit(MetadataChange change) {
        CompletableFuture<Void> written = new CompletableFuture<>();
        if (closed) written.completeExceptionally(new IllegalStateException("the registry is closed"));
        else queue.add(new Pending(change, written));
        return written;
    }

    private void run() {
        List<Pending> batch = new ArrayList<>();
        List<MetadataChange> changes = new ArrayList<>();
        while (!closed || !queue.isEmpty()) {
            try {
                Pending first = queue.poll(100, TimeUnit.MILLISECONDS);
                if (first == null) continue;
                batch.add(first);
                queue.drainTo(batch, MAX_BATCH - 1);
                for (Pending p : batch) changes.add(p.change());
                try {
                    store.writeAll(changes);
                    for (Pending p : batch) p.written().complete(null);
                } catch (RuntimeException e) {
                    for (Pending p : batch) p.written().completeExceptionally(e); // never acknowledged
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } finally {
                batch.clear();
                changes.clear();
            }
        }
    }

    @Override
    public void close() {
        closed = true;
        try {
            thread.join(10_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
