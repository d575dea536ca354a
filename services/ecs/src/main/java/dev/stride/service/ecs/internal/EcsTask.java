package dev.stride.service.ecs.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.stride.service.compute.LocalProcess;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/** One task: what DescribeTasks shows, plus its running containers. Mutated only under the state's lock. */
final class EcsTask {
    final String id;
    final String region;
    final String account;
    final ObjectNode d;
    TaskStatus status;
    /** Names of the essential containers (the task definition's, not in the Describe shape). */
    final Set<String> essential = new LinkedHashSet<>();
    final Map<String, LocalProcess> running = new HashMap<>();
    /** Container name -> [pid, start millis] of its process, so a restart can kill what a crash left. */
    final Map<String, long[]> pids = new HashMap<>();
    String instanceId;

    EcsTask(String id, String region, String account, ObjectNode d, TaskStatus status) {
        this.id = id;
        this.region = region;
        this.account = account;
        this.d = d;
        this.status = status;
        d.put("lastStatus", status.name());
    }

    String arn() { return d.path("taskArn").asText(); }

    String clusterArn() { return d.path("clusterArn").asText(); }

    void move(TaskStatus target) {
        status = status.to(target);
        d.put("lastStatus", target.name());
    }

    ObjectNode container(String name) {
        for (JsonNode c : d.path("containers")) if (name.equals(c.path("name").asText())) return (ObjectNode) c;
        throw new IllegalStateException("no container " + name + " in task " + id);
    }

    /** Stopping has been asked for (an essential container exited, StopTask, a start failure). */
    boolean stopping() { return "STOPPED".equals(d.path("desiredStatus").asText()); }
}
