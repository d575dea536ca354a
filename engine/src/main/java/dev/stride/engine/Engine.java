package dev.stride.engine;

import com.fasterxml.jackson.databind.JsonNode;
import dev.stride.asl.model.StateMachine;
import dev.stride.engine.history.HistoryEvent;
import dev.stride.engine.internal.MachineIndex;
import dev.stride.engine.internal.Scheduler;
import dev.stride.engine.internal.VirtualClock;
import dev.stride.engine.spi.Clock;
import dev.stride.engine.spi.IdSource;
import dev.stride.engine.spi.TaskIntegration;
import dev.stride.engine.spi.TaskInvocation;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Stride's engine facade: start executions of compiled state machines, follow them, and feed
 * them task outcomes. Create one with {@link #builder()}.
 */
public final class Engine implements AutoCloseable {
    private final Scheduler scheduler;
    private final IdSource ids;
    private final String region;
    private final String account;
    private final ArnParts arns;
    /** By identity: a StateMachine record's own hash walks the whole definition. */
    private final Map<StateMachine, MachineIndex> indexes = java.util.Collections.synchronizedMap(new java.util.IdentityHashMap<>());
    private final int recovered;
    private final List<java.util.function.Consumer<ExecutionView>> startListeners = new java.util.concurrent.CopyOnWriteArrayList<>();

    private Engine(Builder b) {
        this.ids = b.ids;
        this.region = b.region;
        this.account = b.account;
        this.arns = ArnParts.of(b.region, b.account);
        Clock clock = b.virtualTime ? new VirtualClock(b.clock.millis()) : b.clock;
        this.scheduler = new Scheduler(clock, b.ids, b.integrations, b.workers, b.region, b.budget, b.store);
        scheduler.maxPayloadBytes(b.maxPayloadBytes);
        scheduler.maxHistoryEvents(b.maxHistoryEvents);
        if (b.objectStorage != null) scheduler.objectStorage(b.objectStorage);
        scheduler.parkAfter(b.parkAfter.toMillis());
        // Shared by recovery and the waker of parked executions: thousands share one definition.
        Map<String, MachineIndex> compiled = new java.util.concurrent.ConcurrentHashMap<>();
        this.recovered = scheduler.recover(text -> compiled.computeIfAbsent(text, t -> new MachineIndex(
                dev.stride.asl.compile.DefinitionCompiler.compile(dev.stride.asl.read.DefinitionReader.read(t)))));
    }

    public static Builder builder() { return new Builder(); }

    public String region() { return region; }

    /** How many unfinished executions were resumed from the store when this engine started. */
    public int recovered() { return recovered; }

    public String account() { return account; }

    /** Executions held in memory: running and not parked, or finished and not yet forgotten. */
    public int inMemory() { return scheduler.inMemory(); }

    /**
     * Starts an execution and returns its ARN. Its first run (up to 64 states) happens on the
     * calling thread, unless that is one of the engine's own or is inside a run; the rest runs on
     * the engine's workers. A short execution has therefore often ended when this returns.
     */
    public String start(StartRequest req) { return startTimed(req).executionArn(); }

    /** An execution just started: its ARN and its start time, as its history and every view show it. */
    public record Started(String executionArn, long startMillis) {}

    /** {@link #start}, also giving the start time (StartExecution answers it without reading the execution back). */
    public Started startTimed(StartRequest req) {
        String smArn = req.stateMachineArn() != null ? req.stateMachineArn() : arns.defaultMachine;
        String smName = req.stateMachineArn() != null ? smArn.substring(smArn.lastIndexOf(':') + 1) : DEFAULT_MACHINE_NAME;
        String name = req.executionName() != null ? req.executionName() : ids.uuid();
        String arn = executionArn(req.express(), smArn, smName, name);
        String role = req.roleArn() != null ? req.roleArn() : arns.defaultRole;
        // Listeners hear of the start before its first run, which may end it on this thread.
        long startMillis = scheduler.start(index(req.machine()), arn, name, smArn, smName, req.input(), req.express(), role,
                req.annotation(), startListeners.isEmpty() ? null : () -> tellStarted(arn));
        return new Started(arn, startMillis);
    }

    private void tellStarted(String arn) {
        ExecutionView started = describe(arn);
        startListeners.forEach(l -> l.accept(started));
    }

    private static final String DEFAULT_MACHINE_NAME = "Stride";

    /**
     * An execution's ARN: the machine's execution prefix (the last one is kept, as callers
     * usually start one machine many times) and the name, joined by one {@code concat}, which
     * allocates the result alone. A burst of starts on a fresh JVM runs this before the JIT's
     * last tier, where {@code +} is a chain of method-handle calls.
     */
    private String executionArn(boolean express, String machineArn, String machineName, String executionName) {
        MachinePrefix last = lastPrefix;
        if (last == null || last.express() != express || !last.machineArn().equals(machineArn)) {
            last = new MachinePrefix(express, machineArn, executionPrefix(express, machineArn) + machineName + ":");
            lastPrefix = last;
        }
        return last.prefix().concat(executionName);
    }

    /**
     * {@code arn:aws:states:REGION:ACCOUNT:execution:} of the machine's own region and account (a
     * server keeps machines of several), or this engine's when the machine ARN has no such shape.
     */
    private String executionPrefix(boolean express, String machineArn) {
        int at = machineArn.indexOf(":stateMachine:");
        if (!machineArn.startsWith("arn:") || at < 0) return express ? arns.expressPrefix : arns.executionPrefix;
        return machineArn.substring(0, at + 1) + (express ? "express:" : "execution:");
    }

    private record MachinePrefix(boolean express, String machineArn, String prefix) {}

    private volatile MachinePrefix lastPrefix;

    /** The ARN parts that depend only on region and account, built once: start is on the hot path. */
    private record ArnParts(String defaultMachine, String executionPrefix, String expressPrefix, String defaultRole) {
        static ArnParts of(String region, String account) {
            String states = "arn:aws:states:" + region + ":" + account + ":";
            return new ArnParts(states + "stateMachine:" + DEFAULT_MACHINE_NAME, states + "execution:", states + "express:",
                    "arn:aws:iam::" + account + ":role/StrideExecutionRole");
        }
    }

    /** Told of every execution started on this engine (by the API, the CLI or an integration such as nested executions). */
    public void addStartListener(java.util.function.Consumer<ExecutionView> listener) {
        startListeners.add(listener);
        scheduler.onChildStarted(this::tellStarted); // a distributed Map's children too
    }

    /**
     * Told of every execution's end on this engine, once it is committed. Unlike
     * {@link #onCompletion} it keeps nothing per execution, so it suits counters.
     */
    public void addEndListener(java.util.function.Consumer<ExecutionView> listener) { scheduler.addEndListener(listener); }

    private MachineIndex index(StateMachine machine) {
        MachineIndex last = lastIndex;
        if (last != null && last.machine() == machine) return last;
        MachineIndex index = indexes.computeIfAbsent(machine, MachineIndex::new);
        lastIndex = index;
        return index;
    }

    /** The machine started last: callers usually start the same one many times, so skip the lock for it. */
    private volatile MachineIndex lastIndex;

    /**
     * Waits until the execution's start is durably recorded (a Standard execution on a store; at
     * once otherwise). An API that says "started" must not lose the execution in a crash a
     * millisecond later; the wait is one group commit.
     *
     * @throws TimeoutException when the store did not record it in time (it refuses writes, or is far behind)
     */
    public void awaitRecorded(String executionArn, Duration timeout) throws TimeoutException, InterruptedException {
        try {
            scheduler.recorded(executionArn).get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (java.util.concurrent.ExecutionException e) {
            throw new IllegalStateException("execution record wait failed: " + e.getCause(), e.getCause());
        }
    }

    /** Waits until the execution ends and returns its final view. */
    public ExecutionView await(String executionArn, Duration timeout) throws TimeoutException, InterruptedException {
        ExecutionView ended = scheduler.endedView(executionArn);
        if (ended != null) return ended;
        try {
            scheduler.completion(executionArn).get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (java.util.concurrent.ExecutionException e) {
            throw new IllegalStateException("execution wait failed: " + e.getCause(), e.getCause());
        }
        return describe(executionArn);
    }

    public ExecutionView describe(String executionArn) { return scheduler.view(executionArn); }

    /** Whether {@link #list} answers: the engine runs on a store that lists executions. */
    public boolean lists() { return scheduler.store() != null && scheduler.store().lists(); }

    /**
     * A page of stored executions, newest first (see {@link dev.stride.engine.spi.ExecutionStore#list}).
     * An execution started but not yet committed is not in it; every acknowledged Standard start is.
     */
    public List<dev.stride.engine.spi.ExecutionSummary> list(dev.stride.engine.spi.ExecutionQuery query) {
        if (!lists()) throw new UnsupportedOperationException("this engine's store does not list executions");
        return scheduler.store().list(query);
    }

    public List<HistoryEvent> history(String executionArn) { return scheduler.history(executionArn); }

    public boolean sendTaskSuccess(String token, JsonNode output) { return scheduler.completeTask(token, output, null, null, false); }

    public boolean sendTaskFailure(String token, String error, String cause) { return scheduler.completeTask(token, null, error, cause, true); }

    public boolean sendTaskHeartbeat(String token) { return scheduler.heartbeat(token); }

    /** The task waiting on this token (which execution and state asks), empty when the token is unknown or its task has ended. */
    public Optional<TaskInvocation> waitingTask(String token) { return scheduler.waitingTask(token); }

    /**
     * RedriveExecution: continues a FAILED, TIMED_OUT or ABORTED Standard execution from the state(s)
     * where it stopped, recording ExecutionRedriven. Returns the new redrive count.
     *
     * @throws IllegalStateException with the reason when the execution cannot be redriven
     */
    public int redrive(String executionArn) { return scheduler.redrive(executionArn); }

    /** State transitions (states entered) so far, for Standard or Express executions. */
    public long transitions(boolean express) { return scheduler.transitions(express); }

    /** Records that an activity worker took the task (ActivityStarted). */
    public boolean taskStarted(String token, String workerName) { return scheduler.taskProgress(token, workerName, null, false); }

    /** Runs the callback once the execution has ended (at once if it already has). */
    public void onCompletion(String executionArn, java.util.function.Consumer<ExecutionView> callback) {
        var done = scheduler.completion(executionArn);
        if (done == null) throw new IllegalArgumentException("no execution " + executionArn);
        done.thenRun(() -> callback.accept(describe(executionArn)));
    }

    public boolean stop(String executionArn, String error, String cause) { return scheduler.stop(executionArn, error, cause); }

    /** The execution's whole state as JSON, restorable with {@link #restore} in this or another engine. */
    public JsonNode snapshot(String executionArn) { return scheduler.snapshot(executionArn); }

    public void restore(JsonNode snapshot, StateMachine machine) { scheduler.restore(snapshot, index(machine)); }

    /** Drops a finished execution from memory. */
    public void forget(String executionArn) { scheduler.forget(executionArn); }

    public Clock clock() { return scheduler.clock(); }

    /** A distributed Map Run's live counts (UpdateMapRun writes its settings into it), or null when unknown here. */
    public MapRunProgress mapRun(String mapRunArn) { return scheduler.mapRun(mapRunArn); }

    /**
     * The child execution a distributed Map Run starts for item {@code index} (the index-th it
     * launches): children are executions of their own, named after the Map Run and the item.
     */
    /** UpdateMapRun changed the run's settings (written into {@link #mapRun}): its Map launches by them now. */
    public void mapRunUpdated(String mapRunArn) {
        MapRunProgress run = scheduler.mapRun(mapRunArn);
        if (run != null && run.executionArn != null) scheduler.nudge(run.executionArn);
    }

    public String mapRunChild(String mapRunArn, int index, boolean express) { return Scheduler.mapRunChildArn(mapRunArn, index, express); }

    @Override
    public void close() { scheduler.close(); }

    /** Engine settings; defaults suit a laptop. */
    public static final class Builder {
        private Clock clock = Clock.SYSTEM;
        private IdSource ids = IdSource.secure();
        private final List<TaskIntegration> integrations = new ArrayList<>();
        private int workers = Math.max(1, Runtime.getRuntime().availableProcessors());
        private boolean virtualTime;
        private String region = "us-east-1";
        private String account = "123456789012";
        private dev.stride.engine.spi.ExecutionStore store;
        private int maxPayloadBytes = 256 * 1024;
        private int maxHistoryEvents = 25_000;
        private Duration parkAfter = Duration.ofMinutes(1);

        /** The history quota (AWS: 25,000 events). Raise it only to compare with engines that have none. */
        public Builder maxHistoryEvents(int events) { this.maxHistoryEvents = events; return this; }

        /** The payload quota (AWS: 256 KiB). Raise it only to compare with engines that have none. */
        public Builder maxPayloadBytes(int bytes) { this.maxPayloadBytes = bytes; return this; }

        /** Where Standard executions are kept durably; none means in memory only. Express executions stay in memory. */
        public Builder store(dev.stride.engine.spi.ExecutionStore store) { this.store = store; return this; }

        private dev.stride.expr.jsonata.EvaluationBudget budget = dev.stride.expr.jsonata.EvaluationBudget.DEFAULT;

        /** Time and depth allowed to each JSONata evaluation; past it the state fails with States.QueryEvaluationError. */
        public Builder evaluationBudget(dev.stride.expr.jsonata.EvaluationBudget budget) { this.budget = budget; return this; }

        public Builder clock(Clock clock) { this.clock = clock; return this; }

        public Builder ids(IdSource ids) { this.ids = ids; return this; }

        public Builder integration(TaskIntegration integration) { integrations.add(integration); return this; }

        public Builder workers(int workers) { this.workers = workers; return this; }

        /**
         * Durable executions whose next timer is further away than this are dropped from memory
         * once committed and loaded again shortly before it fires (default 1 minute; zero keeps
         * every execution in memory). Ignored without a store and with virtual time.
         */
        public Builder parkAfter(Duration parkAfter) { this.parkAfter = parkAfter; return this; }

        /** Waits and back-offs take no real time: the clock jumps ahead whenever the engine is idle. */
        public Builder virtualTime(boolean virtualTime) { this.virtualTime = virtualTime; return this; }

        public Builder region(String region) { this.region = region; return this; }

        public Builder account(String account) { this.account = account; return this; }

        private dev.stride.engine.spi.ObjectStorage objectStorage;

        /** The object store (S3) distributed Maps read their items from and write their results to. */
        public Builder objectStorage(dev.stride.engine.spi.ObjectStorage storage) { this.objectStorage = storage; return this; }

        public Engine build() { return new Engine(this); }
    }
}
