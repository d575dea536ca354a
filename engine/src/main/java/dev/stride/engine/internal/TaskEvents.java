package dev.stride.engine.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The history events of a Task, in the family AWS uses for its resource: Task* for service
 * integrations, LambdaFunction* for Lambda function ARNs, Activity* for activity ARNs.
 */
final class TaskEvents {
    enum Family {
        TASK("Task", "task"), LAMBDA("LambdaFunction", "lambdaFunction"), ACTIVITY("Activity", "activity");

        final String type;
        final String key;

        Family(String type, String key) {
            this.type = type;
            this.key = key;
        }
    }

    private TaskEvents() {}

    static Family family(TaskResource res) {
        return switch (res.resourceType()) {
            case "lambda" -> res.resource().startsWith("arn:") ? Family.LAMBDA : Family.TASK;
            case "activity" -> res.resource().startsWith("arn:") ? Family.ACTIVITY : Family.TASK;
            default -> Family.TASK;
        };
    }

    /** Whether the Started event is recorded when scheduled (activities record it when a worker takes the task). */
    static boolean startsAtOnce(Family family) { return family != Family.ACTIVITY; }

    static void scheduled(ExecutionRecord ex, Frame f, long now, TaskResource res, String region, JsonNode input,
                          Long timeout, Long heartbeat) {
        Family fam = family(res);
        ObjectNode d = Events.object();
        if (fam == Family.TASK) {
            d.put("resourceType", res.resourceType());
            d.put("resource", res.resource());
            d.put("region", region);
            d.set("parameters", input);
        } else {
            d.put("resource", res.resource());
            d.set("input", input);
            d.set("inputDetails", Events.object().put("truncated", false));
        }
        if (timeout != null) d.put("timeoutInSeconds", timeout);
        if (heartbeat != null && fam != Family.LAMBDA) d.put("heartbeatInSeconds", heartbeat);
        append(ex, f, now, fam, "Scheduled", d);
        if (startsAtOnce(fam)) started(ex, f, now, res, null);
    }

    static void started(ExecutionRecord ex, Frame f, long now, TaskResource res, String workerName) {
        Family fam = family(res);
        ObjectNode d = switch (fam) {
            case TASK -> resource(res);
            case LAMBDA -> null;
            case ACTIVITY -> workerName == null ? null : Events.object().put("workerName", workerName);
        };
        append(ex, f, now, fam, "Started", d);
    }

    static void submitted(ExecutionRecord ex, Frame f, long now, TaskResource res, JsonNode output) {
        ObjectNode d = resource(res);
        d.set("output", output);
        d.set("outputDetails", Events.object().put("truncated", false));
        append(ex, f, now, Family.TASK, "Submitted", d);
    }

    static void succeeded(ExecutionRecord ex, Frame f, long now, TaskResource res, JsonNode output) {
        Family fam = family(res);
        ObjectNode d = fam == Family.TASK ? resource(res) : Events.object();
        d.set("output", output);
        d.set("outputDetails", Events.object().put("truncated", false));
        append(ex, f, now, fam, "Succeeded", d);
    }

    static void failed(ExecutionRecord ex, Frame f, long now, TaskResource res, String kind, String error, String cause) {
        Family fam = family(res);
        ObjectNode d = fam == Family.TASK ? resource(res) : Events.object();
        if (error != null) d.put("error", error);
        if (cause != null) d.put("cause", cause);
        append(ex, f, now, fam, kind, d);
    }

    private static ObjectNode resource(TaskResource res) {
        ObjectNode d = Events.object();
        d.put("resourceType", res.resourceType());
        d.put("resource", res.resource());
        return d;
    }

    private static void append(ExecutionRecord ex, Frame f, long now, Family fam, String what, ObjectNode d) {
        Events.append(ex, f, now, fam.type + what, d == null ? null : fam.key + what + "EventDetails", d);
    }
}
