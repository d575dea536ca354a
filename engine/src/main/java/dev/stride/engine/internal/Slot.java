package dev.stride.engine.internal;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * An execution as the scheduler holds it: the record, its machine, an inbox of things that
 * happened to it from outside (timers, task outcomes, stops) and a flag so that at most one
 * worker processes it at a time.
 */
final class Slot {
    final ExecutionRecord record;
    final MachineIndex machine;
    final ConcurrentLinkedQueue<Inbound> inbox = new ConcurrentLinkedQueue<>();
    final AtomicBoolean scheduled = new AtomicBoolean();
    /** Completed when the execution ends; replaced when a redrive reopens it. */
    volatile CompletableFuture<Void> done = new CompletableFuture<>();
    /** Completed once the execution's start is committed (already for in-memory executions). */
    final CompletableFuture<Void> recorded;
    private static final CompletableFuture<Void> NOTHING_TO_RECORD = CompletableFuture.completedFuture(null);
    /** Started, but ExecutionStarted not recorded yet (guarded by this): the first worker run or history read does it. */
    boolean startPending;
    /** Someone holds {@link #done}: if the execution is parked, its future must outlive this slot. */
    boolean doneWanted;
    /** Runs flushed so far (guarded by this): a park decided after run n is void once run n+1 exists. */
    int runs;
    /** Dropped from memory after a commit (guarded by this): the store holds it until its timers come near. */
    boolean parked;

    /** @param durable its start must be committed before {@link #recorded} completes */
    Slot(ExecutionRecord record, MachineIndex machine, boolean durable) {
        this.record = record;
        this.machine = machine;
        this.recorded = durable ? new CompletableFuture<>() : NOTHING_TO_RECORD;
    }

    /** Something from outside the interpreter, applied by the worker before it runs the execution. */
    sealed interface Inbound {
        record TimerFired(int frameId) implements Inbound {}

        record TaskOutcome(int frameId, String token, com.fasterxml.jackson.databind.JsonNode output, String error, String cause, boolean failed) implements Inbound {}

        record Heartbeat(int frameId, String token) implements Inbound {}

        record Stop(String error, String cause) implements Inbound {}

        /** Nothing to apply: makes sure a worker looks at the execution (its ready frames changed). */
        record Wake() implements Inbound {}

        record Progress(int frameId, String token, String workerName, com.fasterxml.jackson.databind.JsonNode output, boolean submitted) implements Inbound {}
    }
}
