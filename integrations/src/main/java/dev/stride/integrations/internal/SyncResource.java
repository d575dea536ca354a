package dev.stride.integrations.internal;

/**
 * A Task Resource of the Run a Job pattern, {@code arn:aws:states:::batch:submitJob.sync} or
 * {@code arn:aws:states:::ecs:runTask.sync}: the optimized action starts the work, and the Task
 * waits for it to end.
 */
public record SyncResource(OptimizedAction action) {
    private static final String SYNC = ".sync";

    /** The resource, or null when it is not the {@code .sync} form of an optimized action that has one. */
    public static SyncResource parse(String arn) {
        if (arn == null || !arn.endsWith(SYNC)) return null;
        ServiceResource r = ServiceResource.parse(arn.substring(0, arn.length() - SYNC.length()));
        if (r == null || r.sdk() || r.callback()) return null;
        OptimizedAction a = OptimizedAction.of(r);
        return a == OptimizedAction.BATCH_SUBMIT_JOB || a == OptimizedAction.ECS_RUN_TASK ? new SyncResource(a) : null;
    }

    public String service() { return action == OptimizedAction.BATCH_SUBMIT_JOB ? "batch" : "ecs"; }

    /** The started resource's id in the start action's reply (PascalCase): the job id, the (first) task's ARN. */
    public String startedId(com.fasterxml.jackson.databind.JsonNode reply) {
        if (action == OptimizedAction.BATCH_SUBMIT_JOB) return reply.path("JobId").textValue();
        return reply.path("Tasks").path(0).path("TaskArn").textValue();
    }
}
