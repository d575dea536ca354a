package dev.stride.engine.internal;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.PropertyAccessor;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.stride.engine.ExecutionStatus;
import dev.stride.engine.ExecutionView;
import dev.stride.engine.history.HistoryEvent;
import dev.stride.engine.spi.Clock;
import dev.stride.engine.spi.IdSource;
import dev.stride.engine.spi.TaskCompletion;
import dev.stride.engine.spi.TaskIntegration;
import dev.stride.engine.spi.TaskInvocation;
import dev.stride.expr.ErrorNames;
import dev.stride.expr.jsonata.EvaluationBudget;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Drives executions: a small pool of workers, each taking one execution at a time and running
 * it until it is blocked (decide, record, then act), plus one timer thread.
 *
 * <p>Design notes. An execution is processed by at most one thread at a time (its slot's
 * {@code scheduled} flag). Its first run happens on the thread that starts it, for a bounded
 * number of states (see {@link #FIRST_RUN_STATES}); every later run on a worker. Anything
 * arriving from outside (timer, task outcome, stop) goes into the slot's inbox and re-schedules
 * it. Effects the interpreter asks for are buffered per run and carried out after the run's
 * events are committed: timers are armed, tasks dispatched.
 */
public final class Scheduler implements AutoCloseable {
    private final Clock clock;
    private final Interpreter interpreter;
    private final List<TaskIntegration> integrations;
    private final ExecutorService workers;
    private final TimerQueue timers;
    private final Thread timerThread;
    /**
     * Sized for a busy engine from the start (196k executions before it grows; a 1 MB table):
     * growing a large table happens on the thread that starts executions, and in a burst of
     * starts that resizing was a quarter of its time (and deoptimised the start path).
     */
    private final Map<String, Slot> slots = new ConcurrentHashMap<>(1 << 17);
    private final Map<String, TokenRef> tokens = new ConcurrentHashMap<>();
    /** Executions scheduled or being processed, plus synchronous task calls in flight. */
    private final AtomicInteger busy = new AtomicInteger();
    /** Tasks being worked on by an integration itself (not waiting for a callback or a worker). */
    private final java.util.Set<String> inFlight = ConcurrentHashMap.newKeySet();
    private final ThreadLocal<Outbox> outbox = ThreadLocal.withInitial(Outbox::new);
    /** Null for in-memory executions (Express, `stride run`). */
    private final dev.stride.engine.spi.ExecutionStore store;
    private final GroupCommitter committer;
    /** Compiles a stored definition (set by the engine at start; used to reopen stored executions). */
    private volatile java.util.function.Function<String, MachineIndex> compiler;
    /** Null when executions are never parked (no store, or virtual time: its clock jumps to the next armed timer). */
    private Parking parking;
    private Thread parkingThread;
    /** Completion futures of parked executions someone awaits, handed to the slot that loads them again. */
    private final Map<String, java.util.concurrent.CompletableFuture<Void>> parkedWaiters = new ConcurrentHashMap<>();
    private final List<java.util.function.Consumer<ExecutionView>> endListeners = new java.util.concurrent.CopyOnWriteArrayList<>();

    private record TokenRef(Slot slot, int frameId, TaskInvocation invocation) {}

    public Scheduler(Clock clock, IdSource ids, List<TaskIntegration> integrations, int workerCount, String region,
                     EvaluationBudget budget, dev.stride.engine.spi.ExecutionStore store) {
        this.clock = clock;
        this.store = store;
        this.committer = store == null ? null : new GroupCommitter(store);
        this.integrations = List.copyOf(integrations);
        this.interpreter = new Interpreter(clock, ids, new BufferedEffects(), budget, region);
        this.workers = Executors.newFixedThreadPool(workerCount, r -> new EngineThread(r, "stride-worker"));
        this.timers = new TimerQueue(clock, () -> busy.get() == 0, t -> deliver(t.slot(), new Slot.Inbound.TimerFired(t.frameId())));
        this.timerThread = new EngineThread(timers, "stride-timers");
        this.timerThread.start();
    }

    public Clock clock() { return clock; }

    /** The ARN of the child execution a distributed Map Run started (or will start) for item {@code index}. */
    public static String mapRunChildArn(String mapRunArn, int index, boolean express) {
        return MapChild.executionArn(mapRunArn, index, express);
    }

    public void maxPayloadBytes(int bytes) { interpreter.maxPayloadBytes = bytes; }

    public void maxHistoryEvents(int events) { interpreter.maxHistoryEvents = events; }

    /** A distributed Map Run's live counts, or null when this engine has not run it since it started. */
    public dev.stride.engine.MapRunProgress mapRun(String mapRunArn) { return interpreter.mapRuns.get(mapRunArn); }

    /** Where distributed Maps read items and write results. */
    public void objectStorage(dev.stride.engine.spi.ObjectStorage storage) { interpreter.objects = storage; }

    /**
     * Parks durable executions whose next timer is more than {@code millis} away (0 = never).
     * Call before {@link #recover}, which starts the waker.
     */
    public void parkAfter(long millis) {
        if (store != null && millis > 0 && !(clock instanceof VirtualClock)) {
            parking = new Parking(millis, clock, t -> store.parkedDueBefore(t, Parking.BATCH), this::wake);
        }
    }

    /** Told of every execution's end (after it is committed), without holding anything per execution. */
    public void addEndListener(java.util.function.Consumer<ExecutionView> listener) { endListeners.add(listener); }

    /** Executions held in memory (running, or finished and not yet forgotten). */
    public int inMemory() { return slots.size(); }

    public long transitions(boolean express) {
        return (express ? interpreter.expressTransitions : interpreter.standardTransitions).sum();
    }

    /**
     * State entries the first run of an execution may make on the thread that starts it; past
     * them the execution goes on on the workers. Bounds how long a start holds its caller (an API
     * request, say) while sparing a short execution the hand-off to another thread.
     */
    static final int FIRST_RUN_STATES = 64;

    /**
     * Registers the execution and gives it its first run, which records ExecutionStarted (so
     * does an earlier history or snapshot read). The first run happens on the caller's thread
     * when that is not one of the engine's own nor inside a run (a nested start from a task
     * integration), for at most {@link #FIRST_RUN_STATES} state entries; otherwise on a worker.
     *
     * @param registered told once the execution is registered, before its first run (may be null)
     * @return the execution's start time (epoch millis)
     */
    public long start(MachineIndex machine, String executionArn, String name, String stateMachineArn,
                        String stateMachineName, JsonNode input, boolean express, String roleArn, String annotation,
                        Runnable registered) {
        if (committer != null && !express) committer.awaitRoom();
        ExecutionRecord ex = new ExecutionRecord(machine.historyHint());
        ex.executionArn = executionArn;
        ex.name = name;
        ex.stateMachineArn = stateMachineArn;
        ex.stateMachineName = stateMachineName;
        ex.roleArn = roleArn;
        ex.annotation = annotation;
        ex.express = express;
        ex.input = input;
        ex.startMillis = clock.millis();
        Slot slot = new Slot(ex, machine, committer != null && !express);
        slot.startPending = true;
        if (slots.putIfAbsent(executionArn, slot) != null) throw new dev.stride.engine.ExecutionAlreadyExistsException(executionArn);
        if (store != null && !express && store.exists(executionArn)) { // finished, or parked
            slots.remove(executionArn, slot);
            throw new dev.stride.engine.ExecutionAlreadyExistsException(executionArn);
        }
        if (registered != null) registered.run();
        // A short execution run where it starts: no queue, no wake-up of a worker, and its data
        // still in this core's cache. On a burst of starts from one thread, handing each off
        // cost more than running it.
        if (!EngineThread.current() && !outbox.get().bound() && slot.claim()) {
            busy.incrementAndGet();
            process(slot, FIRST_RUN_STATES);
        } else {
            schedule(slot);
        }
        return ex.startMillis;
    }

    /**
     * Records ExecutionStarted and the first frame if that has not happened yet. Under the slot's
     * lock, with the outbox bound to the slot; the caller flushes.
     */
    private void startIfPending(Slot slot) {
        if (!slot.startPending) return;
        slot.startPending = false;
        interpreter.start(slot.record, slot.machine);
    }

    /** For readers of a just-started execution: its history must show ExecutionStarted already. */
    private void startNowIfPending(Slot slot) {
        if (!slot.startPending) return;
        Outbox box = outbox.get().bind(slot);
        startIfPending(slot);
        // Not committed on its own: the first run commits ExecutionStarted with the steps that
        // follow it (one store write instead of two). Only an execution already over commits here.
        box.flush(box.finished || !box.dispatches.isEmpty());
    }

    private void deliver(Slot slot, Slot.Inbound event) {
        slot.deliver(event);
        schedule(slot);
    }

    private void schedule(Slot slot) {
        if (slot.claim()) {
            busy.incrementAndGet();
            workers.execute(new Run(slot));
        }
    }

    /** A worker's turn on one execution. A class, not a capturing lambda: see Events.ENTERED. */
    private final class Run implements Runnable {
        private final Slot slot;

        Run(Slot slot) { this.slot = slot; }

        @Override
        public void run() { process(slot, Integer.MAX_VALUE); }
    }

    /** @param stateLimit state entries this run may make; frames still ready after them go to a worker */
    private void process(Slot slot, int stateLimit) {
        boolean more = false;
        try {
            synchronized (slot) {
                if (slot.parked) {
                    forwardFromParked(slot);
                    return;
                }
                ExecutionRecord ex = slot.record;
                Outbox box = outbox.get().bind(slot);
                startIfPending(slot);
                Slot.Inbound in;
                while ((in = slot.nextInbound()) != null) apply(slot, in);
                try {
                    interpreter.run(ex, slot.machine, stateLimit);
                    more = ex.status == ExecutionStatus.RUNNING && !ex.ready.isEmpty();
                } catch (RuntimeException bug) {
                    // A bug must not take the server down: fail this execution and say why.
                    interpreter.crash(ex, bug);
                }
                box.flush();
            }
        } finally {
            slot.release();
            if (more || slot.hasInbound()) schedule(slot);
            if (busy.decrementAndGet() == 0) timers.poke();
        }
    }

    private void apply(Slot slot, Slot.Inbound in) {
        ExecutionRecord ex = slot.record;
        if (ex.status != ExecutionStatus.RUNNING) return;
        switch (in) {
            case Slot.Inbound.TimerFired t -> {
                if (t.frameId() < 0) {
                    if (ex.deadlineMillis > 0 && clock.millis() >= ex.deadlineMillis) interpreter.timeOut(ex);
                } else if (ex.frames.containsKey(t.frameId()) && !ex.ready.contains(t.frameId())) {
                    ex.ready.addLast(t.frameId());
                }
            }
            case Slot.Inbound.TaskOutcome o -> {
                Frame f = ex.frames.get(o.frameId());
                if (f != null && o.token().equals(f.taskToken) && f.phase == Phase.WAIT_TASK) {
                    f.phase = Phase.TASK_DONE;
                    f.outcomeFailed = o.failed();
                    f.outcomeOutput = o.output();
                    f.outcomeError = o.error();
                    f.outcomeCause = o.cause();
                    ex.ready.addLast(f.id);
                }
            }
            case Slot.Inbound.Heartbeat h -> {
                Frame f = ex.frames.get(h.frameId());
                if (f != null && h.token().equals(f.taskToken) && f.heartbeatSeconds > 0) {
                    f.heartbeatDue = clock.millis() + f.heartbeatSeconds * 1000;
                    timers.add(slot, f.id, f.heartbeatDue);
                }
            }
            case Slot.Inbound.Stop s -> interpreter.abort(ex, slot.machine, s.error(), s.cause());
            case Slot.Inbound.Wake w -> {
                // A Map Run's settings may have changed (UpdateMapRun): its Map looks again at what it may launch.
                for (Frame f : ex.frames.inIdOrder()) {
                    if (f.phase == Phase.WAIT_CHILDREN && f.fan != null && f.fan.mapRunArn != null && !ex.ready.contains(f.id)) ex.ready.addLast(f.id);
                }
            }
            case Slot.Inbound.ChildEnded c -> interpreter.mapChildEnded(ex, slot.machine, c);
            case Slot.Inbound.Progress p -> interpreter.taskProgress(ex, slot.machine, p.frameId(), p.token(), p.workerName(), p.output(), p.submitted());
        }
    }

    // ---- task outcomes from integrations or the API ----

    /** @return false when the token is unknown (or already completed). */
    public boolean completeTask(String token, JsonNode output, String error, String cause, boolean failed) {
        TokenRef ref = tokens.remove(token);
        if (ref == null) return false;
        if (inFlight.remove(token)) busy.decrementAndGet();
        deliver(ref.slot(), new Slot.Inbound.TaskOutcome(ref.frameId(), token, output, error, cause, failed));
        return true;
    }

    /** A worker took the task (activities: ActivityStarted) or the integration submitted it (TaskSubmitted). */
    public boolean taskProgress(String token, String workerName, JsonNode submittedOutput, boolean submitted) {
        TokenRef ref = tokens.get(token);
        if (ref == null) return false;
        deliver(ref.slot(), new Slot.Inbound.Progress(ref.frameId(), token, workerName, submittedOutput, submitted));
        return true;
    }

    public java.util.Optional<TaskInvocation> waitingTask(String token) {
        TokenRef ref = tokens.get(token);
        return ref == null ? java.util.Optional.empty() : java.util.Optional.of(ref.invocation());
    }

    public boolean heartbeat(String token) {
        TokenRef ref = tokens.get(token);
        if (ref == null) return false;
        deliver(ref.slot(), new Slot.Inbound.Heartbeat(ref.frameId(), token));
        return true;
    }

    /** Reopens a failed, timed-out or aborted execution (from memory, or from the store's snapshot). */
    public int redrive(String executionArn) {
        Slot slot = live(executionArn);
        if (slot == null && store != null) {
            var stored = store.find(executionArn);
            if (stored == null) throw new IllegalStateException("Execution Does Not Exist: '" + executionArn + "'");
            if (stored.snapshot() == null || compiler == null) {
                throw new IllegalStateException("Execution " + executionArn + " is " + stored.status() + " and cannot be redriven.");
            }
            slot = reopen(stored, compiler);
            Slot existing = slots.putIfAbsent(executionArn, slot);
            if (existing != null) slot = existing;
        }
        if (slot == null) throw new IllegalStateException("Execution Does Not Exist: '" + executionArn + "'");
        int count;
        synchronized (slot) {
            Outbox box = outbox.get().bind(slot);
            interpreter.redrive(slot.record, slot.machine);
            slot.reopen();
            count = slot.record.redriveCount;
            box.flush();
        }
        // Through the inbox: a worker that just finished this execution may still hold its
        // scheduled flag, and it re-checks the inbox (not the ready frames) before letting go.
        deliver(slot, new Slot.Inbound.Wake());
        return count;
    }

    /** Lets the execution look again at what it waits for (a Map Run's changed concurrency). */
    public void nudge(String executionArn) {
        Slot slot = live(executionArn);
        if (slot != null) deliver(slot, new Slot.Inbound.Wake());
    }

    public boolean stop(String executionArn, String error, String cause) {
        Slot slot = live(executionArn);
        if (slot == null || slot.record.status != ExecutionStatus.RUNNING) return false;
        deliver(slot, new Slot.Inbound.Stop(error, cause));
        return true;
    }

    // ---- reading ----

    public ExecutionView view(String executionArn) {
        Slot slot = slots.get(executionArn);
        if (slot == null) return store == null ? null : Persistence.view(store.find(executionArn));
        return viewOf(slot);
    }

    private static ExecutionView viewOf(Slot slot) {
        ExecutionRecord running = slot.record;
        // A running execution's view is its fixed identity and input: no need to wait for the
        // lock, which a busy execution (a Map Run taking in thousands of child ends) holds for a
        // whole run. Status is read racily on purpose; once it is final, the lock gives the rest.
        if (running.status == ExecutionStatus.RUNNING) {
            return new ExecutionView(running.executionArn, running.name, running.stateMachineArn, ExecutionStatus.RUNNING,
                    running.input, null, null, null, running.startMillis, 0, running.express, running.mapRunArn,
                    running.annotation, slot.machine.sourceText(), running.redriveCount, running.redriveMillis);
        }
        synchronized (slot) {
            ExecutionRecord ex = slot.record;
            return new ExecutionView(ex.executionArn, ex.name, ex.stateMachineArn, ex.status, ex.input, ex.output,
                    ex.error, ex.cause, ex.startMillis, ex.stopMillis, ex.express, ex.mapRunArn,
                    ex.annotation, slot.machine.sourceText(), ex.redriveCount, ex.redriveMillis);
        }
    }

    /**
     * The final view of an execution that has ended and is still in memory; null otherwise. An
     * await after the end (the usual case in a burst) needs no completion future.
     */
    public ExecutionView endedView(String executionArn) {
        Slot slot = slots.get(executionArn);
        if (slot == null) return null;
        synchronized (slot) {
            return slot.ended() ? viewOf(slot) : null;
        }
    }

    public List<HistoryEvent> history(String executionArn) {
        Slot slot = slots.get(executionArn);
        if (slot == null) return store == null || store.find(executionArn) == null ? null : store.history(executionArn);
        synchronized (slot) {
            startNowIfPending(slot);
            return new ArrayList<>(slot.record.history);
        }
    }

    public java.util.concurrent.CompletableFuture<Void> completion(String executionArn) {
        while (true) {
            Slot slot = live(executionArn);
            if (slot == null) {
                ExecutionView v = view(executionArn);
                return v != null && v.status().isFinal() ? java.util.concurrent.CompletableFuture.completedFuture(null) : null;
            }
            synchronized (slot) {
                if (!slot.parked) return slot.done();
            }
            // Parked between the lookup and the lock: look again (it is in the store now).
        }
    }

    public void forget(String executionArn) { slots.remove(executionArn); }

    /**
     * Completes once the execution's start is committed: at once when it is not in memory (then
     * it is in the store, or unknown) or when it is not durable.
     */
    public java.util.concurrent.CompletableFuture<Void> recorded(String executionArn) {
        Slot slot = slots.get(executionArn);
        return slot == null ? java.util.concurrent.CompletableFuture.completedFuture(null) : slot.recorded;
    }

    // ---- snapshots: an execution's whole state as data ----

    private static final ObjectMapper SNAPSHOTS = new ObjectMapper()
            .setVisibility(PropertyAccessor.ALL, JsonAutoDetect.Visibility.NONE)
            .setVisibility(PropertyAccessor.FIELD, JsonAutoDetect.Visibility.ANY)
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false)
            // Null fields left out: read back, a written null would become a NullNode (see Persistence).
            .setSerializationInclusion(com.fasterxml.jackson.annotation.JsonInclude.Include.NON_NULL);

    /** The execution's complete state (frames, timers, variables, history) as JSON. */
    public JsonNode snapshot(String executionArn) {
        Slot slot = slots.get(executionArn);
        synchronized (slot) {
            startNowIfPending(slot);
            return SNAPSHOTS.valueToTree(slot.record);
        }
    }

    /** Continues an execution from a snapshot: re-arms its timers and re-dispatches its tasks. */
    public void restore(JsonNode snapshot, MachineIndex machine) {
        ExecutionRecord ex = SNAPSHOTS.convertValue(snapshot, ExecutionRecord.class);
        Slot slot = new Slot(ex, machine, committer != null && !ex.express);
        slots.put(ex.executionArn, slot);
        if (ex.status.isFinal()) slot.end();
        resume(slot);
    }

    @Override
    public void close() {
        timers.close();
        if (parking != null) {
            parking.close();
            if (parkingThread != null) {
                parkingThread.interrupt();
                try {
                    parkingThread.join(2000); // it must not query the store after the caller closes it
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        }
        workers.shutdown();
        try {
            workers.awaitTermination(5, java.util.concurrent.TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        workers.shutdownNow();
        if (committer != null) committer.close();
    }

    // ---- effects: buffered during a run, carried out after it ----

    private final class BufferedEffects implements Effects {
        @Override
        public void scheduleTimer(ExecutionRecord ex, int frameId, long dueMillis) {
            outbox.get().timers.add(new long[] {frameId, dueMillis});
        }

        @Override
        public void dispatchTask(ExecutionRecord ex, int frameId, TaskInvocation invocation) {
            outbox.get().dispatches.add(new Dispatch(frameId, invocation));
        }

        @Override
        public void cancelTask(ExecutionRecord ex, String taskToken) {
            if (inFlight.remove(taskToken)) busy.decrementAndGet();
            TokenRef ref = tokens.remove(taskToken);
            if (ref != null) outbox.get().cancels.add(ref.invocation());
        }

        @Override
        public void finished(ExecutionRecord ex) {
            outbox.get().finished = true;
        }

        @Override
        public void startMapChild(ExecutionRecord parent, MapChild child) {
            outbox.get().children.add(child);
        }

        @Override
        public void stopMapChild(ExecutionRecord parent, String childArn, String error, String cause) {
            outbox.get().childStops.add(new String[] {childArn, error, cause});
        }
    }

    private final class Outbox {
        /** The execution whose run this thread is in (from {@link #bind} until its flush ends), or null. */
        private Slot slot;
        final List<long[]> timers = new ArrayList<>();
        final List<Dispatch> dispatches = new ArrayList<>();
        final List<TaskInvocation> cancels = new ArrayList<>();
        final List<MapChild> children = new ArrayList<>();
        final List<String[]> childStops = new ArrayList<>();
        boolean finished;

        Outbox bind(Slot s) {
            slot = s;
            return this;
        }

        /** This thread is inside a run: carrying out its effects may start executions (nested ones). */
        boolean bound() { return slot != null; }

        /** Commits the run (durable executions), then carries out its effects. */
        void flush() { flush(true); }

        /** @param commit false: carry the effects out now and leave the events to the next run's commit */
        void flush(boolean commit) {
            try {
                flushBound(commit);
            } finally {
                slot = null;
            }
        }

        private void flushBound(boolean commit) {
            Slot s = slot;
            s.runs++;
            if (!children.isEmpty() || !childStops.isEmpty()) handChildren(s, commit);
            if (!commit || committer == null || s.record.express) {
                // Nothing to wait for (in memory, or left to the next run's commit): carry the
                // effects out now without copying them.
                applyEffects(s, timers, dispatches, cancels, finished);
                timers.clear();
                dispatches.clear();
                cancels.clear();
                finished = false;
                return;
            }
            List<long[]> t = List.copyOf(timers);
            List<Dispatch> d = List.copyOf(dispatches);
            List<TaskInvocation> c = List.copyOf(cancels);
            boolean f = finished;
            timers.clear();
            dispatches.clear();
            cancels.clear();
            finished = false;
            long wake = parking != null && d.isEmpty() && !s.hasInbound() ? parking.wakeTime(s.record) : 0;
            var change = Persistence.change(s.record, s.machine, wake);
            if (change == null) { // nothing new: all of it is committed already
                s.recorded.complete(null);
                applyEffects(s, t, d, c, f);
                startChildren(pendingChildren);
                pendingChildren = null;
                return;
            }
            int run = s.runs;
            List<MapChild> kids = pendingChildren;
            pendingChildren = null;
            committer.submit(change, wake > 0 ? () -> { parkOrApply(s, run, t, d, c, f); startChildren(kids); } : () -> {
                s.recorded.complete(null);
                applyEffects(s, t, d, c, f);
                startChildren(kids);
            });
        }

        /** Child starts and stops of this run, taken out of the outbox; for a committed run they wait for the commit. */
        private List<MapChild> pendingChildren;

        private void handChildren(Slot s, boolean commit) {
            List<MapChild> kids = List.copyOf(children);
            children.clear();
            for (String[] stop : childStops) stopChild(stop[0], stop[1], stop[2]);
            childStops.clear();
            if (!commit || committer == null || s.record.express) startChildren(kids);
            else pendingChildren = kids;
        }
    }

    // ---- distributed Map children: executions of their own, started and told about by the engine ----

    /**
     * Starts children on the workers, never on the thread that flushes: that may be the committer
     * (a durable child's start must not wait on it) or hold the parent's lock.
     */
    private void startChildren(List<MapChild> kids) {
        if (kids == null || kids.isEmpty()) return;
        busy.incrementAndGet();
        workers.execute(() -> {
            try {
                for (MapChild kid : kids) startMapChild(kid);
            } finally {
                if (busy.decrementAndGet() == 0) timers.poke();
            }
        });
    }

    /**
     * Starts one child, unless it exists already (the parent resumed from an older snapshot and
     * launched the item again): a running child will tell its parent when it ends, a finished one
     * is told now.
     */
    private void startMapChild(MapChild c) {
        Slot existing = live(c.executionArn());
        if (existing != null) {
            synchronized (existing) {
                if (!existing.ended()) return;
            }
            if (c.redrive() && !c.express() && existing.record.status != ExecutionStatus.SUCCEEDED) {
                try {
                    redrive(c.executionArn());
                    return;
                } catch (IllegalStateException notRedrivable) {
                    // reported as it ended
                }
            }
            tellParent(existing.record);
            return;
        }
        if (store != null && !c.express()) {
            var stored = store.find(c.executionArn());
            if (stored != null && c.redrive() && stored.status().isFinal() && stored.status() != ExecutionStatus.SUCCEEDED) {
                try {
                    redrive(c.executionArn()); // same child, RedriveCount + 1: its end tells the parent again
                    return;
                } catch (IllegalStateException notRedrivable) {
                    // reported below as it ended
                }
            }
            if (stored != null) {
                Slot parent = live(c.parentArn());
                if (parent != null && stored.status().isFinal()) {
                    deliver(parent, new Slot.Inbound.ChildEnded(c.frameId(), c.index(), c.mapRunArn(), stored.status(),
                            stored.outputJson() == null ? null : dev.stride.expr.Json.parse(stored.outputJson()),
                            stored.error(), stored.cause(), stored.startMillis(), stored.stopMillis()));
                }
                return;
            }
        }
        ExecutionRecord ex = new ExecutionRecord(c.machine().historyHint());
        ex.executionArn = c.executionArn();
        ex.name = c.name();
        ex.stateMachineArn = c.stateMachineArn();
        ex.stateMachineName = c.stateMachineArn().substring(c.stateMachineArn().lastIndexOf(':') + 1);
        ex.roleArn = c.roleArn();
        ex.express = c.express();
        ex.input = c.input();
        ex.startMillis = clock.millis();
        ex.parentArn = c.parentArn();
        ex.parentFrameId = c.frameId();
        ex.childIndex = c.index();
        ex.mapRunArn = c.mapRunArn();
        ex.rootArn = c.rootArn();
        Slot slot = new Slot(ex, c.machine(), committer != null && !c.express());
        slot.startPending = true;
        if (slots.putIfAbsent(ex.executionArn, slot) != null) return;
        var told = childStarted;
        if (told != null) told.accept(ex.executionArn);
        schedule(slot);
    }

    /** Told of each distributed Map child the engine starts (the engine's start listeners), or null. */
    private volatile java.util.function.Consumer<String> childStarted;

    public void onChildStarted(java.util.function.Consumer<String> listener) { this.childStarted = listener; }

    /** A child of a distributed Map ended (and is committed): its parent learns of it through its inbox. */
    private void tellParent(ExecutionRecord child) {
        Slot parent = live(child.parentArn);
        if (parent == null) return; // the parent is over: nobody waits for this child any more
        deliver(parent, new Slot.Inbound.ChildEnded(child.parentFrameId, child.childIndex, child.mapRunArn, child.status,
                child.output, child.error, child.cause, child.startMillis, child.stopMillis));
    }

    private void stopChild(String childArn, String error, String cause) {
        Slot slot = live(childArn);
        if (slot != null) deliver(slot, new Slot.Inbound.Stop(error, cause));
    }

    private void applyEffects(Slot slot, List<long[]> timerList, List<Dispatch> dispatches, List<TaskInvocation> cancels,
                              boolean finished) {
        // Indexed: most runs have no timer, cancel or dispatch, and iterating an empty list still
        // allocates an iterator before the JIT's last tier.
        for (int i = 0; i < timerList.size(); i++) timers.add(slot, (int) timerList.get(i)[0], timerList.get(i)[1]);
        for (int i = 0; i < cancels.size(); i++) {
            TaskInvocation inv = cancels.get(i);
            integrationFor(inv.resource()).ifPresent(integration -> integration.cancel(inv));
        }
        for (int i = 0; i < dispatches.size(); i++) dispatch(slot, dispatches.get(i).frameId(), dispatches.get(i).invocation());
        if (finished) {
            slot.machine.finishedWith(slot.record.history.size());
            if (store != null && !slot.record.express) slots.remove(slot.record.executionArn); // the store has it now
            // An Express child is nobody's to describe (AWS lists none): it leaves nothing behind.
            if (slot.record.parentArn != null && slot.record.express) slots.remove(slot.record.executionArn);
            var waiting = slot.doneIfWanted();
            if (waiting != null) parkedWaiters.remove(slot.record.executionArn, waiting);
            if (!endListeners.isEmpty()) tellEnd(slot); // first: whoever awaits the end sees it counted
            slot.end();
            if (slot.record.parentArn != null) tellParent(slot.record);
        }
    }

    private void tellEnd(Slot slot) {
        ExecutionView ended = viewOf(slot);
        for (var listener : endListeners) {
            try {
                listener.accept(ended);
            } catch (RuntimeException e) {
                System.err.println("stride: an execution-end listener failed: " + e); // must not stop the committer
            }
        }
    }

    // ---- parking: executions waiting for far timers live in the store, not in memory ----

    /**
     * After the commit of a run that left the execution parkable: drops it from memory unless
     * something happened to it since (a later run, an inbound event), in which case its timers
     * are armed as usual. Runs on the committer thread; it waits for the slot's lock only when a
     * worker is running the execution again, which is rare for one that just became parkable.
     */
    private void parkOrApply(Slot slot, int run, List<long[]> t, List<Dispatch> d, List<TaskInvocation> c, boolean f) {
        slot.recorded.complete(null);
        synchronized (slot) {
            if (slot.runs == run && !slot.hasInbound() && slot.record.ready.isEmpty()
                    && slot.record.status == ExecutionStatus.RUNNING) {
                slot.parked = true;
                var waiting = slot.doneIfWanted();
                if (waiting != null) parkedWaiters.putIfAbsent(slot.record.executionArn, waiting);
                slots.remove(slot.record.executionArn, slot);
                return; // its timers stay unarmed: the waker loads it before the earliest is due
            }
        }
        applyEffects(slot, t, d, c, f);
    }

    /**
     * An event reached a slot that was parked meanwhile: hand it to the execution's live slot
     * (loading it from the store). Timers are dropped: the loaded slot arms its own.
     */
    private void forwardFromParked(Slot parked) {
        Slot.Inbound in;
        while ((in = parked.nextInbound()) != null) {
            if (in instanceof Slot.Inbound.TimerFired) continue;
            Slot live = live(parked.record.executionArn);
            if (live != null) deliver(live, in);
        }
    }

    /** The waker found a parked execution due soon: load it unless it is in memory already. */
    private void wake(String executionArn) {
        if (!slots.containsKey(executionArn)) live(executionArn);
    }

    /**
     * The execution's slot in memory, loading a parked execution from the store (then arming its
     * timers as recovery does); null when it is neither in memory nor running in the store.
     */
    private Slot live(String executionArn) {
        Slot slot = slots.get(executionArn);
        if (slot != null || parking == null || compiler == null) return slot;
        boolean[] loaded = {false};
        slot = slots.computeIfAbsent(executionArn, arn -> {
            var stored = store.find(arn);
            if (stored == null || stored.status() != ExecutionStatus.RUNNING || stored.express() || stored.snapshot() == null) {
                return null;
            }
            Slot s = reopen(stored, compiler);
            var waiter = parkedWaiters.get(arn);
            if (waiter != null) s.adoptDone(waiter);
            loaded[0] = true;
            return s;
        });
        if (loaded[0]) resume(slot);
        return slot;
    }

    /** A stored execution as a slot: its snapshot, its history and its compiled definition. */
    private Slot reopen(dev.stride.engine.spi.StoredExecution stored, java.util.function.Function<String, MachineIndex> compile) {
        return new Slot(Persistence.record(stored, store.history(stored.executionArn())), compile.apply(stored.definition()), true);
    }

    /** Arms a reopened execution's timers, re-dispatches its tasks and lets a worker look at it. */
    private void resume(Slot slot) {
        synchronized (slot) {
            Outbox box = outbox.get().bind(slot);
            interpreter.rearm(slot.record, slot.machine);
            box.flush();
        }
        schedule(slot);
    }

    /** Resumes every execution the store holds unfinished: re-arms timers, re-dispatches tasks. */
    public int recover(java.util.function.Function<String, MachineIndex> compile) {
        this.compiler = compile;
        if (store == null) return 0;
        int n = 0;
        for (var stored : store.unfinished()) {
            Slot slot = reopen(stored, compile);
            slots.put(stored.executionArn(), slot);
            resume(slot);
            n++;
        }
        if (parking != null) {
            // Parked executions stay in the store; the waker loads each when its time comes near
            // (at once for those that came due while the engine was down).
            parkingThread = new EngineThread(parking, "stride-parking");
            parkingThread.start();
        }
        return n;
    }

    public dev.stride.engine.spi.ExecutionStore store() { return store; }

    private java.util.Optional<TaskIntegration> integrationFor(String resource) {
        for (TaskIntegration i : integrations) if (i.accepts(resource)) return java.util.Optional.of(i);
        return java.util.Optional.empty();
    }

    /** A task to hand to its integration once the run that scheduled it is committed. */
    private record Dispatch(int frameId, TaskInvocation invocation) {}

    private void dispatch(Slot slot, int frameId, TaskInvocation inv) {
        tokens.put(inv.taskToken(), new TokenRef(slot, frameId, inv));
        var integration = integrationFor(inv.resource());
        if (integration.isEmpty()) {
            completeTask(inv.taskToken(), null, ErrorNames.TASK_FAILED,
                    "No integration is configured for resource '" + inv.resource()
                            + "'. Configure a local function, HTTP endpoint or mock for it.", true);
            return;
        }
        // Work an integration does by itself keeps virtual time from jumping past it; a task
        // waiting for someone outside (callback, activity worker) does not.
        if (!inv.resource().endsWith(".waitForTaskToken") && !inv.resource().contains(":activity:") && inFlight.add(inv.taskToken())) {
            busy.incrementAndGet();
        }
        busy.incrementAndGet();
        try {
            integration.get().start(inv, new TaskCompletion() {
                public void succeed(JsonNode output) { completeTask(inv.taskToken(), output, null, null, false); }

                public void fail(String error, String cause) { completeTask(inv.taskToken(), null, error, cause, true); }

                public void heartbeat() { Scheduler.this.heartbeat(inv.taskToken()); }

                public void started(String workerName) { taskProgress(inv.taskToken(), workerName, null, false); }

                public void submitted(JsonNode output) { taskProgress(inv.taskToken(), null, output, true); }
            });
        } catch (RuntimeException e) {
            completeTask(inv.taskToken(), null, ErrorNames.TASK_FAILED, "The integration failed: " + e, true);
        } finally {
            busy.decrementAndGet();
        }
    }
}
