package dev.stride.engine.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.stride.asl.model.IntField;
import dev.stride.asl.model.TaskState;
import dev.stride.engine.internal.Interpreter.Step;
import dev.stride.engine.spi.TaskInvocation;
import dev.stride.expr.ErrorNames;
import dev.stride.expr.StatesError;

/**
 * Task: builds the task input, records TaskScheduled/TaskStarted, asks the engine to dispatch
 * the task (an effect), and later turns the outcome or a timeout into the state's result or error.
 */
final class TaskStep {
    private final Interpreter in;
    private final String region;

    TaskStep(Interpreter in, String region) {
        this.in = in;
        this.region = region;
    }

    Step start(ExecutionRecord ex, Frame f, TaskState t) {
        String token = in.ids.uuid();
        JsonNode input = taskInput(ex, f, t, token);
        Long timeout = seconds(ex, f, t, t.timeoutSeconds(), "TimeoutSeconds");
        Long heartbeat = seconds(ex, f, t, t.heartbeatSeconds(), "HeartbeatSeconds");
        TaskResource res = TaskResource.of(t.resource());
        long now = in.now();
        TaskEvents.scheduled(ex, f, now, res, regionOf(ex), input, timeout, heartbeat);
        f.taskToken = token;
        f.taskInput = input;
        f.taskSubmitted = false;
        f.taskStarted = TaskEvents.startsAtOnce(TaskEvents.family(res));
        f.phase = Phase.WAIT_TASK;
        f.timerDue = timeout == null ? 0 : now + timeout * 1000;
        f.heartbeatSeconds = heartbeat == null ? 0 : heartbeat;
        f.timeoutSeconds = timeout == null ? 0 : timeout;
        // Activities start the heartbeat clock when a worker takes the task (ActivityStarted).
        boolean waitsForWorker = !TaskEvents.startsAtOnce(TaskEvents.family(res));
        f.heartbeatDue = heartbeat == null || waitsForWorker ? 0 : now + heartbeat * 1000;
        long due = earliest(f.timerDue, f.heartbeatDue);
        if (due > 0) in.effects.scheduleTimer(ex, f.id, due);
        in.effects.dispatchTask(ex, f.id, invocation(ex, f, t, timeout, heartbeat));
        return Step.BLOCKED;
    }

    TaskInvocation invocation(ExecutionRecord ex, Frame f, TaskState t, Long timeout, Long heartbeat) {
        return new TaskInvocation(ex.executionArn, f.stateName, t.resource(), f.taskInput, f.taskToken, timeout, heartbeat, f.retryCount,
                ex.rootArn != null ? ex.rootArn : ex.executionArn);
    }

    private JsonNode taskInput(ExecutionRecord ex, Frame f, TaskState t, String token) {
        if (t.common().jsonata()) {
            if (t.flow().arguments() == null) return f.rawInput;
            ObjectNode states = StateIo.states(f.rawInput, null, null, ContextObject.build(ex, f, token));
            return t.flow().arguments().evaluate(states, new FrameVariables(ex, f), in.budget);
        }
        if (t.flow().parameters() == null) return f.effectiveInput;
        return t.flow().parameters().evaluate(in.scope(ex, f, f.effectiveInput, token));
    }

    private Long seconds(ExecutionRecord ex, Frame f, TaskState t, IntField field, String name) {
        if (!field.present()) return null;
        if (field.constant() != null) return field.constant();
        JsonNode v;
        if (field.path() != null) v = field.path().read(in.scope(ex, f, f.effectiveInput, null));
        else v = field.jsonata().evaluate(StateIo.states(f.rawInput, null, null, ContextObject.build(ex, f, null)),
                new FrameVariables(ex, f), in.budget);
        if (v == null || !v.isIntegralNumber() || v.longValue() <= 0) {
            String error = t.common().jsonata() ? ErrorNames.QUERY_EVALUATION_ERROR : ErrorNames.RUNTIME;
            throw new StatesError(error, "The " + name + " field must be a positive integer but was: " + v);
        }
        return v.longValue();
    }

    /** Woken while waiting: a timeout or a missed heartbeat fails the task with States.Timeout. */
    Step checkTimeout(ExecutionRecord ex, Frame f, TaskState t) {
        long now = in.now();
        boolean timedOut = f.timerDue > 0 && now >= f.timerDue;
        boolean heartbeatMissed = f.heartbeatDue > 0 && now >= f.heartbeatDue;
        if (!timedOut && !heartbeatMissed) return Step.BLOCKED;
        in.effects.cancelTask(ex, f.taskToken);
        TaskResource res = TaskResource.of(t.resource());
        TaskEvents.failed(ex, f, now, res, "TimedOut", ErrorNames.TIMEOUT, null);
        f.taskToken = null;
        f.phase = Phase.ENTER;
        // A missed heartbeat is recorded as States.Timeout but Retry/Catch may name States.HeartbeatTimeout.
        f.heartbeatTimedOut = heartbeatMissed && !timedOut;
        return in.handleError(ex, f, t, ErrorNames.TIMEOUT, null);
    }

    /** The integration reported an outcome (stored in the frame by the engine). */
    Step complete(ExecutionRecord ex, Frame f, TaskState t) {
        TaskResource res = TaskResource.of(t.resource());
        f.taskToken = null;
        f.phase = Phase.ENTER;
        if (f.outcomeFailed) {
            TaskEvents.failed(ex, f, in.now(), res, "Failed", f.outcomeError, f.outcomeCause);
            return in.handleError(ex, f, t, f.outcomeError, f.outcomeCause);
        }
        TaskEvents.succeeded(ex, f, in.now(), res, f.outcomeOutput);
        JsonNode result = f.outcomeOutput;
        f.outcomeOutput = null;
        return in.exitWithResult(ex, f, t, t.flow(), result);
    }

    /** A worker took the task (activities) or the integration submitted it and now waits (callbacks, .sync). */
    void progress(ExecutionRecord ex, Frame f, TaskState t, String workerName, JsonNode submittedOutput, boolean submitted) {
        TaskResource res = TaskResource.of(t.resource());
        if (submitted) {
            if (f.taskSubmitted) return; // at least once: a re-dispatched task reports it again
            f.taskSubmitted = true;
            TaskEvents.submitted(ex, f, in.now(), res, submittedOutput);
            return;
        }
        if (f.taskStarted) return;
        f.taskStarted = true;
        TaskEvents.started(ex, f, in.now(), res, workerName);
        if (f.heartbeatSeconds > 0) {
            f.heartbeatDue = in.now() + f.heartbeatSeconds * 1000;
            in.effects.scheduleTimer(ex, f.id, f.heartbeatDue);
        }
    }

    private static long earliest(long a, long b) {
        if (a == 0) return b;
        if (b == 0) return a;
        return Math.min(a, b);
    }

    /** The execution's own region (its ARN's fourth part): a server answers callers of many regions. */
    private String regionOf(ExecutionRecord ex) {
        String arn = ex.executionArn;
        int a = arn == null ? -1 : nthColon(arn, 3);
        int b = a < 0 ? -1 : arn.indexOf(':', a + 1);
        return b > a + 1 ? arn.substring(a + 1, b) : region;
    }

    private static int nthColon(String s, int n) {
        int at = -1;
        for (int i = 0; i < n && (at = s.indexOf(':', at + 1)) >= 0; i++) { }
        return at;
    }
}
