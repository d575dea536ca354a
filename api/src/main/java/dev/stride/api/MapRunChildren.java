package dev.stride.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.stride.engine.ExecutionView;
import dev.stride.engine.MapRunProgress;

/**
 * ListExecutions with a {@code mapRunArn}: the child executions of a distributed Map Run, newest
 * first. Children are not in the registry (a Map Run may start a million); the i-th child the
 * run launched has an ARN made from the run's ARN and i, so a page is read straight from the
 * engine, item by item down from the last one launched, and the token is that position. Express
 * children are not listed, as AWS lists none.
 */
final class MapRunChildren {
    private final ApiContext ctx;

    MapRunChildren(ApiContext ctx) { this.ctx = ctx; }

    JsonNode list(Request r, String mapRunArn, String statusFilter) {
        int size = Pages.size(r);
        ObjectNode out = Wire.object();
        ArrayNode page = out.putArray("executions");
        MapRunProgress run = ctx.engine.mapRun(mapRunArn);
        if (run == null || run.expressChildren) return out;
        long next = start(r.string("nextToken"), mapRunArn, run.launched);
        while (next >= 0 && page.size() < size) {
            ExecutionView v = ctx.engine.describe(ctx.engine.mapRunChild(mapRunArn, (int) next, false));
            next--;
            if (v == null) continue; // launched, its start not carried out yet
            if (statusFilter == null || ExecutionJson.status(v).name().equals(statusFilter)) {
                page.add(ExecutionJson.summary(entry(ctx, v), v));
            }
        }
        if (next >= 0) out.put("nextToken", Pages.encode(mapRunArn + "#" + next));
        return out;
    }

    private static long start(String token, String mapRunArn, long launched) {
        if (token == null) return launched - 1;
        String key = Pages.decode(token);
        int hash = key.lastIndexOf('#');
        try {
            if (hash < 0 || !key.substring(0, hash).equals(mapRunArn)) throw new NumberFormatException();
            long at = Long.parseLong(key.substring(hash + 1));
            if (at < 0 || at >= launched) throw new NumberFormatException();
            return at;
        } catch (NumberFormatException e) {
            throw ApiError.INVALID_TOKEN.quoting("Invalid Token", "Invalid token");
        }
    }

    /**
     * What the API knows of a child: the engine's view; it ran the Map's ItemProcessor, no version,
     * no alias. Its redrives (a redriven Map Run redrives its failed Standard children) are read
     * from its own history, which is short.
     */
    static ExecutionEntry entry(ApiContext ctx, ExecutionView v) {
        int redrives = 0;
        long redriveMillis = 0;
        var history = v.express() ? null : ctx.engine.history(v.executionArn());
        if (history != null) {
            for (var e : history) {
                if (!e.type().equals("ExecutionRedriven")) continue;
                redrives++;
                redriveMillis = e.timestampMillis();
            }
        }
        // The parent's machine (MACHINE of MACHINE/LABEL): its definition holds the ItemProcessor the child ran.
        String parentMachine = v.stateMachineArn().substring(0, v.stateMachineArn().lastIndexOf('/'));
        MachineEntry m = ctx.registry.machine(parentMachine).orElse(null);
        return new ExecutionEntry(v.executionArn(), v.name(), v.stateMachineArn(), null, null, v.express(),
                m == null ? null : m.definition(), m == null ? null : m.roleArn(), m == null ? null : m.revisionId(),
                m == null ? v.startMillis() : Math.max(m.creationMillis(), m.updateMillis()), null, v.startMillis(), redrives, redriveMillis);
    }
}
