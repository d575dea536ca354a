package dev.stride.engine.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.stride.asl.model.*;
import dev.stride.engine.ExecutionStatus;
import dev.stride.engine.history.HistoryEvent;
import dev.stride.engine.spi.Clock;
import dev.stride.engine.spi.IdSource;
import dev.stride.expr.ErrorNames;
import dev.stride.expr.Json;
import dev.stride.expr.Scope;
import dev.stride.expr.StatesError;
import dev.stride.expr.jsonata.EvaluationBudget;
import java.util.List;

/**
 * The ASL interpreter: moves the frames of one execution forward until each is blocked.
 *
 * <p>Design notes. Everything an execution is lives in its {@link ExecutionRecord} (frames,
 * history, variables); this class holds no per-execution state, so a record can be saved after
 * any call to {@link #run} and continued by another interpreter. A frame steps through its
 * phases ({@link Phase}); a state that must wait (timer, task, children) asks for an effect
 * and returns BLOCKED; the engine wakes the frame later by putting it back on the ready queue.
 * Errors raised by expressions are {@link StatesError}s caught here and sent through the
 * state's Retry and Catch; an unhandled one ends the frame, and the parent frame (Parallel,
 * Map) or the execution takes it from there.
 */
public final class Interpreter {
    enum Step { CONTINUE, BLOCKED }

    private final Clock clock;
    final IdSource ids;
    final Effects effects;
    final EvaluationBudget budget;
    private final FanOut fanOut;
    private final TaskStep taskStep;
    private final WaitStep waitStep;
    /** AWS's 256 KiB payload quota; raised only for benchmarks that must match engines without it. */
    int maxPayloadBytes = PayloadSize.MAX_PAYLOAD_BYTES;
    /** States entered (state transitions), for metrics. */
    final java.util.concurrent.atomic.LongAdder standardTransitions = new java.util.concurrent.atomic.LongAdder();
    final java.util.concurrent.atomic.LongAdder expressTransitions = new java.util.concurrent.atomic.LongAdder();
    /** AWS's 25,000-event history quota, for Standard executions only; raised only for benchmarks. */
    int maxHistoryEvents = MAX_HISTORY_EVENTS;
    /** Where a distributed Map's ItemReader reads and its ResultWriter writes (S3, wired by the server). */
    dev.stride.engine.spi.ObjectStorage objects = dev.stride.engine.spi.ObjectStorage.NONE;
    /** Live counts of distributed Map Runs, by Map Run ARN (see {@link dev.stride.engine.MapRunProgress}). */
    final java.util.Map<String, dev.stride.engine.MapRunProgress> mapRuns = new java.util.concurrent.ConcurrentHashMap<>();

    Interpreter(Clock clock, IdSource ids, Effects effects, EvaluationBudget budget, String region) {
        this.clock = clock;
        this.ids = ids;
        this.effects = effects;
        this.budget = budget;
        this.fanOut = new FanOut(this);
        this.taskStep = new TaskStep(this, region);
        this.waitStep = new WaitStep(this);
    }

    long now() { return clock.millis(); }

    /** Records ExecutionStarted and makes the first state ready. */
    void start(ExecutionRecord ex, MachineIndex m) {
        Events.appendShaped(ex, null, ex.startMillis, Events.EXECUTION_STARTED, ex.roleArn, ex.input);
        Frame top = newFrame(ex, -1, 0, m.machine().graph(), ex.input);
        ex.ready.addLast(top.id);
        top.lastEventId = 0; // AWS: the first state's Entered event has previousEventId 0
        Integer timeout = m.machine().timeoutSeconds();
        long deadline = timeout == null ? 0 : ex.startMillis + timeout * 1000L;
        if (ex.express) {
            // No history quota for Express (AWS applies it to Standard only): keep the recent
            // events, so a long loop runs in bounded memory; the duration limit stops it instead.
            ex.history.keepLatest(EXPRESS_KEPT_EVENTS);
            long limit = ex.startMillis + EXPRESS_DURATION_MILLIS;
            deadline = deadline == 0 ? limit : Math.min(deadline, limit);
        }
        if (deadline > 0) {
            ex.deadlineMillis = deadline;
            // An Express execution's timer is armed only once it waits (armDeadlineIfWaiting):
            // most end in their first run, and an armed timer would keep each finished one in
            // memory until its five minutes are up.
            if (!ex.express) armDeadline(ex);
        }
    }

    private void armDeadline(ExecutionRecord ex) {
        effects.scheduleTimer(ex, -1, ex.deadlineMillis);
        ex.deadlineArmed = true;
    }

    /** A running execution with nothing ready waits (a timer, a task, children): its deadline must be able to wake it. */
    private void armDeadlineIfWaiting(ExecutionRecord ex) {
        if (!ex.deadlineArmed && ex.deadlineMillis > 0 && ex.status == ExecutionStatus.RUNNING && ex.ready.isEmpty()) armDeadline(ex);
    }

    /** AWS's limit on an Express execution's duration: past it, the execution times out (States.Timeout). */
    static final long EXPRESS_DURATION_MILLIS = 5 * 60_000L;
    /** Events an Express execution's history keeps at least (its latest; as many as a Standard one may have). */
    static final int EXPRESS_KEPT_EVENTS = 25_000;
    /** How often (in states entered) a run that never blocks looks at the clock for the execution's deadline. */
    private static final int DEADLINE_CHECK_STATES = 1024;

    Frame newFrame(ExecutionRecord ex, int parentId, int index, StateGraph graph, JsonNode input) {
        Frame f = new Frame();
        f.id = ex.nextFrameId++;
        f.parentId = parentId;
        f.index = index;
        f.graphId = graph.id();
        f.stateName = graph.startAt();
        f.rawInput = input;
        ex.frames.put(f.id, f);
        return f;
    }

    /** A distributed Map's child execution ended: the Map state's frame counts it and looks again. */
    void mapChildEnded(ExecutionRecord ex, MachineIndex m, Slot.Inbound.ChildEnded ended) {
        fanOut.childEnded(ex, m, ended);
    }

    /** Runs every ready frame until none is ready. */
    public void run(ExecutionRecord ex, MachineIndex m) { run(ex, m, Integer.MAX_VALUE); }

    /**
     * Runs ready frames until none is ready, or until the run has entered {@code stateLimit}
     * states: then the frame about to enter its next state goes back to the front of the ready
     * queue, and the next run continues from there.
     */
    public void run(ExecutionRecord ex, MachineIndex m, int stateLimit) {
        if (ex.status == ExecutionStatus.RUNNING && ex.deadlineMillis > 0 && now() >= ex.deadlineMillis) {
            timeOut(ex);
            return;
        }
        int id;
        try {
            while (ex.status == ExecutionStatus.RUNNING && ex.uncountedTransitions < stateLimit && (id = ex.ready.pollFirst()) >= 0) {
                Frame f = ex.frames.get(id);
                if (f != null) step(ex, m, f, stateLimit);
            }
            armDeadlineIfWaiting(ex);
        } finally {
            countTransitions(ex);
        }
    }

    /** Adds the run's state entries to the engine-wide counters: once per run, not per state. */
    private void countTransitions(ExecutionRecord ex) {
        if (ex.uncountedTransitions == 0) return;
        (ex.express ? expressTransitions : standardTransitions).add(ex.uncountedTransitions);
        ex.uncountedTransitions = 0;
    }

    /** AWS's quota: a Standard execution's history holds at most 25,000 events, the last one being its end. */
    static final int MAX_HISTORY_EVENTS = 25_000;

    private void step(ExecutionRecord ex, MachineIndex m, Frame f, int stateLimit) {
        while (ex.status == ExecutionStatus.RUNNING) {
            if (f.phase == Phase.ENTER && ex.uncountedTransitions >= stateLimit) {
                ex.ready.addFirst(f.id); // between two states: the next run enters this one
                return;
            }
            if (f.phase == Phase.ENTER && pastDeadline(ex)) {
                timeOut(ex); // a loop of Pass and Choice states never waits for the deadline's timer
                return;
            }
            if (!ex.express && ex.lastEventId() >= maxHistoryEvents - 1 && !(f.isTop() && f.phase == Phase.DONE && !f.failed)) {
                historyFull(ex);
                return;
            }
            if (f.phase == Phase.DONE) {
                frameDone(ex, m, f);
                return;
            }
            State st = m.graph(f.graphId).state(f.stateName);
            Step s;
            try {
                s = switch (f.phase) {
                    case ENTER -> enter(ex, m, f, st);
                    case WAIT_TIMER -> waitStep.resume(ex, f, (WaitState) st);
                    case RETRY_WAIT -> now() >= f.timerDue ? act(ex, m, f, st) : Step.BLOCKED;
                    case WAIT_TASK -> taskStep.checkTimeout(ex, f, (TaskState) st);
                    case TASK_DONE -> taskStep.complete(ex, f, (TaskState) st);
                    case WAIT_CHILDREN -> fanOut.resume(ex, m, f, st);
                    case DONE -> throw new IllegalStateException("handled above");
                };
            } catch (StatesError e) {
                String cause = prefixed(f, e.cause());
                if (ErrorNames.QUERY_EVALUATION_ERROR.equals(e.error())) evaluationFailed(ex, f, st, e, cause);
                s = handleError(ex, f, st, e.error(), cause);
            }
            if (s == Step.BLOCKED) return;
        }
    }

    /** Looks at the clock once every {@link #DEADLINE_CHECK_STATES} states: cheap enough for every state entry. */
    private boolean pastDeadline(ExecutionRecord ex) {
        return ex.deadlineMillis > 0 && ex.uncountedTransitions % DEADLINE_CHECK_STATES == DEADLINE_CHECK_STATES - 1
                && now() >= ex.deadlineMillis;
    }

    private Step enter(ExecutionRecord ex, MachineIndex m, Frame f, State st) {
        ex.uncountedTransitions++;
        f.redrivableRun = null; // a retried or caught Map, or any next state: a redrive starts no old run
        f.enteredAtMillis = now();
        f.heartbeatTimedOut = false;
        f.inTask = st instanceof TaskState;
        f.retryCount = 0;
        f.retryCounts = null;
        Events.appendShaped(ex, f, f.enteredAtMillis, EventTypes.entered(st), st.name(), f.rawInput);
        f.enteredEventId = f.lastEventId;
        Common c = st.common();
        f.pendingFailedEvent = null;
        if (!c.jsonata()) f.effectiveInput = c.inputPath() == null && !c.inputPathNull() ? f.rawInput : StateIo.inputPath(c, scope(ex, f, f.rawInput, null));
        else f.effectiveInput = f.rawInput;
        return act(ex, m, f, st);
    }

    /** The state's own work, after StateEntered (and again for each retry). */
    private Step act(ExecutionRecord ex, MachineIndex m, Frame f, State st) {
        // instanceof tests, not a pattern switch: this runs for every state, and most of a short
        // execution runs before the JIT's last tier, where the switch's bootstrap-made type
        // dispatch costs far more than a few class checks.
        if (st instanceof PassState p) return pass(ex, f, p);
        if (st instanceof ChoiceState ch) return choice(ex, f, ch);
        if (st instanceof TaskState t) return taskStep.start(ex, f, t);
        if (st instanceof ParallelState p) return fanOut.startParallel(ex, m, f, p);
        if (st instanceof MapState mp) return fanOut.startMap(ex, m, f, mp);
        if (st instanceof WaitState w) return waitStep.start(ex, f, w);
        if (st instanceof SucceedState s) {
            return exit(ex, f, s, plainOutput(ex, f, s), assign(ex, f, s.common().assign(), f.effectiveInput, null), null);
        }
        return failState(ex, f, (FailState) st);
    }

    private Step pass(ExecutionRecord ex, Frame f, PassState p) {
        if (p.common().jsonata()) {
            return exitJsonata(ex, f, p, null, null);
        }
        JsonNode result;
        if (p.flow().parameters() != null) result = p.flow().parameters().evaluate(scope(ex, f, f.effectiveInput, null));
        else if (p.result() != null) result = p.result();
        else result = f.effectiveInput;
        return exitWithResult(ex, f, p, p.flow(), result);
    }

    /** JSONPath: ResultSelector, ResultPath, OutputPath and Assign; JSONata: Output and Assign. */
    Step exitWithResult(ExecutionRecord ex, Frame f, State st, DataFlow flow, JsonNode result) {
        if (st.common().jsonata()) return exitJsonata(ex, f, st, result, null);
        if (flow.resultSelector() != null) result = flow.resultSelector().evaluate(scope(ex, f, result, null));
        ObjectNode assigned = assign(ex, f, st.common().assign(), result, null);
        JsonNode combined = StateIo.resultPath(flow.resultPath(), f.rawInput, result);
        JsonNode output = outputPath(ex, f, st.common(), combined);
        return exit(ex, f, st, output, assigned, null);
    }

    /** Output and Assign of a JSONata state; both see the variables as they were on entry. */
    Step exitJsonata(ExecutionRecord ex, Frame f, State st, JsonNode result, String next) {
        ObjectNode states = StateIo.states(f.rawInput, result, null, ContextObject.build(ex, f, null));
        ObjectNode assigned = assignJsonata(ex, f, st.common().assign(), states);
        JsonNode output;
        if (st.common().output() != null) output = st.common().output().evaluate(states, new FrameVariables(ex, f), budget);
        else output = result != null ? result : f.rawInput;
        return exit(ex, f, st, output, assigned, next);
    }

    JsonNode plainOutput(ExecutionRecord ex, Frame f, State st) {
        if (st.common().jsonata()) {
            if (st.common().output() == null) return f.rawInput;
            ObjectNode states = StateIo.states(f.rawInput, null, null, ContextObject.build(ex, f, null));
            return st.common().output().evaluate(states, new FrameVariables(ex, f), budget);
        }
        return outputPath(ex, f, st.common(), f.effectiveInput);
    }

    /** OutputPath; without one (the usual case) no scope is built at all. */
    private JsonNode outputPath(ExecutionRecord ex, Frame f, Common c, JsonNode value) {
        if (c.outputPath() == null && !c.outputPathNull()) return value;
        return StateIo.outputPath(c, scope(ex, f, value, null));
    }

    private Step choice(ExecutionRecord ex, Frame f, ChoiceState ch) {
        boolean jsonata = ch.common().jsonata();
        ObjectNode states = jsonata ? StateIo.states(f.rawInput, null, null, ContextObject.build(ex, f, null)) : null;
        Scope scope = scope(ex, f, f.effectiveInput, null);
        List<Choice> choices = ch.choices();
        for (int i = 0, n = choices.size(); i < n; i++) { // indexed: no iterator per evaluation
            Choice c = choices.get(i);
            if (ChoiceEvaluator.matches(c.rule(), scope, states, budget)) {
                return choose(ex, f, ch, c.next(), c.assign(), c.output(), states);
            }
        }
        if (ch.defaultNext() != null) return choose(ex, f, ch, ch.defaultNext(), null, null, states);
        throw new StatesError(ErrorNames.NO_CHOICE_MATCHED, "No Matches!");
    }

    private Step choose(ExecutionRecord ex, Frame f, ChoiceState ch, String next, Assign ruleAssign,
                        dev.stride.expr.jsonata.JsonataTemplate ruleOutput, ObjectNode states) {
        if (ch.common().jsonata()) {
            ObjectNode assigned = mergeAssigned(assignJsonata(ex, f, ch.common().assign(), states), assignJsonata(ex, f, ruleAssign, states));
            JsonNode output = ruleOutput != null ? ruleOutput.evaluate(states, new FrameVariables(ex, f), budget)
                    : ch.common().output() != null ? ch.common().output().evaluate(states, new FrameVariables(ex, f), budget)
                    : f.rawInput;
            return exit(ex, f, ch, output, assigned, next);
        }
        ObjectNode assigned = mergeAssigned(assign(ex, f, ch.common().assign(), f.effectiveInput, null),
                assign(ex, f, ruleAssign, f.effectiveInput, null));
        return exit(ex, f, ch, plainOutput(ex, f, ch), assigned, next);
    }

    /** A Choice's state-level and rule-level Assign, the rule's winning; a new node, the evaluated ones are shared. */
    private static ObjectNode mergeAssigned(ObjectNode a, ObjectNode b) {
        if (a == null) return b;
        if (b == null) return a;
        ObjectNode merged = Json.NODES.objectNode();
        merged.setAll(a);
        merged.setAll(b);
        return merged;
    }

    private Step failState(ExecutionRecord ex, Frame f, FailState fail) {
        String error = fail.error();
        String cause = fail.cause();
        if (fail.common().jsonata()) {
            ObjectNode states = StateIo.states(f.rawInput, null, null, ContextObject.build(ex, f, null));
            if (fail.errorExpr() != null) error = text(fail.errorExpr().evaluate(states, new FrameVariables(ex, f), budget));
            if (fail.causeExpr() != null) cause = text(fail.causeExpr().evaluate(states, new FrameVariables(ex, f), budget));
        } else {
            Scope scope = scope(ex, f, f.rawInput, null);
            if (fail.errorPath() != null) error = text(fail.errorPath().evaluate(scope, "ErrorPath"));
            if (fail.causePath() != null) cause = text(fail.causePath().evaluate(scope, "CausePath"));
        }
        return endFrame(f, null, error, cause);
    }

    private static String text(JsonNode v) {
        return v == null || v.isNull() ? null : v.isTextual() ? v.textValue() : Json.write(v);
    }

    /** Records StateExited and moves to {@code next} (or the state's Next), or ends the frame. */
    Step exit(ExecutionRecord ex, Frame f, State st, JsonNode output, ObjectNode assigned, String next) {
        // Payloads are never mutated, so a state passing on the value it was given (checked when
        // the previous state exited) needs no second walk.
        if (output != f.checkedOutput && PayloadSize.exceeds(output, maxPayloadBytes)) {
            return endFrame(f, null, ErrorNames.DATA_LIMIT_EXCEEDED, "The state/task '" + st.name()
                    + "' returned a result with a size exceeding the maximum number of bytes service limit.");
        }
        f.checkedOutput = output;
        if (assigned != null && assigned.isEmpty()) assigned = null;
        if (assigned != null) {
            String tooBig = VariableLimits.violation(ex, f, assigned);
            if (tooBig != null) return endFrame(f, null, ErrorNames.DATA_LIMIT_EXCEEDED, tooBig);
        }
        if (assigned == null) {
            Events.appendShaped(ex, f, now(), EventTypes.exited(st), st.name(), output);
        } else {
            ObjectNode assignedNow = assigned;
            Events.appendLazy(ex, f, now(), EventTypes.exited(st).type(), "stateExitedEventDetails",
                    () -> Events.exited(st.name(), output, Events.historyForm(assignedNow)));
        }
        if (assigned != null) {
            if (f.variables == null) f.variables = new java.util.LinkedHashMap<>();
            assigned.fields().forEachRemaining(e -> f.variables.put(e.getKey(), e.getValue()));
        }
        String target = next != null ? next : st.common().next();
        if (target == null && (st.common().end() || st instanceof SucceedState)) return endFrame(f, output, null, null);
        f.stateName = target;
        f.rawInput = output;
        f.phase = Phase.ENTER;
        return Step.CONTINUE;
    }

    Step endFrame(Frame f, JsonNode output, String error, String cause) {
        f.phase = Phase.DONE;
        f.output = output;
        f.failed = output == null;
        f.error = error;
        f.cause = cause;
        return Step.CONTINUE;
    }

    /**
     * AWS records a failed JSONata evaluation as EvaluationFailed. Its previousEventId is the
     * state's Entered event for Wait, and the event before Entered for the others (as recorded).
     */
    private void evaluationFailed(ExecutionRecord ex, Frame f, State st, StatesError e, String cause) {
        ObjectNode d = Events.object();
        d.put("cause", cause);
        d.put("error", e.error());
        if (e.location() != null) d.put("location", e.location());
        d.put("state", st.name());
        HistoryEvent entered = ex.history.byId(f.enteredEventId);
        long prev = st instanceof WaitState || entered == null ? f.enteredEventId : entered.previousEventId();
        Events.appendWithPrevious(ex, f, prev, now(), "EvaluationFailed", "evaluationFailedEventDetails", d);
        f.lastEventId = ex.lastEventId();
        if (st instanceof MapState) f.pendingFailedEvent = "MapStateFailed";
    }

    /** Sends an error through the state's Retry and Catch; unhandled, it ends the frame. */
    Step handleError(ExecutionRecord ex, Frame f, State st, String error, String cause) {
        Step s = handleErrorWithoutEvents(ex, f, st, error, cause);
        f.pendingFailedEvent = null;
        return s;
    }

    private Step handleErrorWithoutEvents(ExecutionRecord ex, Frame f, State st, String error, String cause) {
        ErrorHandling eh = switch (st) {
            case TaskState t -> t.errors();
            case ParallelState p -> p.errors();
            case MapState mp -> mp.errors();
            default -> ErrorHandling.NONE;
        };
        if (!ErrorMatcher.isTerminal(error)) {
            for (int i = 0; i < eh.retriers().size(); i++) {
                Retrier r = eh.retriers().get(i);
                if (!matches(f, r.errorEquals(), error)) continue;
                if (f.retryCounts == null) f.retryCounts = new int[eh.retriers().size()];
                if (f.retryCounts[i] >= r.maxAttempts()) break;
                f.retryCounts[i]++;
                f.retryCount++;
                f.timerDue = now() + RetryDelay.millis(r, f.retryCounts[i], ids.random());
                f.phase = Phase.RETRY_WAIT;
                effects.scheduleTimer(ex, f.id, f.timerDue);
                return Step.BLOCKED;
            }
            for (Catcher c : eh.catchers()) {
                if (matches(f, c.errorEquals(), error)) {
                    recordPendingFailed(ex, f);
                    return catchTo(ex, f, st, c, error, cause);
                }
            }
        }
        recordPendingFailed(ex, f);
        return endFrame(f, null, error, cause);
    }

    private static boolean matches(Frame f, java.util.List<String> errorEquals, String error) {
        if (f.heartbeatTimedOut && errorEquals.contains(ErrorNames.HEARTBEAT_TIMEOUT)) return true;
        return ErrorMatcher.matches(errorEquals, error);
    }

    /** An integration reported progress on a waiting task: a worker took it, or it was submitted. */
    void taskProgress(ExecutionRecord ex, MachineIndex m, int frameId, String token, String workerName, JsonNode output, boolean submitted) {
        Frame f = ex.frames.get(frameId);
        if (f != null && token.equals(f.taskToken) && f.phase == Phase.WAIT_TASK) {
            taskStep.progress(ex, f, (TaskState) m.graph(f.graphId).state(f.stateName), workerName, output, submitted);
        }
    }

    /** Map/Parallel record their Failed event only when the error is not retried. */
    private void recordPendingFailed(ExecutionRecord ex, Frame f) {
        if (f.pendingFailedEvent != null) Events.append(ex, f, now(), f.pendingFailedEvent, null, null);
        f.pendingFailedEvent = null;
    }

    private Step catchTo(ExecutionRecord ex, Frame f, State st, Catcher c, String error, String cause) {
        ObjectNode errorOutput = StateIo.errorOutput(error, cause);
        JsonNode output;
        ObjectNode assigned;
        if (st.common().jsonata()) {
            ObjectNode states = StateIo.states(f.rawInput, null, errorOutput, ContextObject.build(ex, f, null));
            assigned = assignJsonata(ex, f, c.assign(), states);
            output = c.output() != null ? c.output().evaluate(states, new FrameVariables(ex, f), budget) : errorOutput;
        } else {
            assigned = assign(ex, f, c.assign(), errorOutput, null);
            output = StateIo.resultPath(c.resultPath(), f.rawInput, errorOutput);
        }
        f.phase = Phase.ENTER;
        return exit(ex, f, st, output, assigned, c.next());
    }

    ObjectNode assign(ExecutionRecord ex, Frame f, Assign a, JsonNode input, String taskToken) {
        if (a == null) return null;
        if (a.jsonata() != null) {
            return assignJsonata(ex, f, a, StateIo.states(f.rawInput, input, null, ContextObject.build(ex, f, taskToken)));
        }
        JsonNode v = a.jsonPath().evaluate(scope(ex, f, input, taskToken));
        return v.isObject() ? (ObjectNode) v : null; // never mutated: templates may share constant parts
    }

    ObjectNode assignJsonata(ExecutionRecord ex, Frame f, Assign a, ObjectNode states) {
        if (a == null) return null;
        JsonNode v = a.jsonata().evaluate(states, new FrameVariables(ex, f), budget);
        return v != null && v.isObject() ? (ObjectNode) v : null;
    }

    Scope scope(ExecutionRecord ex, Frame f, JsonNode input, String taskToken) {
        FrameVariables frameScope = new FrameVariables(ex, f, taskToken);
        return Scope.lazy(input, frameScope, frameScope);
    }

    /** AWS prefixes runtime errors raised while evaluating a state with where it happened. */
    static String prefixed(Frame f, String cause) {
        return "An error occurred while executing the state '" + f.stateName + "' (entered at the event id #"
                + f.enteredEventId + "). " + cause;
    }

    private void frameDone(ExecutionRecord ex, MachineIndex m, Frame f) {
        if (f.isTop()) {
            finish(ex, f);
            return;
        }
        ex.frames.remove(f.id);
        Frame parent = ex.frames.get(f.parentId);
        if (parent != null) fanOut.childDone(ex, m, parent, f);
    }

    private void finish(ExecutionRecord ex, Frame top) {
        long now = now();
        if (top.failed) {
            Events.append(ex, top, now, "ExecutionFailed", "executionFailedEventDetails", Events.errorCause(top.error, top.cause));
            ex.status = ExecutionStatus.FAILED;
            ex.error = top.error;
            ex.cause = top.cause;
        } else {
            JsonNode output = top.output;
            Events.appendShaped(ex, top, now, Events.EXECUTION_SUCCEEDED, null, output);
            ex.status = ExecutionStatus.SUCCEEDED;
            ex.output = top.output;
        }
        ex.stopMillis = now;
        ex.ready.clear();
        effects.finished(ex);
    }

    /**
     * RedriveExecution: reopens a failed, timed-out or aborted execution. The states where it
     * stopped are entered again (a failed Map or Parallel runs again as a whole).
     */
    void redrive(ExecutionRecord ex, MachineIndex m) {
        if (ex.express) throw new IllegalStateException("Express executions cannot be redriven.");
        if (ex.status != ExecutionStatus.FAILED && ex.status != ExecutionStatus.TIMED_OUT && ex.status != ExecutionStatus.ABORTED) {
            throw new IllegalStateException("Execution is " + ex.status + "; only FAILED, TIMED_OUT or ABORTED executions can be redriven.");
        }
        long now = now();
        ex.redriveCount++;
        ex.redriveMillis = now;
        ex.contextExecution = null; // RedriveCount/RedriveTime changed
        Events.append(ex, null, now, "ExecutionRedriven", "executionRedrivenEventDetails",
                Events.object().put("redriveCount", ex.redriveCount));
        int redriven = ex.lastEventId();
        boolean timedOut = ex.status == ExecutionStatus.TIMED_OUT;
        // A failed or stopped distributed Map goes on with its own Map Run (MapRunRedriven), not a new one.
        for (Frame f : ex.frames.inIdOrder()) fanOut.redriveRun(ex, f, redriven);
        ex.status = ExecutionStatus.RUNNING;
        ex.error = null;
        ex.cause = null;
        ex.output = null;
        ex.stopMillis = 0;
        for (Frame f : ex.frames.inIdOrder()) {
            boolean stopped = f.phase == Phase.DONE && f.failed || f.phase == Phase.WAIT_TIMER || f.phase == Phase.RETRY_WAIT
                    || f.phase == Phase.WAIT_TASK || f.phase == Phase.TASK_DONE || f.phase == Phase.ENTER;
            if (!stopped) continue;
            f.phase = Phase.ENTER;
            f.failed = false;
            f.error = null;
            f.cause = null;
            f.taskToken = null;
            f.lastEventId = redriven;
            ex.ready.addLast(f.id);
        }
        Integer timeout = m.machine().timeoutSeconds();
        if (timeout != null && (timedOut || ex.deadlineMillis > 0)) {
            ex.deadlineMillis = now + timeout * 1000L;
            armDeadline(ex);
        }
    }

    /** The history reached its quota: the execution fails (only ExecutionSucceeded may be the last event). */
    private void historyFull(ExecutionRecord ex) {
        end(ex, ExecutionStatus.FAILED, "ExecutionFailed", "executionFailedEventDetails", ErrorNames.RUNTIME,
                "The execution reached the maximum number of history events (" + maxHistoryEvents + ").");
    }

    /** The execution's TimeoutSeconds passed. */
    void timeOut(ExecutionRecord ex) {
        end(ex, ExecutionStatus.TIMED_OUT, "ExecutionTimedOut", "executionTimedOutEventDetails", ErrorNames.TIMEOUT, null);
    }

    /** StopExecution: aborts the active states and the execution. */
    void abort(ExecutionRecord ex, MachineIndex m, String error, String cause) {
        // Innermost first: each waiting state records <Type>StateAborted, then its parents; all at the stop's instant.
        long at = now();
        for (Frame f : ex.frames.innermostFirst()) {
            if (f.phase == Phase.DONE || f.phase == Phase.ENTER || f.detached) continue;
            State st = m.graph(f.graphId).state(f.stateName);
            if (f.fan != null && f.fan.mapRunArn != null) Events.append(ex, f, at, "MapRunAborted", null, null);
            Events.append(ex, f, at, st.common().type() + "StateAborted", null, null);
        }
        end(ex, ExecutionStatus.ABORTED, "ExecutionAborted", "executionAbortedEventDetails", error, cause, at);
    }

    /** A bug in Stride while running this execution: fail it with a clear cause instead of crashing. */
    void crash(ExecutionRecord ex, RuntimeException bug) {
        if (ex.status != ExecutionStatus.RUNNING) return;
        end(ex, ExecutionStatus.FAILED, "ExecutionFailed", "executionFailedEventDetails", ErrorNames.RUNTIME,
                "Internal error in Stride: " + bug);
    }

    /** Ends the execution from outside its states (timeout, stop, quota, bug): records the end, cancels what waits. */
    private void end(ExecutionRecord ex, ExecutionStatus status, String type, String key, String error, String cause) {
        end(ex, status, type, key, error, cause, now());
    }

    private void end(ExecutionRecord ex, ExecutionStatus status, String type, String key, String error, String cause, long at) {
        Events.append(ex, null, at, type, key, Events.errorCause(error, cause));
        ex.status = status;
        ex.error = error;
        ex.cause = cause;
        ex.stopMillis = at;
        cancelAll(ex);
        effects.finished(ex);
    }

    /** After a restore: asks again for every timer and task the saved frames were waiting on. */
    void rearm(ExecutionRecord ex, MachineIndex m) {
        if (ex.status != ExecutionStatus.RUNNING) return;
        if (ex.deadlineMillis > 0) armDeadline(ex);
        for (Frame f : ex.frames.inIdOrder()) {
            switch (f.phase) {
                case WAIT_TIMER, RETRY_WAIT -> effects.scheduleTimer(ex, f.id, f.timerDue);
                case WAIT_TASK -> {
                    TaskState t = (TaskState) m.graph(f.graphId).state(f.stateName);
                    if (f.timerDue > 0) effects.scheduleTimer(ex, f.id, f.timerDue);
                    if (f.heartbeatDue > 0) effects.scheduleTimer(ex, f.id, f.heartbeatDue);
                    effects.dispatchTask(ex, f.id, taskStep.invocation(ex, f, t, f.timeoutSeconds == 0 ? null : f.timeoutSeconds,
                            f.heartbeatSeconds == 0 ? null : f.heartbeatSeconds));
                }
                default -> { }
            }
        }
    }

    private void cancelAll(ExecutionRecord ex) {
        for (Frame f : ex.frames.inIdOrder()) {
            if (f.phase == Phase.WAIT_TASK && f.taskToken != null) effects.cancelTask(ex, f.taskToken);
            if (f.fan != null && f.fan.mapRunArn != null) fanOut.stopChildren(ex, f);
        }
        ex.ready.clear();
    }
}
