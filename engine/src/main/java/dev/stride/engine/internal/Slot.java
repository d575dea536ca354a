package dev.stride.engine.internal;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicIntegerFieldUpdater;
import java.util.concurrent.atomic.AtomicReferenceFieldUpdater;

/**
 * An execution as the scheduler holds it: the record, its machine, an inbox of things that
 * happened to it from outside (timers, task outcomes, stops) and a flag so that at most one
 * worker processes it at a time.
 *
 * <p>A burst of starts creates one slot per execution on the caller's thread, and most short
 * executions never receive anything from outside nor have anyone wait on their end before it
 * happens: the inbox and the completion future are therefore made on first use.
 */
final class Slot {
    final ExecutionRecord record;
    final MachineIndex machine;
    /** Created by the first delivery (see {@link #deliver}). */
    private volatile ConcurrentLinkedQueue<Inbound> inbox;
    /** 1 while a worker has the execution queued or in hand. */
    private volatile int scheduled;
    /** Completed when the execution ends; made when first asked for (guarded by this). */
    private CompletableFuture<Void> done;
    /** The execution's end has been told (guarded by this); a redrive reopens it. */
    private boolean ended;
    /** Completed once the execution's start is committed (already for in-memory executions). */
    final CompletableFuture<Void> recorded;
    private static final CompletableFuture<Void> NOTHING_TO_RECORD = CompletableFuture.completedFuture(null);
    /** Started, but ExecutionStarted not recorded yet (guarded by this): the first worker run or history read does it. */
    boolean startPending;
    /** Runs flushed so far (guarded by this): a park decided after run n is void once run n+1 exists. */
    int runs;
    /** Dropped from memory after a commit (guarded by this): the store holds it until its timers come near. */
    boolean parked;

    // Field updaters, not VarHandles: every start claims its slot, and before the JIT's last
    // tier a VarHandle access is a chain of method-handle calls while an updater is one Unsafe call.
    private static final AtomicIntegerFieldUpdater<Slot> SCHEDULED = AtomicIntegerFieldUpdater.newUpdater(Slot.class, "scheduled");
    @SuppressWarnings("rawtypes")
    private static final AtomicReferenceFieldUpdater<Slot, ConcurrentLinkedQueue> INBOX =
            AtomicReferenceFieldUpdater.newUpdater(Slot.class, ConcurrentLinkedQueue.class, "inbox");

    /** @param durable its start must be committed before {@link #recorded} completes */
    Slot(ExecutionRecord record, MachineIndex machine, boolean durable) {
        this.record = record;
        this.machine = machine;
        this.recorded = durable ? new CompletableFuture<>() : NOTHING_TO_RECORD;
    }

    void deliver(Inbound event) {
        ConcurrentLinkedQueue<Inbound> q = inbox;
        if (q == null) {
            INBOX.compareAndSet(this, null, new ConcurrentLinkedQueue<Inbound>());
            q = inbox;
        }
        q.add(event);
    }

    /** The next delivered event, or null. */
    Inbound nextInbound() {
        ConcurrentLinkedQueue<Inbound> q = inbox;
        return q == null ? null : q.poll();
    }

    boolean hasInbound() {
        ConcurrentLinkedQueue<Inbound> q = inbox;
        return q != null && !q.isEmpty();
    }

    /** @return true when the caller must hand the slot to a worker (nobody has it yet) */
    boolean claim() { return SCHEDULED.compareAndSet(this, 0, 1); }

    /** The worker is done with it; the caller re-checks the inbox afterwards. */
    void release() { scheduled = 0; }

    /** Completes when the execution ends (at once if it has). */
    synchronized CompletableFuture<Void> done() {
        if (done == null) done = ended ? CompletableFuture.completedFuture(null) : new CompletableFuture<>();
        return done;
    }

    /** Someone holds {@link #done()}: if the execution is parked, that future must outlive this slot. */
    synchronized CompletableFuture<Void> doneIfWanted() { return done; }

    /** A slot loaded again for a parked execution takes over the future its waiters hold. */
    synchronized void adoptDone(CompletableFuture<Void> waiting) { done = waiting; }

    synchronized boolean ended() { return ended; }

    /** The execution ended (and is committed, when durable): wakes whoever waits. */
    void end() {
        CompletableFuture<Void> f;
        synchronized (this) {
            ended = true;
            f = done;
        }
        if (f != null) f.complete(null);
    }

    /** A redrive reopened the execution: its end is ahead again. */
    synchronized void reopen() {
        ended = false;
        done = null;
    }

    /** Something from outside the interpreter, applied by the worker before it runs the execution. */
    sealed interface Inbound {
        record TimerFired(int frameId) implements Inbound {}

        record TaskOutcome(int frameId, String token, com.fasterxml.jackson.databind.JsonNode output, String error, String cause, boolean failed) implements Inbound {}

        record Heartbeat(int frameId, String token) implements Inbound {}

        record Stop(String error, String cause) implements Inbound {}

        /** Nothing to apply: makes sure a worker looks at the execution (its ready frames changed). */
        record Wake() implements Inbound {}

        /** A distributed Map's child execution ended (committed, when durable). */
        record ChildEnded(int frameId, int index, String mapRunArn, dev.stride.engine.ExecutionStatus status,
                          com.fasterxml.jackson.databind.JsonNode output, String error, String cause,
                          long startMillis, long stopMillis) implements Inbound {}

        record Progress(int frameId, String token, String workerName, com.fasterxml.jackson.databind.JsonNode output, boolean submitted) implements Inbound {}
    }
}
