package dev.stride.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.stride.asl.validation.StateMachineType;
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
        Boolean redriven = redriveFilter == null ? null : redriveFilter.equals("REDRIVEN");
        String qualifier = arn.qualifier() == null ? null : arn.text();
        Executions.Page page = ctx.executions.page(new Executions.Filter(m.arn(), qualifier, status, redriven),
                r.string("nextToken"), Pages.size(r));
        ObjectNode out = Wire.object();
        var items = out.putArray("executions");
        for (Executions.Row row : page.rows()) {
            items.add(ExecutionJson.summary(row.entry(), row.view() != null ? row.view() : ctx.engine.describe(row.entry().arn())));
        }
        if (page.nextToken() != null) out.put("nextToken", page.nextToken());
        return out;
    }
}
