package dev.stride.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.stride.asl.model.MapState;
import java.util.List;
import java.util.Map;

/**
 * ListMapRuns, DescribeMapRun and UpdateMapRun, derived from the parent execution's history and
 * the definition it ran (see {@link MapRuns}).
 *
 * <p>Counts are exact while the engine that runs the Map Run holds its live progress
 * ({@link dev.stride.engine.MapRunProgress}; UpdateMapRun changes a running Map's concurrency and
 * tolerance through it). After a restart they are approximations, because the history records no per-item outcome:
 * the counts follow from the run's status and item total. SUCCEEDED: every item succeeded (and
 * its result was written to the Map's output). FAILED: the smallest number of failures that
 * exceeds the tolerance, the remaining items aborted. ABORTED: every item aborted. RUNNING: up to
 * maxConcurrency items running, the rest pending. One child execution per item (no ItemBatcher).
 * maxConcurrency and the tolerated values are the definition's constants (0 when absent or given by
 * a path or expression) unless UpdateMapRun set them; UpdateMapRun does not change a running Map.
 */
final class MapRunActions {
    private final ApiContext ctx;

    MapRunActions(ApiContext ctx) { this.ctx = ctx; }

    void register(Map<String, Operation> table) {
        table.put("ListMapRuns", this::list);
        table.put("DescribeMapRun", this::describe);
        table.put("UpdateMapRun", this::update);
    }

    private JsonNode list(Request r) {
        ExecutionEntry e = ctx.execution(r.required("executionArn"));
        List<MapRuns.Run> runs = ctx.mapRuns.runs(e);
        ObjectNode out = Wire.object();
        Pages.write(r, runs, MapRuns.Run::arn, out, "mapRuns", run -> {
            ObjectNode item = Wire.object().put("executionArn", run.execution().arn()).put("mapRunArn", run.arn())
                    .put("stateMachineArn", run.stateMachineArn()).put("startDate", Wire.seconds(run.startMillis()));
            if (run.stopMillis() > 0) item.put("stopDate", Wire.seconds(run.stopMillis()));
            return item;
        });
        return out;
    }

    private JsonNode describe(Request r) {
        MapRuns.Run run = ctx.mapRuns.find(r.required("mapRunArn"));
        Limits limits = limits(run);
        ObjectNode out = Wire.object().put("mapRunArn", run.arn()).put("executionArn", run.execution().arn())
                .put("status", run.status().name()).put("startDate", Wire.seconds(run.startMillis()));
        if (run.stopMillis() > 0) out.put("stopDate", Wire.seconds(run.stopMillis()));
        out.put("maxConcurrency", limits.maxConcurrency).put("toleratedFailurePercentage", limits.percentage)
                .put("toleratedFailureCount", limits.count);
        dev.stride.engine.MapRunProgress live = ctx.engine.mapRun(run.arn());
        ObjectNode counts = live != null ? liveCounts(live, run.status() != MapRuns.Status.RUNNING) : counts(run, limits);
        out.set("itemCounts", counts);
        out.set("executionCounts", counts.deepCopy());
        out.put("redriveCount", run.redriveCount());
        if (run.redriveMillis() > 0) out.put("redriveDate", Wire.seconds(run.redriveMillis()));
        return out;
    }

    private JsonNode update(Request r) {
        String arn = r.required("mapRunArn");
        Integer maxConcurrency = r.node("maxConcurrency") == null ? null : r.integer("maxConcurrency", 0);
        if (maxConcurrency != null && maxConcurrency < 0) {
            throw ApiError.constraint("'" + maxConcurrency + "'", "maxConcurrency", "Member must have value greater than or equal to 0");
        }
        Double percentage = number(r, "toleratedFailurePercentage");
        if (percentage != null && (percentage < 0 || percentage > 100)) {
            throw ApiError.constraint("'" + percentage + "'", "toleratedFailurePercentage",
                    percentage < 0 ? "Member must have value greater than or equal to 0" : "Member must have value less than or equal to 100");
        }
        JsonNode countNode = r.node("toleratedFailureCount");
        Long count = null;
        if (countNode != null) {
            if (!countNode.isIntegralNumber() || !countNode.canConvertToLong()) {
                throw ApiError.SERIALIZATION.with("Expected a long for member 'toleratedFailureCount'");
            }
            count = countNode.longValue();
            if (count < 0) throw ApiError.constraint("'" + count + "'", "toleratedFailureCount", "Member must have value greater than or equal to 0");
        }
        MapRuns.Run run = ctx.mapRuns.find(arn);
        if (run.status() != MapRuns.Status.RUNNING) {
            throw ApiError.VALIDATION.with("Map Run " + arn + " is " + run.status() + "; only a running Map Run can be updated")
                    .member("reason", "CANNOT_UPDATE_COMPLETED_MAP_RUN");
        }
        ctx.mapRuns.update(run.arn(), new MapRuns.Settings(maxConcurrency, percentage, count));
        dev.stride.engine.MapRunProgress live = ctx.engine.mapRun(run.arn());
        if (live != null) { // the running Map takes them from its next launch and failure on
            if (maxConcurrency != null) live.maxConcurrency = maxConcurrency;
            if (percentage != null) live.toleratedFailurePercentage = percentage;
            if (count != null) live.toleratedFailureCount = count;
            ctx.engine.mapRunUpdated(run.arn());
        }
        return Wire.object();
    }

    private static Double number(Request r, String member) {
        JsonNode v = r.node(member);
        if (v == null) return null;
        if (!v.isNumber()) throw ApiError.SERIALIZATION.with("Expected a number for member '" + member + "'");
        return v.doubleValue();
    }

    private record Limits(int maxConcurrency, double percentage, long count) {}

    private Limits limits(MapRuns.Run run) {
        MapState mp = ctx.mapRuns.definition(run);
        int maxConcurrency = 0;
        double percentage = 0;
        long count = 0;
        if (mp != null) {
            if (mp.maxConcurrency().constant() != null) maxConcurrency = (int) Math.min(Integer.MAX_VALUE, mp.maxConcurrency().constant());
            if (mp.toleratedFailurePercentage() != null) percentage = mp.toleratedFailurePercentage();
            if (mp.toleratedFailureCount().constant() != null) count = mp.toleratedFailureCount().constant();
        }
        MapRuns.Settings set = ctx.mapRuns.settings(run.arn());
        if (set != null) {
            if (set.maxConcurrency() != null) maxConcurrency = set.maxConcurrency();
            if (set.toleratedFailurePercentage() != null) percentage = set.toleratedFailurePercentage();
            if (set.toleratedFailureCount() != null) count = set.toleratedFailureCount();
        }
        return new Limits(maxConcurrency, percentage, count);
    }

    /** Exact counts from the engine that runs (or ran) the Map Run. */
    private static ObjectNode liveCounts(dev.stride.engine.MapRunProgress p, boolean ended) {
        long total = p.total;
        boolean over = p.over || ended; // a run its execution's stop ended: what had not finished was aborted
        long aborted = ended && !p.over ? total - p.succeeded - p.failed : p.aborted;
        return Wire.object().put("pending", over ? 0 : p.pending()).put("running", over ? 0 : p.running)
                .put("succeeded", p.succeeded).put("failed", p.failed).put("timedOut", 0).put("aborted", aborted)
                .put("total", total).put("resultsWritten", p.resultsWritten).put("failuresNotRedrivable", 0).put("pendingRedrive", 0);
    }

    /** MapRunItemCounts / MapRunExecutionCounts: see the class comment for how they are estimated. */
    private static ObjectNode counts(MapRuns.Run run, Limits limits) {
        long total = run.total();
        long pending = 0, running = 0, succeeded = 0, failed = 0, aborted = 0, written = 0;
        switch (run.status()) {
            case SUCCEEDED -> {
                succeeded = total;
                written = total;
            }
            case FAILED -> {
                long byCount = limits.count + 1;
                long byPercentage = (long) Math.floor(limits.percentage * total / 100.0) + 1;
                failed = Math.min(total, Math.max(1, Math.max(byCount, byPercentage)));
                aborted = total - failed;
            }
            case ABORTED -> aborted = total;
            case RUNNING -> {
                running = limits.maxConcurrency > 0 ? Math.min(total, limits.maxConcurrency) : total;
                pending = total - running;
            }
        }
        return Wire.object().put("pending", pending).put("running", running).put("succeeded", succeeded)
                .put("failed", failed).put("timedOut", 0).put("aborted", aborted).put("total", total)
                .put("resultsWritten", written).put("failuresNotRedrivable", 0).put("pendingRedrive", 0);
    }
}
