package dev.stride.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.stride.engine.ExecutionView;
import java.util.Map;

/** Reading state machines: Describe, List, and DescribeStateMachineForExecution. */
final class StateMachineQueries {
    private final ApiContext ctx;

    StateMachineQueries(ApiContext ctx) { this.ctx = ctx; }

    void register(Map<String, Operation> table) {
        table.put("DescribeStateMachine", this::describe);
        table.put("ListStateMachines", this::list);
        table.put("DescribeStateMachineForExecution", this::describeForExecution);
    }

    private JsonNode describe(Request r) {
        Arn arn = Arn.parse(r.required("stateMachineArn"), "stateMachine");
        if (arn.parts().size() > 2) throw ApiError.invalidArn(arn.text());
        MachineEntry m = ctx.machine(arn);
        ObjectNode out = Wire.object();
        if (arn.qualifier() == null) {
            out.put("stateMachineArn", m.arn());
            // AWS shows no revisionId until the machine is updated (or published): its first revision has none.
            boolean revised = m.updateMillis() > 0 || !m.versions().isEmpty();
            common(out, m, m.definition(), m.roleArn(), m.creationMillis(), revised ? m.revisionId() : null);
            return out;
        }
        MachineEntry.VersionEntry v = version(m, arn);
        out.put("stateMachineArn", v.arn());
        common(out, m, v.definition(), v.roleArn(), v.creationMillis(), v.revisionId());
        if (v.description() != null) out.put("description", v.description());
        return out;
    }

    private void common(ObjectNode out, MachineEntry m, String definition, String roleArn, long created, String revision) {
        out.put("name", m.name()).put("status", "ACTIVE").put("definition", definition).put("roleArn", roleArn);
        out.put("type", m.type().name()).put("creationDate", Wire.seconds(created));
        out.set("loggingConfiguration", m.loggingConfiguration());
        out.set("tracingConfiguration", m.tracingConfiguration());
        if (revision != null) out.put("revisionId", revision);
        out.set("encryptionConfiguration", m.encryptionConfiguration());
    }

    /** A version ARN's version; an alias ARN is not a state machine here (AWS describes it with DescribeStateMachineAlias). */
    private static MachineEntry.VersionEntry version(MachineEntry m, Arn arn) {
        MachineEntry.VersionEntry v = m.version(arn.qualifier());
        if (v == null) throw ApiError.stateMachineDoesNotExist(arn.text());
        return v;
    }

    private JsonNode list(Request r) {
        ObjectNode out = Wire.object();
        Pages.write(r, ctx.registry.machines().stream().filter(m -> ctx.visible(m.arn())).toList(), MachineEntry::arn, out, "stateMachines", m -> Wire.object()
                .put("stateMachineArn", m.arn()).put("name", m.name()).put("type", m.type().name())
                .put("creationDate", Wire.seconds(m.creationMillis())));
        return out;
    }

    private JsonNode describeForExecution(Request r) {
        ExecutionEntry e = ctx.execution(r.required("executionArn"));
        ObjectNode out = Wire.object();
        out.put("stateMachineArn", e.stateMachineArn());
        out.put("name", Arn.parse(e.stateMachineArn()).parts().get(0));
        out.put("definition", e.definition()).put("roleArn", e.roleArn());
        out.put("updateDate", Wire.seconds(e.machineUpdateMillis()));
        // The machine's settings; AWS's defaults when it has been deleted since.
        MachineEntry m = ctx.registry.machine(e.stateMachineArn()).orElse(null);
        // As DescribeStateMachine: the revision an execution ran has an id unless it was the machine's first.
        boolean first = m != null && e.versionArn() == null && e.machineUpdateMillis() == m.creationMillis();
        if (!first) out.put("revisionId", e.revisionId());
        ExecutionView v = ctx.engine.describe(e.arn());
        if (v != null && v.mapRunArn() != null) { // a distributed Map's child: its Map Run and the Map's label
            out.put("mapRunArn", v.mapRunArn());
            out.put("label", e.stateMachineArn().substring(e.stateMachineArn().lastIndexOf('/') + 1));
        }
        out.set("loggingConfiguration", m == null ? MachineSettings.DEFAULT_LOGGING : m.loggingConfiguration());
        out.set("tracingConfiguration", m == null ? MachineSettings.DEFAULT_TRACING : m.tracingConfiguration());
        out.set("encryptionConfiguration", m == null ? MachineSettings.DEFAULT_ENCRYPTION : m.encryptionConfiguration());
        return out;
    }
}
