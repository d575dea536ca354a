package dev.stride.engine.internal;

import dev.stride.engine.spi.ExecutionChange;
import dev.stride.engine.spi.ExecutionStore;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.LinkedBlockingQueue;

/**
 * Group commit: workers hand over each run's change with the effects that must wait for it; one
 * thread writes everything queued so far in one store transaction, then releases the effects.
 * Workers never wait for the disk, and many runs (of many executions) share one write.
 */
final class GroupCommitter implements Runnable {
    private record Pending(ExecutionChange change, Runnable afterCommit) {}

    private static final int MAX_BATCH = 2000;
    /** Backlog at which new executions wait to start (see {@link #awaitRoom}). */
    private static final int MAX_BACKLOG = 10 * MAX_BATCH;
    private final ExecutionStore store;
    private final LinkedBlockingQueue<Pending> queue = new LinkedBlockingQueue<>();
    private final Thread thread;
    private volatile boolean closed;
    /** Notified after each batch: callers of {@link #awaitRoom} look at the backlog again. */
    private final Object room = new Object();

    GroupCommitter(ExecutionStore store) {
        this.store = store;
        this.thread = new EngineThread(this, "stride-committer");
        this.thread.start();
    }

    void submit(ExecutionChange change, Runnable afterCommit) {
        queue.add(new Pending(change, afterCommit));
    }

    /** Changes queued but not yet written. */
    int backlog() { return queue.size(); }

    /**
     * Admission control: a caller starting new executions waits while the disk is far behind,
     * instead of piling up changes (and the executions they belong to) in memory until the
     * heap runs out. Only starts wait; workers and this thread never do, so nothing deadlocks.
     */
    void awaitRoom() {
        if (queue.size() < MAX_BACKLOG || Thread.currentThread() == thread) return;
        synchronized (room) {
            while (queue.size() >= MAX_BACKLOG && !closed) {
                try {
                    room.wait(10);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }

    @Override
    public void run() {
        List<Pending> batch = new ArrayList<>();
        List<ExecutionChange> changes = new ArrayList<>();
        while (!closed || !queue.isEmpty()) {
            try {
                Pending first = queue.poll(100, java.util.concurrent.TimeUnit.MILLISECONDS);
                if (first == null) continue;
                batch.add(first);
                queue.drainTo(batch, MAX_BATCH - 1);
                for (Pending p : batch) changes.add(p.change());
                store.write(changes);
                for (Pending p : batch) p.afterCommit().run();
                synchronized (room) {
                    room.notifyAll();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                // A failed write must not be acknowledged: the effects stay undone, the process
                // should stop and recover from the last committed state.
                System.err.println("stride: durable write failed, effects withheld: " + e);
            } finally {
                batch.clear();
                changes.clear();
            }
        }
    }

    /** Writes what is queued, then stops. */
    void close() {
        closed = true;
        try {
            thread.join(10_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
