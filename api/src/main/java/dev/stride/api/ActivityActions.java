package dev.stride.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;

/** Activities: Create (idempotent by name), Describe, List, Delete, and workers' GetActivityTask. */
final class ActivityActions {
    private final ApiContext ctx;

    ActivityActions(ApiContext ctx) { this.ctx = ctx; }

    void register(Map<String, Operation> table) {
        table.put("CreateActivity", this::create);
        table.put("DescribeActivity", this::describe);
        table.put("ListActivities", this::list);
        table.put("DeleteActivity", this::delete);
        table.put("GetActivityTask", this::getTask);
    }

    /** Long-polls the activity's queue; an empty response (no token) when nothing came in time. */
    private JsonNode getTask(Request r) {
        String text = r.required("activityArn");
        Arn.parse(text, "activity");
        String worker = Request.bounded("workerName", r.string("workerName"), 80);
        if (ctx.registry.activity(text).filter(a -> ctx.visible(a.arn())).isEmpty()) throw activityDoesNotExist(text);
        ActivityTasks.Waiting task;
        try {
            task = ctx.activities.poll(text, worker, ctx.config.activityPollTimeout());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Wire.object();
        }
        if (task == null) return Wire.object();
        return Wire.object().put("taskToken", task.invocation().taskToken())
                .put("input", Wire.write(task.invocation().input()));
    }

    private static ApiException activityDoesNotExist(String arn) {
        return ApiError.ACTIVITY_DOES_NOT_EXIST.quoting("Activity Does Not Exist", arn);
    }

    private JsonNode create(Request r) {
        String name = Names.resource(r.required("name"));
        Map<String, String> tags = TagActions.tags(r.node("tags"));
        ActivityEntry fresh = new ActivityEntry(ctx.arn("activity", name), name, ctx.now(),
                MachineSettings.encryption(r.node("encryptionConfiguration")));
        ActivityEntry existing = ctx.registry.addActivity(fresh);
        // AWS ignores differing tags on a repeated create of the same name.
        if (existing == null && !tags.isEmpty()) ctx.registry.putTags(fresh.arn(), tags);
        ActivityEntry a = existing == null ? fresh : existing;
        return Wire.object().put("activityArn", a.arn()).put("creationDate", Wire.seconds(a.creationMillis()));
    }

    private JsonNode describe(Request r) {
        String text = r.required("activityArn");
        Arn.parse(text, "activity");
        ActivityEntry a = ctx.registry.activity(text).filter(x -> ctx.visible(x.arn())).orElseThrow(() -> activityDoesNotExist(text));
        return render(a).set("encryptionConfiguration", a.encryptionConfiguration());
    }

    private JsonNode list(Request r) {
        ObjectNode out = Wire.object();
        Pages.write(r, ctx.registry.activities().stream().filter(a -> ctx.visible(a.arn())).toList(), ActivityEntry::arn, out, "activities", ActivityActions::render);
        return out;
    }

    private JsonNode delete(Request r) {
        String text = r.required("activityArn");
        Arn.parse(text, "activity");
        if (!ctx.visible(text)) return Wire.object(); // another region's or account's: as for an unknown one
        ctx.registry.removeActivity(text);
        ctx.activities.deleted(text);
        return Wire.object();
    }

    private static ObjectNode render(ActivityEntry a) {
        return Wire.object().put("activityArn", a.arn()).put("name", a.name())
                .put("creationDate", Wire.seconds(a.creationMillis()));
    }
}
