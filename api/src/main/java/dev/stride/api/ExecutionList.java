package dev.stride.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.stride.asl.validation.StateMachineType;
import dev.stride.engine.ExecutionView;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** ListExecutions: a machine's (or one version's) executions, newest first, optionally by status. */
final class ExecutionList {
    private static final List<String> STATUSES = List.of("RUNNING", "SUCCEEDED", "FAILED", "TIMED_OUT", "ABORTED", "PENDING_REDRIVE");
    private static final List<String> REDRIVE_FILTERS = List.of("REDRIVEN", "NOT_REDRIVEN");
    private final ApiContext ctx;

    private final MapRunChildren children;

    ExecutionList(ApiContext ctx) {
        this.ctx = ctx;
        this.children = new MapRunChildren(ctx);
    }

    private static String statusFilter(Request r) {
        String status = r.string("statusFilter");
        if (status != null && !STATUSES.contains(status)) {
            throw ApiError.constraint("'" + status + "'", "statusFilter", "Member must satisfy enum value set: " + STATUSES);
        }
        return status;
    }

    void register(Map<String, Operation> table) { table.put("ListExecutions", this::list); }

    private record Row(ExecutionEntry entry, ExecutionView view) {}

    private JsonNode list(Request r) {
        String smArn = r.string("stateMachineArn");
        if (smArn == null) {
            String mapRun = r.string("mapRunArn");
            if (mapRun != null) {
                ctx.mapRuns.find(mapRun);
                return children.list(r, mapRun, statusFilter(r));
            }
            throw ApiError.VALIDATION.with("Must provide a StateMachine ARN or a MapRun ARN");
        }
        Arn arn = Arn.parse(smArn, "stateMachine");
        if (arn.parts().size() > 2) throw ApiError.invalidArn(smArn);
        MachineEntry m = ctx.machine(arn);
        if (m.type() == StateMachineType.EXPRESS) {
            throw ApiError.STATE_MACHINE_TYPE_NOT_SUPPORTED.with("This operation is not supported by this type of state machine");
        }
        String status = statusFilter(r);
        String redriveFilter = r.string("redriveFilter");
        if (redriveFilter != null && !REDRIVE_FILTERS.contains(redriveFilter)) {
            throw ApiError.constraint("'" + redriveFilter + "'", "redriveFilter", "Member must satisfy enum value set: " + REDRIVE_FILTERS);
        }
        String version = arn.qualifier() == null ? null : arn.text();
        List<ExecutionEntry> entries = ctx.registry.executions(m.arn());
        List<Row> rows = new ArrayList<>();
        for (int i = entries.size() - 1; i >= 0; i--) {
            ExecutionEntry e = entries.get(i);
            if (version != null && !version.equals(e.versionArn()) && !version.equals(e.aliasArn())) continue;
            if (redriveFilter != null && (e.redriveCount() > 0) != redriveFilter.equals("REDRIVEN")) continue;
            if (status == null) { // the engine is asked only about the rows on the page (a store read each)
                rows.add(new Row(e, null));
                continue;
            }
            ExecutionView v = ctx.engine.describe(e.arn());
            if (ExecutionJson.status(v).name().equals(status)) rows.add(new Row(e, v));
        }
        ObjectNode out = Wire.object();
        Pages.write(r, rows, row -> row.entry.arn(), out, "executions",
                row -> ExecutionJson.summary(row.entry, row.view != null ? row.view : ctx.engine.describe(row.entry.arn())));
        return out;
    }
}
