package dev.stride.api;

import com.fasterxml.jackson.databind.JsonNode;
import dev.stride.asl.model.MapState;
import dev.stride.asl.model.ParallelState;
import dev.stride.asl.model.State;
import dev.stride.asl.model.StateGraph;
import dev.stride.engine.history.HistoryEvent;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Map Runs as the API shows them, read from the parent execution's history: the engine runs a
 * distributed Map's items as child executions and records {@code MapRunStarted {mapRunArn}}, then
 * {@code MapRunSucceeded}, {@code MapRunFailed} or {@code MapRunAborted} whose previousEventId is
 * the MapRunStarted's id (live item counts come from the engine, see MapRunActions).
 * A run the history never closes ended with its execution (ABORTED at the execution's end).
 *
 * <p>Map Run ARNs are {@code arn:aws:states:REGION:ACCOUNT:mapRun:SM_NAME/MAP_STATE_NAME:UUID}.
 * Which execution a run belongs to is remembered once seen; otherwise the state machine's
 * executions are scanned (newest first). UpdateMapRun's values are kept here, in memory.
 */
final class MapRuns {
    enum Status { RUNNING, SUCCEEDED, FAILED, ABORTED }

    /**
     * One Map Run. {@code total} is the item count from the MapStateStarted before it;
     * {@code stopMillis} is 0 while it runs.
     */
    record Run(String arn, ExecutionEntry execution, String mapName, Status status, long startMillis, long stopMillis,
               int total, int redriveCount, long redriveMillis) {

        /** The Map Run's own state machine ARN, as AWS names it: {@code ...:stateMachine:SM_NAME/MAP_STATE_NAME}. */
        String stateMachineArn() {
            String base = arn.substring(0, arn.lastIndexOf(':'));
            return base.replaceFirst(":mapRun:", ":stateMachine:");
        }
    }

    /** Settings given by UpdateMapRun; null members were not given. */
    record Settings(Integer maxConcurrency, Double toleratedFailurePercentage, Long toleratedFailureCount) {
        Settings merge(Settings newer) {
            return new Settings(newer.maxConcurrency != null ? newer.maxConcurrency : maxConcurrency,
                    newer.toleratedFailurePercentage != null ? newer.toleratedFailurePercentage : toleratedFailurePercentage,
                    newer.toleratedFailureCount != null ? newer.toleratedFailureCount : toleratedFailureCount);
        }
    }

    private static final int MAX_ARN = 2000;
    private final ApiContext ctx;
    private final Map<String, String> executionOf = new ConcurrentHashMap<>();
    private final Map<String, Settings> updates = new ConcurrentHashMap<>();

    MapRuns(ApiContext ctx) { this.ctx = ctx; }

    /** Every Map Run the execution started, in the order they started. */
    List<Run> runs(ExecutionEntry e) {
        List<HistoryEvent> events = ctx.engine.history(e.arn());
        if (events == null) throw ApiError.executionDoesNotExist(e.arn());
        Map<String, RunBuilder> runs = new LinkedHashMap<>();
        Map<Long, RunBuilder> byOpener = new LinkedHashMap<>();
        Map<Long, HistoryEvent> byId = new LinkedHashMap<>();
        HistoryEvent lastMapStarted = null;
        for (HistoryEvent ev : events) {
            byId.put(ev.id(), ev);
            switch (ev.type()) {
                case "MapStateStarted" -> lastMapStarted = ev;
                case "MapRunStarted", "MapRunRedriven" -> {
                    String arn = text(ev, "mapRunArn");
                    if (arn == null) continue;
                    RunBuilder run = runs.get(arn);
                    if (run == null) {
                        run = new RunBuilder(arn, ev.timestampMillis(), length(byId.get(ev.previousEventId()), lastMapStarted));
                        runs.put(arn, run);
                        executionOf.put(arn, e.arn());
                    } else {
                        run.redriveCount++;
                        run.redriveMillis = ev.timestampMillis();
                    }
                    run.status = Status.RUNNING;
                    run.stopMillis = 0;
                    byOpener.put(ev.id(), run);
                }
                case "MapRunSucceeded" -> close(byOpener, ev, Status.SUCCEEDED);
                case "MapRunFailed" -> close(byOpener, ev, Status.FAILED);
                case "MapRunAborted" -> close(byOpener, ev, Status.ABORTED);
                case "ExecutionSucceeded", "ExecutionFailed", "ExecutionAborted", "ExecutionTimedOut" -> {
                    // Whatever Map Run is still open ended with the execution.
                    for (RunBuilder open : byOpener.values()) open.end(Status.ABORTED, ev.timestampMillis());
                    byOpener.clear();
                }
                default -> { }
            }
        }
        List<Run> out = new ArrayList<>();
        for (RunBuilder b : runs.values()) {
            out.add(new Run(b.arn, e, mapName(b.arn), b.status, b.startMillis, b.stopMillis, b.total, b.redriveCount, b.redriveMillis));
        }
        return out;
    }

    private static final class RunBuilder {
        final String arn;
        final long startMillis;
        final int total;
        Status status = Status.RUNNING;
        long stopMillis;
        int redriveCount;
        long redriveMillis;

        RunBuilder(String arn, long startMillis, int total) {
            this.arn = arn;
            this.startMillis = startMillis;
            this.total = total;
        }

        void end(Status how, long at) {
            status = how;
            stopMillis = at;
        }
    }

    /** Closes the run the event points back to (its previousEventId is the opener's id), else the latest open one. */
    private static void close(Map<Long, RunBuilder> byOpener, HistoryEvent ev, Status how) {
        RunBuilder run = byOpener.remove(ev.previousEventId());
        if (run == null && !byOpener.isEmpty()) {
            Long latest = null;
            for (Long id : byOpener.keySet()) latest = id;
            run = byOpener.remove(latest);
        }
        if (run != null) run.end(how, ev.timestampMillis());
    }

    private static int length(HistoryEvent previous, HistoryEvent lastMapStarted) {
        HistoryEvent started = previous != null && "MapStateStarted".equals(previous.type()) ? previous : lastMapStarted;
        if (started == null || started.details() == null) return 0;
        JsonNode length = started.details().get("length");
        return length == null ? 0 : length.asInt();
    }

    private static String text(HistoryEvent ev, String member) {
        JsonNode d = ev.details();
        JsonNode v = d == null ? null : d.get(member);
        return v == null || !v.isTextual() ? null : v.textValue();
    }

    /** The Map Run with this ARN: InvalidArn when it is not a Map Run ARN, ResourceNotFound when no execution started it. */
    Run find(String mapRunArn) {
        String smName = machineName(mapRunArn);
        String known = executionOf.get(mapRunArn);
        if (known != null) {
            Run run = inExecution(known, mapRunArn);
            if (run != null) return run;
        }
        // Not seen since this server started: look through the machine's executions, newest first.
        Executions.Filter all = new Executions.Filter(ctx.arn("stateMachine", smName), null, null, null);
        String token = null;
        do {
            Executions.Page page = ctx.executions.page(all, token, Pages.DEFAULT_SIZE * 10);
            for (Executions.Row row : page.rows()) {
                Run run = inExecution(row.entry().arn(), mapRunArn);
                if (run != null) return run;
            }
            token = page.nextToken();
        } while (token != null);
        throw notFound(mapRunArn);
    }

    private Run inExecution(String executionArn, String mapRunArn) {
        ExecutionEntry e = ctx.executions.find(executionArn).orElse(null);
        if (e == null || ctx.engine.history(executionArn) == null) return null;
        for (Run run : runs(e)) if (run.arn.equals(mapRunArn)) return run;
        return null;
    }

    static ApiException notFound(String mapRunArn) {
        return ApiError.RESOURCE_NOT_FOUND.quoting("Resource not found", mapRunArn).member("resourceName", mapRunArn);
    }

    /** Checks the ARN's shape for this region and account and returns the state machine name in it. */
    String machineName(String mapRunArn) {
        String prefix = ctx.arn("mapRun", "");
        if (mapRunArn == null || mapRunArn.length() > MAX_ARN || !mapRunArn.matches("arn:aws[a-z-]*:states:[a-z0-9-]+:\\d{12}:mapRun:.+")) {
            throw ApiError.invalidArn(mapRunArn);
        }
        int slash = mapRunArn.indexOf('/');
        int colon = mapRunArn.lastIndexOf(':');
        if (slash < 0 || colon < slash + 2 || colon == mapRunArn.length() - 1) throw ApiError.invalidArn(mapRunArn);
        if (!mapRunArn.startsWith(prefix)) throw notFound(mapRunArn); // another region or account
        String smName = mapRunArn.substring(prefix.length(), slash);
        if (smName.isEmpty() || smName.contains(":")) throw ApiError.invalidArn(mapRunArn);
        return smName;
    }

    /** The Map state's name inside a Map Run ARN (between the state machine name and the UUID). */
    static String mapName(String mapRunArn) {
        return mapRunArn.substring(mapRunArn.indexOf('/') + 1, mapRunArn.lastIndexOf(':'));
    }

    /** The distributed Map state the run belongs to, from the definition its execution ran, or null. */
    MapState definition(Run run) {
        return find(ctx.compile(run.execution.definition()).graph(), run.mapName);
    }

    private static MapState find(StateGraph graph, String name) {
        MapState fallback = null;
        for (State s : graph.states().values()) {
            if (s instanceof MapState mp) {
                if (mp.common().name().equals(name) && mp.distributed()) return mp;
                MapState inner = find(mp.processor(), name);
                if (inner != null) return inner;
                if (mp.common().name().equals(name)) fallback = mp;
            } else if (s instanceof ParallelState p) {
                for (StateGraph branch : p.branches()) {
                    MapState inner = find(branch, name);
                    if (inner != null) return inner;
                }
            }
        }
        return fallback;
    }

    Settings settings(String mapRunArn) { return updates.get(mapRunArn); }

    void update(String mapRunArn, Settings given) {
        updates.merge(mapRunArn, given, Settings::merge);
    }
}
