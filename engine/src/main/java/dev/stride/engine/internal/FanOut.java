package dev.stride.engine.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.stride.asl.model.DataFlow;
import dev.stride.asl.model.IntField;
import dev.stride.asl.model.MapState;
import dev.stride.asl.model.ParallelState;
import dev.stride.asl.model.State;
import dev.stride.asl.model.StateGraph;
import dev.stride.engine.internal.Interpreter.Step;
import dev.stride.expr.ErrorNames;
import dev.stride.expr.Json;
import dev.stride.expr.StatesError;

/**
 * Parallel and Map: start child frames (one per branch or item), collect their outputs in
 * order, and finish the state when all are done or one fails beyond what is tolerated.
 *
 * <p>Children are launched one at a time and each runs until it blocks before the next one is
 * launched, which gives the event order AWS records (iteration by iteration when nothing waits).
 */
final class FanOut {
    private final Interpreter in;

    FanOut(Interpreter in) { this.in = in; }

    Step startParallel(ExecutionRecord ex, MachineIndex m, Frame f, ParallelState p) {
        JsonNode input;
        if (p.common().jsonata()) {
            input = p.flow().arguments() == null ? f.rawInput
                    : p.flow().arguments().evaluate(StateIo.states(f.rawInput, null, null, ContextObject.build(ex, f, null)),
                    new FrameVariables(ex, f), in.budget);
        } else {
            input = p.flow().parameters() == null ? f.effectiveInput : p.flow().parameters().evaluate(in.scope(ex, f, f.effectiveInput, null));
        }
        Events.append(ex, f, in.now(), "ParallelStateStarted", null, null);
        begin(f, p.branches().size(), input, null, 0);
        return resume(ex, m, f, p);
    }

    Step startMap(ExecutionRecord ex, MachineIndex m, Frame f, MapState mp) {
        ArrayNode items = MapItems.items(in, ex, f, mp);
        int maxConcurrency = (int) MapItems.count(in, ex, f, mp, mp.maxConcurrency(), "MaxConcurrency");
        ObjectNode started = Events.object().put("length", items.size());
        Events.append(ex, f, in.now(), "MapStateStarted", "mapStateStartedEventDetails", started);
        long toleratedCount = mp.toleratedFailureCount().present()
                ? MapItems.count(in, ex, f, mp, mp.toleratedFailureCount(), "ToleratedFailureCount") : -1;
        double toleratedPct = MapItems.percentage(in, ex, f, mp);
        if (mp.distributed()) {
            String arn = ex.stateMachineArn.replace(":stateMachine:", ":mapRun:") + "/"
                    + (mp.label() != null ? mp.label() : mp.name()) + ":" + in.ids.uuid();
            Events.append(ex, f, in.now(), "MapRunStarted", "mapRunStartedEventDetails", Events.object().put("mapRunArn", arn));
        }
        begin(f, items.size(), f.effectiveInput, items, maxConcurrency);
        f.fan.toleratedFailureCount = toleratedCount;
        f.fan.toleratedFailurePercentage = toleratedPct;
        return resume(ex, m, f, mp);
    }

    private static void begin(Frame f, int count, JsonNode input, ArrayNode items, int maxConcurrency) {
        FanOutProgress fan = new FanOutProgress(); // fresh: nothing of an earlier fan-out (a retry) carries over
        fan.childResults = new JsonNode[count];
        fan.items = items;
        fan.maxConcurrency = maxConcurrency;
        f.fan = fan;
        f.taskInput = input;
        f.phase = Phase.WAIT_CHILDREN;
    }

    /** Launches what may be launched, or finishes the state when every child is done. */
    Step resume(ExecutionRecord ex, MachineIndex m, Frame f, State st) {
        int total = f.fan.childResults.length;
        if (f.fan.childError != null) {
            return f.fan.running == 0 ? fail(ex, f, st) : Step.BLOCKED;
        }
        if (f.fan.launched == total) {
            return f.fan.running == 0 ? succeed(ex, f, st) : Step.BLOCKED;
        }
        if (f.fan.maxConcurrency > 0 && f.fan.running >= f.fan.maxConcurrency) return Step.BLOCKED;
        Frame child = launch(ex, m, f, st, f.fan.launched);
        f.fan.launched++;
        f.fan.running++;
        // Run the new child before launching the next one: parent goes back right behind it.
        ex.ready.addFirst(f.id);
        ex.ready.addFirst(child.id);
        return Step.BLOCKED;
    }

    private Frame launch(ExecutionRecord ex, MachineIndex m, Frame f, State st, int index) {
        if (st instanceof ParallelState p) {
            StateGraph branch = p.branches().get(index);
            Frame child = in.newFrame(ex, f.id, index, branch, f.taskInput);
            child.lastEventId = f.lastEventId;
            child.detached = f.detached;
            return child;
        }
        MapState mp = (MapState) st;
        JsonNode item = f.fan.items.get(index);
        JsonNode input = MapItems.select(in, ex, f, mp, index, item);
        if (!mp.distributed()) {
            Events.appendShaped(ex, f, in.now(), Events.MAP_ITERATION_STARTED, mp.name(), Json.NODES.numberNode(index));
        }
        Frame child = in.newFrame(ex, f.id, index, mp.processor(), input);
        child.lastEventId = f.lastEventId;
        child.detached = f.detached || mp.distributed();
        return child;
    }

    /** A child frame finished: record it and wake the parent. */
    void childDone(ExecutionRecord ex, MachineIndex m, Frame parent, Frame child) {
        parent.fan.running--;
        State st = m.graph(parent.graphId).state(parent.stateName);
        boolean isMap = st instanceof MapState;
        boolean inRun = isMap && ((MapState) st).distributed();
        if (isMap && !inRun) {
            Events.appendShapedWithPrevious(ex, parent, child.lastEventId, in.now(),
                    child.failed ? Events.MAP_ITERATION_FAILED : Events.MAP_ITERATION_SUCCEEDED, st.name(),
                    Json.NODES.numberNode(child.index));
            parent.fan.lastIterationEventId = parent.lastEventId;
        }
        if (!inRun) parent.lastEventId = child.lastEventId;
        if (!child.failed) {
            parent.fan.childResults[child.index] = child.output;
            parent.fan.succeeded++;
        } else {
            parent.fan.failedChildren++;
            if (isMap && tolerated(parent)) {
                parent.fan.childResults[child.index] = StateIo.errorOutput(child.error, child.cause);
            } else if (parent.fan.childError == null) {
                parent.fan.childError = child.error == null ? "" : child.error;
                parent.fan.childCause = child.cause;
                abortChildren(ex, parent);
            }
        }
        if (!ex.ready.contains(parent.id)) ex.ready.addFirst(parent.id);
    }

    private static boolean tolerated(Frame f) {
        int total = f.fan.childResults.length;
        boolean countOk = f.fan.toleratedFailureCount >= 0 && f.fan.failedChildren <= f.fan.toleratedFailureCount;
        boolean pctOk = f.fan.toleratedFailurePercentage >= 0 && total > 0
                && f.fan.failedChildren * 100.0 / total <= f.fan.toleratedFailurePercentage;
        return countOk || pctOk;
    }

    /** Drops every running descendant of the frame (their pending tasks are cancelled). */
    private void abortChildren(ExecutionRecord ex, Frame parent) {
        java.util.List<Frame> doomed = new java.util.ArrayList<>();
        for (Frame f : ex.frames.inIdOrder()) if (descends(ex, f, parent.id)) doomed.add(f);
        for (Frame f : doomed) {
            if (f.phase == Phase.WAIT_TASK && f.taskToken != null) in.effects.cancelTask(ex, f.taskToken);
            ex.frames.remove(f.id);
            ex.ready.remove(f.id);
            if (f.parentId == parent.id) parent.fan.running--;
        }
    }

    private static boolean descends(ExecutionRecord ex, Frame f, int ancestorId) {
        for (Frame p = f; p.parentId >= 0; p = ex.frames.get(p.parentId)) {
            if (p.parentId == ancestorId) return true;
            if (!ex.frames.containsKey(p.parentId)) return false;
        }
        return false;
    }

    private Step succeed(ExecutionRecord ex, Frame f, State st) {
        boolean isMap = st instanceof MapState;
        if (isMap && ((MapState) st).distributed()) {
            Events.append(ex, f, in.now(), "MapRunSucceeded", null, null);
        } else if (isMap && f.fan.lastIterationEventId > 0) {
            f.lastEventId = f.fan.lastIterationEventId;
        }
        if (!f.detached) {
            Events.appendWithPrevious(ex, null, f.lastEventId, in.now(), isMap ? "MapStateSucceeded" : "ParallelStateSucceeded", null, null);
        }
        ArrayNode result = Json.NODES.arrayNode(f.fan.childResults.length);
        for (JsonNode r : f.fan.childResults) result.add(r);
        clear(f);
        f.phase = Phase.ENTER;
        DataFlow flow = isMap ? ((MapState) st).flow() : ((ParallelState) st).flow();
        return in.exitWithResult(ex, f, st, flow, result);
    }

    private Step fail(ExecutionRecord ex, Frame f, State st) {
        boolean isMap = st instanceof MapState;
        String error = f.fan.childError;
        String cause = f.fan.childCause;
        if (isMap && f.fan.toleratedFailureCount >= 0 || isMap && f.fan.toleratedFailurePercentage >= 0) {
            error = ErrorNames.EXCEED_TOLERATED_FAILURE_THRESHOLD;
            cause = "The specified tolerated failure threshold was exceeded";
        }
        if (isMap && ((MapState) st).distributed()) Events.append(ex, f, in.now(), "MapRunFailed", null, null);
        f.pendingFailedEvent = isMap ? "MapStateFailed" : "ParallelStateFailed";
        clear(f);
        f.phase = Phase.ENTER;
        Step s = in.handleError(ex, f, st, error.isEmpty() ? null : error, cause);
        return s;
    }

    /** The state is over: its bookkeeping goes, so the frame (and a snapshot of it) carries none. */
    private static void clear(Frame f) {
        f.fan = null;
        f.taskInput = null;
    }
}
