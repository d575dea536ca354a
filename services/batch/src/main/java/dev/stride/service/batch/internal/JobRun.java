package dev.stride.service.batch.internal;

import com.fasterxml.jackson.databind.JsonNode;
import dev.stride.service.compute.ComputeSettings;
import dev.stride.service.compute.ProcessSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * One attempt of a job as a process: the container's command and environment, the variables
 * AWS Batch gives every job, and its own folder {@code <work root>/batch/<job id>/<attempt>}.
 */
final class JobRun {
    static final String DEFAULT_GROUP = "/aws/batch/job";

    private JobRun() {}

    /** Lock held. */
    static ProcessSpec spec(Job j, BatchState s, ComputeSettings compute, String taskId) {
        JsonNode c = j.d.path("container");
        List<String> command = new ArrayList<>();
        c.path("command").forEach(a -> command.add(a.asText()));
        if (command.isEmpty()) throw Errors.client("the job has no command to run");
        Map<String, String> env = compute.baseEnvironment(j.region);
        c.path("environment").forEach(e -> env.put(e.path("name").asText(), e.path("value").asText("")));
        int attempt = j.attemptCount() + 1;
        env.put("AWS_BATCH_JOB_ID", j.id);
        env.put("AWS_BATCH_JOB_ATTEMPT", Integer.toString(attempt));
        env.put("AWS_BATCH_JQ_NAME", Arns.name(j.queueArn()));
        env.put("AWS_BATCH_CE_NAME", Arns.name(j.computeEnvironment));
        JsonNode index = j.d.path("arrayProperties").path("index");
        if (index.isNumber()) env.put("AWS_BATCH_JOB_ARRAY_INDEX", index.asText());
        String folder = j.id.replace(':', '-');
        return new ProcessSpec("batch-" + folder, command, env, compute.workRoot().resolve("batch").resolve(folder).resolve(Integer.toString(attempt)),
                c.path("image").textValue());
    }

    /** [group, stream]: the awslogs options of the container's logConfiguration, else AWS Batch's defaults. */
    static String[] logStream(Job j, String taskId) {
        JsonNode options = j.d.path("container").path("logConfiguration").path("options");
        String group = options.path("awslogs-group").asText(DEFAULT_GROUP);
        String defName = Arns.name(j.definitionArn());
        int colon = defName.lastIndexOf(':');
        String prefix = options.path("awslogs-stream-prefix").asText(colon < 0 ? defName : defName.substring(0, colon));
        return new String[] {group, prefix + "/default/" + taskId};
    }
}
