package dev.stride.engine.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.stride.asl.model.DataFlow;
import dev.stride.asl.model.IntField;
import dev.stride.asl.model.ItemReader;
import dev.stride.asl.model.ResultWriter;
import dev.stride.engine.MapRunProgress;
import dev.stride.asl.model.MapState;
import dev.stride.asl.model.ParallelState;
import dev.stride.asl.model.State;
import dev.stride.asl.model.StateGraph;
import dev.stride.engine.internal.Interpreter.Step;
import dev.stride.expr.ErrorNames;
import dev.stride.expr.Json;
import dev.stride.expr.StatesError;
import java.util.BitSet;
import java.util.function.IntFunction;

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
        ItemReader reader = mp.itemReader();
        ArrayNode items = reader == null ? MapItems.items(in, ex, f, mp) : null;
        long maxItems = reader == null ? 0 : ItemSource.maxItems(in, ex, f, reader.maxItems());
        int maxConcurrency = (int) MapItems.count(in, ex, f, mp, mp.maxConcurrency(), "MaxConcurrency");
        // AWS: with an ItemReader the items are not known yet when the Map starts (length 0).
        ObjectNode started = Events.object().put("length", items == null ? 0 : items.size());
        Events.append(ex, f, in.now(), "MapStateStarted", "mapStateStartedEventDetails", started);
        long toleratedCount = mp.toleratedFailureCount().present()
                ? MapItems.count(in, ex, f, mp, mp.toleratedFailureCount(), "ToleratedFailureCount") : -1;
        double toleratedPct = MapItems.percentage(in, ex, f, mp);
        String arn = null;
        if (mp.distributed()) {
            arn = ex.stateMachineArn.replace(":stateMachine:", ":mapRun:") + "/"
                    + (mp.label() != null ? mp.label() : mp.name()) + ":" + in.ids.uuid();
            Events.append(ex, f, in.now(), "MapRunStarted", "mapRunStartedEventDetails", Events.object().put("mapRunArn", arn));
        }
        if (reader != null) {
            try {
                items = ItemSource.read(in.objects, reader, ItemSource.parameters(in, ex, f, reader.parameters(), reader.arguments()),
                        maxItems, in.maxPayloadBytes);
            } catch (StatesError e) {
                return runFailed(ex, f, mp, e.error(), e.cause());
            }
        }
        if (mp.itemBatcher() != null && mp.distributed()) items = ItemBatches.of(in, ex, f, mp, items);
        begin(f, items.size(), f.effectiveInput, reader == null ? items : null, maxConcurrency);
        f.fan.toleratedFailureCount = toleratedCount;
        f.fan.toleratedFailurePercentage = toleratedPct;
        if (mp.distributed()) {
            FanOutProgress fan = f.fan;
            fan.mapRunArn = arn;
            fan.fromReader = reader != null;
            fan.batched = mp.itemBatcher() != null;
            if (fan.fromReader) fan.readItems = items;
            else fan.items = items;
            fan.childStart = new long[items.size()];
            fan.childStop = new long[items.size()];
            fan.failedItems = new BitSet();
            fan.expressChildren = mp.expressChildren();
            fan.attached = true;
            MapRunProgress progress = in.mapRuns.computeIfAbsent(arn, a -> new MapRunProgress());
            progress.total = items.size();
            progress.childMachineArn = MapChild.stateMachineArn(arn);
            progress.expressChildren = mp.expressChildren();
            progress.executionArn = ex.executionArn;
        }
        return resume(ex, m, f, mp);
    }

    /** The Map Run failed before or after its children (reading items, writing results): MapRunFailed, MapStateFailed, Catch. */
    private Step runFailed(ExecutionRecord ex, Frame f, MapState mp, String error, String cause) {
        Events.append(ex, f, in.now(), "MapRunFailed", "mapRunFailedEventDetails", Events.object().put("cause", cause).put("error", error));
        f.pendingFailedEvent = "MapStateFailed";
        if (f.fan != null) clear(f);
        f.phase = Phase.ENTER;
        return in.handleError(ex, f, mp, error, cause);
    }

    /** The items (or batches) of a Map; a distributed Map resumed from its snapshot reads its ItemReader again. */
    private JsonNode items(ExecutionRecord ex, Frame f, MapState mp) {
        FanOutProgress fan = f.fan;
        if (!fan.fromReader) return fan.items;
        if (fan.readItems == null) {
            ItemReader r = mp.itemReader();
            ArrayNode items = ItemSource.read(in.objects, r, ItemSource.parameters(in, ex, f, r.parameters(), r.arguments()),
                    ItemSource.maxItems(in, ex, f, r.maxItems()), in.maxPayloadBytes);
            fan.readItems = fan.batched ? ItemBatches.of(in, ex, f, mp, items) : items;
        }
        return fan.readItems;
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
        if (f.fan.mapRunArn != null) return resumeRun(ex, m, f, (MapState) st);
        int total = f.fan.childResults.length;
        if (f.fan.childError != null) {
            return f.fan.running == 0 ? fail(ex, f, st) : Step.BLOCKED;
        }
        if (f.fan.launched == total) {
            return f.fan.running == 0 ? succeed(ex, f, st) : Step.BLOCKED;
        }
        MapRunProgress progress = f.fan.mapRunArn == null ? null : in.mapRuns.get(f.fan.mapRunArn);
        int limit = progress != null && progress.maxConcurrency != null ? progress.maxConcurrency : f.fan.maxConcurrency;
        if (limit > 0 && f.fan.running >= limit) return Step.BLOCKED;
        Frame child = launch(ex, m, f, st, f.fan.launched);
        f.fan.launched++;
        f.fan.running++;
        // Run the new child before launching the next one: parent goes back right behind it.
        ex.ready.addFirst(f.id);
        ex.ready.addFirst(child.id);
        return Step.BLOCKED;
    }

    /** AWS runs at most 10,000 child executions of a Map Run at once (MaxConcurrency 0 means that many). */
    static final int MAX_CHILDREN_AT_ONCE = 10_000;

    /**
     * A distributed Map: its children are executions of their own. Launches as many as the
     * concurrency allows (all in this run: each start is an effect carried out after the run);
     * the Map ends once every launched child has told it its end.
     */
    private Step resumeRun(ExecutionRecord ex, MachineIndex m, Frame f, MapState mp) {
        FanOutProgress fan = f.fan;
        if (!fan.attached) reattach(ex, m, f, mp);
        int total = fan.childResults.length;
        if (fan.childError != null) return fan.running == 0 ? fail(ex, f, mp) : Step.BLOCKED;
        if (fan.launched == total && (fan.rerun == null || fan.rerun.isEmpty())) {
            return fan.running == 0 ? succeed(ex, f, mp) : Step.BLOCKED;
        }
        MapRunProgress progress = in.mapRuns.get(fan.mapRunArn);
        int limit = progress != null && progress.maxConcurrency != null ? progress.maxConcurrency : fan.maxConcurrency;
        if (limit <= 0 || limit > MAX_CHILDREN_AT_ONCE) limit = MAX_CHILDREN_AT_ONCE;
        MachineIndex processor = m.processor(mp);
        while (fan.rerun != null && !fan.rerun.isEmpty() && fan.running < limit) {
            int index = fan.rerun.nextSetBit(0);
            fan.rerun.clear(index);
            fan.childStart[index] = in.now();
            launchChild(ex, f, mp, processor, index, true);
            fan.running++;
            if (progress != null) progress.running++;
        }
        while (fan.launched < total && fan.running < limit) {
            int index = fan.launched;
            fan.childStart[index] = in.now();
            launchChild(ex, f, mp, processor, index, false);
            fan.launched++;
            fan.running++;
            if (progress != null) progress.running++;
        }
        if (progress != null) progress.launched = fan.launched;
        return Step.BLOCKED;
    }

    private void launchChild(ExecutionRecord ex, Frame f, MapState mp, MachineIndex processor, int index, boolean redrive) {
        FanOutProgress fan = f.fan;
        JsonNode item = items(ex, f, mp).get(index);
        JsonNode input = fan.batched ? item : MapItems.select(in, ex, f, mp, index, item);
        String runArn = fan.mapRunArn;
        in.effects.startMapChild(ex, new MapChild(MapChild.executionArn(runArn, index, fan.expressChildren), MapChild.name(runArn, index),
                MapChild.stateMachineArn(runArn), runArn, ex.executionArn, f.id, index, input, fan.expressChildren, ex.roleArn, processor,
                redrive, ex.rootArn != null ? ex.rootArn : ex.executionArn));
    }

    /**
     * The execution was loaded from the store: its children do not know this engine yet. Every
     * child launched and not counted as ended is launched again; one that exists already (it ran
     * on, or finished, while the parent's snapshot grew older) is found instead of started twice.
     */
    private void reattach(ExecutionRecord ex, MachineIndex m, Frame f, MapState mp) {
        FanOutProgress fan = f.fan;
        fan.attached = true;
        MapRunProgress progress = in.mapRuns.computeIfAbsent(fan.mapRunArn, a -> new MapRunProgress());
        progress.total = fan.childResults.length;
        progress.succeeded = fan.succeeded;
        progress.failed = fan.failedChildren;
        progress.running = fan.running;
        progress.launched = fan.launched;
        progress.childMachineArn = MapChild.stateMachineArn(fan.mapRunArn);
        progress.expressChildren = fan.expressChildren;
        progress.executionArn = ex.executionArn;
        if (fan.childError != null) return;
        MachineIndex processor = m.processor(mp);
        for (int i = 0; i < fan.launched; i++) {
            if (fan.childStop[i] == 0 && (fan.rerun == null || !fan.rerun.get(i))) launchChild(ex, f, mp, processor, i, fan.redriveCount > 0);
        }
    }

    /**
     * RedriveExecution reached a frame whose distributed Map failed or was stopped: the same Map
     * Run goes on (MapRunRedriven). Children that succeeded keep their results; those that
     * failed, were aborted or never ended run again, and items never launched are launched.
     */
    void redriveRun(ExecutionRecord ex, Frame f, int redrivenEventId) {
        FanOutProgress fan;
        if (f.phase == Phase.DONE && f.failed && f.redrivableRun != null) fan = f.redrivableRun;
        else if (f.phase == Phase.WAIT_CHILDREN && f.fan != null && f.fan.mapRunArn != null) fan = f.fan;
        else return;
        f.redrivableRun = null;
        fan.rerun = new BitSet();
        for (int i = 0; i < fan.launched; i++) {
            boolean succeeded = fan.childStop[i] != 0 && !fan.failedItems.get(i);
            if (succeeded) continue;
            if (fan.failedItems.get(i)) fan.failedChildren--;
            fan.failedItems.clear(i);
            fan.childStop[i] = 0;
            fan.childResults[i] = null;
            fan.rerun.set(i);
        }
        fan.running = 0;
        fan.childError = null;
        fan.childCause = null;
        fan.redriveCount++;
        fan.attached = true;
        f.fan = fan;
        f.phase = Phase.WAIT_CHILDREN;
        f.failed = false;
        f.error = null;
        f.cause = null;
        f.pendingFailedEvent = null;
        f.lastEventId = redrivenEventId;
        Events.append(ex, f, in.now(), "MapRunRedriven", "mapRunRedrivenEventDetails",
                Events.object().put("mapRunArn", fan.mapRunArn).put("redriveCount", fan.redriveCount));
        MapRunProgress progress = in.mapRuns.computeIfAbsent(fan.mapRunArn, a -> new MapRunProgress());
        progress.total = fan.childResults.length;
        progress.succeeded = fan.succeeded;
        progress.failed = 0;
        progress.aborted = 0;
        progress.running = 0;
        progress.launched = fan.launched;
        progress.over = false;
        progress.childMachineArn = MapChild.stateMachineArn(fan.mapRunArn);
        progress.expressChildren = fan.expressChildren;
        ex.ready.addLast(f.id);
    }

    /** A child execution of a distributed Map ended: count it once, keep its result, and look at the Map again. */
    void childEnded(ExecutionRecord ex, MachineIndex m, Slot.Inbound.ChildEnded ended) {
        Frame f = ex.frames.get(ended.frameId());
        if (f == null || f.fan == null || !ended.mapRunArn().equals(f.fan.mapRunArn)) return; // an earlier run's
        FanOutProgress fan = f.fan;
        int i = ended.index();
        if (i >= fan.launched || fan.childStop[i] != 0 || fan.childError != null) return; // counted already, or stopped
        fan.childStop[i] = Math.max(1, ended.stopMillis());
        if (ended.startMillis() > 0) fan.childStart[i] = ended.startMillis();
        fan.running--;
        boolean failed = ended.status() != dev.stride.engine.ExecutionStatus.SUCCEEDED;
        MapRunProgress progress = in.mapRuns.get(fan.mapRunArn);
        if (progress != null) {
            progress.running--;
            if (failed) progress.failed++;
            else progress.succeeded++;
        }
        if (!failed) {
            fan.childResults[i] = ended.output();
            fan.succeeded++;
        } else {
            fan.failedItems.set(i);
            fan.failedChildren++;
            if (tolerated(f)) {
                fan.childResults[i] = StateIo.errorOutput(ended.error(), ended.cause());
            } else {
                fan.childError = ended.error() == null ? "" : ended.error();
                fan.childCause = ended.cause();
                stopChildren(ex, f);
            }
        }
        if (!ex.ready.contains(f.id)) ex.ready.addLast(f.id);
    }

    /** Stops every child of the frame's Map Run still running (the Map failed, or its execution ended). */
    void stopChildren(ExecutionRecord ex, Frame f) {
        FanOutProgress fan = f.fan;
        if (fan.childStop == null) return;
        for (int i = 0; i < fan.launched; i++) {
            if (fan.childStop[i] != 0) continue;
            in.effects.stopMapChild(ex, MapChild.executionArn(fan.mapRunArn, i, fan.expressChildren), null, null);
        }
        fan.running = 0;
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
        JsonNode item = items(ex, f, mp).get(index);
        JsonNode input = MapItems.select(in, ex, f, mp, index, item);
        Events.appendShaped(ex, f, in.now(), Events.MAP_ITERATION_STARTED, mp.name(), Json.NODES.numberNode(index));
        Frame child = in.newFrame(ex, f.id, index, mp.processor(), input);
        child.lastEventId = f.lastEventId;
        child.detached = f.detached;
        return child;
    }

    /** A child frame finished: record it and wake the parent. */
    void childDone(ExecutionRecord ex, MachineIndex m, Frame parent, Frame child) {
        parent.fan.running--;
        State st = m.graph(parent.graphId).state(parent.stateName);
        boolean isMap = st instanceof MapState;
        if (isMap) {
            Events.appendShapedWithPrevious(ex, parent, child.lastEventId, in.now(),
                    child.failed ? Events.MAP_ITERATION_FAILED : Events.MAP_ITERATION_SUCCEEDED, st.name(),
                    Json.NODES.numberNode(child.index));
            parent.fan.lastIterationEventId = parent.lastEventId;
        }
        parent.lastEventId = child.lastEventId;
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

    private boolean tolerated(Frame f) {
        int total = f.fan.childResults.length;
        long count = f.fan.toleratedFailureCount;
        double pct = f.fan.toleratedFailurePercentage;
        MapRunProgress progress = f.fan.mapRunArn == null ? null : in.mapRuns.get(f.fan.mapRunArn);
        if (progress != null && progress.toleratedFailureCount != null) count = progress.toleratedFailureCount;
        if (progress != null && progress.toleratedFailurePercentage != null) pct = progress.toleratedFailurePercentage;
        boolean countOk = count >= 0 && f.fan.failedChildren <= count;
        boolean pctOk = pct >= 0 && total > 0 && f.fan.failedChildren * 100.0 / total <= pct;
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
        JsonNode result = null;
        if (isMap && ((MapState) st).distributed()) {
            MapState mp = (MapState) st;
            if (mp.resultWriter() != null) {
                try {
                    result = writeResults(ex, f, mp);
                } catch (StatesError e) {
                    return runFailed(ex, f, mp, e.error(), e.cause());
                }
            }
            Events.append(ex, f, in.now(), "MapRunSucceeded", null, null);
            MapRunProgress progress = in.mapRuns.get(f.fan.mapRunArn);
            if (progress != null) {
                progress.resultsWritten = f.fan.childResults.length;
                progress.over = true;
            }
        } else if (isMap && f.fan.lastIterationEventId > 0) {
            f.lastEventId = f.fan.lastIterationEventId;
        }
        if (!f.detached) {
            Events.appendWithPrevious(ex, null, f.lastEventId, in.now(), isMap ? "MapStateSucceeded" : "ParallelStateSucceeded", null, null);
        }
        if (result == null) {
            ArrayNode all = Json.NODES.arrayNode(f.fan.childResults.length);
            for (JsonNode r : f.fan.childResults) all.add(r);
            result = all;
        }
        clear(f);
        f.phase = Phase.ENTER;
        DataFlow flow = isMap ? ((MapState) st).flow() : ((ParallelState) st).flow();
        return in.exitWithResult(ex, f, st, flow, result);
    }

    /** ResultWriter: the result files and manifest (or, with only WriterConfig, the transformed results). */
    private JsonNode writeResults(ExecutionRecord ex, Frame f, MapState mp) {
        FanOutProgress fan = f.fan;
        String runArn = fan.mapRunArn;
        String childMachine = MapChild.stateMachineArn(runArn);
        JsonNode items = items(ex, f, mp);
        IntFunction<ResultFiles.Child> child = i -> {
            if (fan.childResults[i] == null && fan.childStop[i] == 0) return null;
            JsonNode input = fan.batched ? items.get(i) : MapItems.select(in, ex, f, mp, i, items.get(i));
            return new ResultFiles.Child(MapChild.executionArn(runArn, i, fan.expressChildren), MapChild.name(runArn, i),
                    fan.failedItems.get(i), input, fan.childResults[i],
                    fan.childStart[i], fan.childStop[i]);
        };
        ResultWriter w = mp.resultWriter();
        if (!ResultFiles.exports(w)) return ResultFiles.transformed(w, childMachine, fan.childResults.length, child);
        JsonNode params = ItemSource.parameters(in, ex, f, w.parameters(), w.arguments());
        return ResultFiles.write(in.objects, w, params, runArn, childMachine, fan.childResults.length, child);
    }

    private Step fail(ExecutionRecord ex, Frame f, State st) {
        boolean isMap = st instanceof MapState;
        String error = f.fan.childError;
        String cause = f.fan.childCause;
        if (isMap && f.fan.toleratedFailureCount >= 0 || isMap && f.fan.toleratedFailurePercentage >= 0) {
            error = ErrorNames.EXCEED_TOLERATED_FAILURE_THRESHOLD;
            cause = "The specified tolerated failure threshold was exceeded";
        }
        if (isMap && ((MapState) st).distributed()) {
            MapState mp = (MapState) st;
            // The results written so far are exported when the run fails too (the manifest's FAILED and PENDING files).
            if (mp.resultWriter() != null && ResultFiles.exports(mp.resultWriter())) {
                try {
                    writeResults(ex, f, mp);
                } catch (StatesError e) {
                    error = e.error();
                    cause = e.cause();
                }
            }
            Events.append(ex, f, in.now(), "MapRunFailed", null, null);
            MapRunProgress progress = f.fan.mapRunArn == null ? null : in.mapRuns.get(f.fan.mapRunArn);
            if (progress != null) {
                progress.aborted = progress.total - progress.succeeded - progress.failed;
                progress.running = 0;
                progress.over = true;
            }
        }
        f.pendingFailedEvent = isMap ? "MapStateFailed" : "ParallelStateFailed";
        FanOutProgress failedRun = isMap && f.fan.mapRunArn != null ? f.fan : null;
        clear(f);
        f.phase = Phase.ENTER;
        Step s = in.handleError(ex, f, st, error.isEmpty() ? null : error, cause);
        if (failedRun != null && f.phase == Phase.DONE && f.failed) f.redrivableRun = failedRun; // not caught: redrivable
        return s;
    }

    /** The state is over: its bookkeeping goes, so the frame (and a snapshot of it) carries none. */
    private static void clear(Frame f) {
        f.fan = null;
        f.taskInput = null;
    }
}
