package dev.stride.api;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.stride.engine.ExecutionStatus;
import dev.stride.engine.ExecutionView;

/** How executions look on the wire in DescribeExecution, ListExecutions and StartSyncExecution. */
final class ExecutionJson {
    private ExecutionJson() {}

    /** ListExecutions' ExecutionListItem. */
    static ObjectNode summary(ExecutionEntry e, ExecutionView v) {
        ObjectNode out = Wire.object().put("executionArn", e.arn()).put("stateMachineArn", e.stateMachineArn());
        out.put("name", e.name()).put("status", status(v).name()).put("startDate", Wire.seconds(startMillis(e, v)));
        if (v != null && v.status().isFinal()) out.put("stopDate", Wire.seconds(v.stopMillis()));
        if (e.versionArn() != null) out.put("stateMachineVersionArn", e.versionArn());
        if (e.aliasArn() != null) out.put("stateMachineAliasArn", e.aliasArn());
        if (v != null && v.mapRunArn() != null) out.put("mapRunArn", v.mapRunArn());
        out.put("redriveCount", e.redriveCount());
        if (e.redriveMillis() > 0) out.put("redriveDate", Wire.seconds(e.redriveMillis()));
        return out;
    }

    /**
     * DescribeExecution's response; payloads left out for {@code includedData: METADATA_ONLY}.
     * {@code notRedrivable} is why RedriveExecution would refuse it now, or null when it would not.
     */
    static ObjectNode detail(ExecutionEntry e, ExecutionView v, boolean includeData, String notRedrivable) {
        ObjectNode out = summary(e, v);
        payloads(out, v, includeData);
        outcome(out, v);
        if (v.mapRunArn() != null && v.status().isFinal() && v.status() != ExecutionStatus.SUCCEEDED) {
            out.put("redriveStatus", "REDRIVABLE_BY_MAP_RUN"); // its parent's redrive redrives it
        } else if (!e.express()) {
            out.put("redriveStatus", notRedrivable == null ? "REDRIVABLE" : "NOT_REDRIVABLE");
            if (notRedrivable != null) out.put("redriveStatusReason", notRedrivable);
        }
        return out;
    }

    /** StartSyncExecution's response (status is SUCCEEDED, FAILED or TIMED_OUT). */
    static ObjectNode sync(ExecutionEntry e, ExecutionView v, boolean includeData) {
        ObjectNode out = Wire.object().put("executionArn", e.arn()).put("stateMachineArn", e.stateMachineArn());
        out.put("name", e.name()).put("startDate", Wire.seconds(v.startMillis()));
        out.put("stopDate", Wire.seconds(v.stopMillis()));
        String status = v.status() == ExecutionStatus.ABORTED ? "FAILED" : v.status().name();
        out.put("status", status);
        payloads(out, v, includeData);
        outcome(out, v);
        long billed = Math.max(100, (v.stopMillis() - v.startMillis() + 99) / 100 * 100);
        out.putObject("billingDetails").put("billedMemoryUsedInMB", 64).put("billedDurationInMilliseconds", billed);
        return out;
    }

    private static void payloads(ObjectNode out, ExecutionView v, boolean includeData) {
        if (includeData) out.put("input", Wire.write(v.input()));
        out.putObject("inputDetails").put("included", includeData);
        if (v.status() == ExecutionStatus.SUCCEEDED) {
            if (includeData && v.output() != null) out.put("output", Wire.write(v.output()));
            out.putObject("outputDetails").put("included", includeData);
        }
    }

    private static void outcome(ObjectNode out, ExecutionView v) {
        if (v.error() != null) out.put("error", v.error());
        if (v.cause() != null) out.put("cause", v.cause());
    }

    /** The engine's status; RUNNING in the instant between registering an execution and starting it. */
    static ExecutionStatus status(ExecutionView v) { return v == null ? ExecutionStatus.RUNNING : v.status(); }

    private static long startMillis(ExecutionEntry e, ExecutionView v) { return v == null ? e.startMillis() : v.startMillis(); }
}
