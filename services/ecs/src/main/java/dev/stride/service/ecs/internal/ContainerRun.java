package dev.stride.service.ecs.internal;

import com.fasterxml.jackson.databind.JsonNode;
import dev.stride.service.AwsService;
import dev.stride.service.compute.ComputeSettings;
import dev.stride.service.compute.LogShipper;
import dev.stride.service.compute.OutputSink;
import dev.stride.service.compute.ProcessSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * One container of a task as a process: its definition's entryPoint and command (the task's
 * containerOverrides replace the command and add or replace environment variables), the
 * variables ECS gives every container, and its awslogs log configuration.
 */
final class ContainerRun {
    private ContainerRun() {}

    /** Lock held; null when the container has nothing to run. */
    static ProcessSpec spec(EcsTask t, JsonNode definition, ComputeSettings compute) {
        String name = definition.path("name").asText();
        JsonNode override = overrideOf(t, name);
        List<String> argv = new ArrayList<>();
        definition.path("entryPoint").forEach(a -> argv.add(a.asText()));
        JsonNode command = override != null && override.path("command").isArray() ? override.get("command") : definition.path("command");
        command.forEach(a -> argv.add(a.asText()));
        if (argv.isEmpty()) return null;
        Map<String, String> env = compute.baseEnvironment(t.region);
        env.put("AWS_EXECUTION_ENV", "FARGATE".equals(t.d.path("launchType").asText()) ? "AWS_ECS_FARGATE" : "AWS_ECS_EC2");
        env.put("ECS_CONTAINER_METADATA_URI_V4", "");
        definition.path("environment").forEach(e -> env.put(e.path("name").asText(), e.path("value").asText("")));
        if (override != null) override.path("environment").forEach(e -> env.put(e.path("name").asText(), e.path("value").asText("")));
        return new ProcessSpec("ecs-" + t.id + "-" + name, argv, env, compute.workRoot().resolve("ecs").resolve(t.id).resolve(name),
                definition.path("image").textValue());
    }

    static JsonNode overrideOf(EcsTask t, String name) {
        for (JsonNode o : t.d.path("overrides").path("containerOverrides")) if (name.equals(o.path("name").asText())) return o;
        return null;
    }

    /** awslogs: group {@code awslogs-group}, stream {@code <prefix>/<container>/<task id>} (AWS's form), else the task id. */
    static OutputSink logSink(EcsTask t, JsonNode definition, AwsService logs) {
        JsonNode config = definition.path("logConfiguration");
        if (!"awslogs".equals(config.path("logDriver").asText())) return OutputSink.DISCARD;
        JsonNode options = config.path("options");
        String group = options.path("awslogs-group").textValue();
        if (group == null) return OutputSink.DISCARD;
        String prefix = options.path("awslogs-stream-prefix").textValue();
        String stream = prefix == null ? t.id : prefix + "/" + definition.path("name").asText() + "/" + t.id;
        String region = options.path("awslogs-region").asText(t.region);
        try {
            return LogShipper.open(logs, group, stream, region, t.account);
        } catch (RuntimeException e) {
            return OutputSink.DISCARD; // a group that does not exist and awslogs-create-group not set: AWS would fail the task; here logs are dropped
        }
    }
}
