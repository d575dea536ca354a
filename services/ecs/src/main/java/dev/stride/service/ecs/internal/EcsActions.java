package dev.stride.service.ecs.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.stride.engine.spi.RecordStore;
import dev.stride.service.AwsService;
import dev.stride.service.JsonProtocol;
import dev.stride.service.ServiceCall;
import dev.stride.service.ServiceException;
import dev.stride.service.compute.ComputeSettings;
import dev.stride.service.WriteJournal;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.LongSupplier;
import java.util.ArrayList;

/** Every ECS action by its API name, over one state. */
public final class EcsActions implements AutoCloseable {
    /** Members whose values are maps of the user's keys (kept as written when names change case). */
    public static final Set<String> MAP_MEMBERS = Set.of("options", "dockerLabels", "systemControls");

    private final EcsState s;
    private final WriteJournal journal;
    private final Clusters clusters;
    private final TaskDefinitions definitions;
    private final TaskRunner runner;
    private final Tasks tasks;
    private final EcsTags tags;

    public EcsActions(RecordStore store, LongSupplier clock, ComputeSettings compute, AwsService logs) {
        this.journal = new WriteJournal(store, "ECS", m -> new ServiceException("ServerException", "ServerException", 500, false, m));
        this.s = new EcsState(journal, clock);
        this.clusters = new Clusters(s);
        this.definitions = new TaskDefinitions(s);
        this.runner = new TaskRunner(s, compute, logs);
        this.tasks = new Tasks(s, clusters, definitions, runner);
        this.tags = new EcsTags(s);
        EcsRecovery.load(store, s, runner);
    }

    public JsonNode run(ServiceCall c, ObjectNode p) {
        return switch (c.action()) {
            case "CreateCluster" -> clusters.create(c, p);
            case "DeleteCluster" -> clusters.delete(c, p);
            case "DescribeClusters" -> clusters.describe(c, p);
            case "ListClusters" -> clusters.list(c, p);
            case "RegisterTaskDefinition" -> definitions.register(c, p);
            case "DescribeTaskDefinition" -> definitions.describe(c, p);
            case "DeregisterTaskDefinition" -> definitions.deregister(c, p);
            case "ListTaskDefinitions" -> definitions.list(c, p);
            case "RunTask" -> tasks.run(c, p);
            case "DescribeTasks" -> tasks.describe(c, p);
            case "ListTasks" -> tasks.list(c, p);
            case "StopTask" -> tasks.stop(c, p);
            case "TagResource" -> tags.tag(c, p);
            case "UntagResource" -> tags.untag(c, p);
            case "ListTagsForResource" -> tags.list(c, p);
            default -> throw new ServiceException("UnknownOperationException", "UnknownOperationException", 400, true,
                    "The action " + c.action() + " is not valid for this endpoint.");
        };
    }

    /** Tells {@code ended} of the task's stop (at once when it has stopped). */
    public AutoCloseable whenEnded(String id, Consumer<JsonNode> ended) {
        JsonNode already = null;
        String arn;
        synchronized (s) {
            EcsTask t = s.tasks.get(Tasks.taskId(id));
            if (t == null) throw EcsErrors.invalid("The referenced task was not found.");
            arn = t.arn();
            if (t.status == TaskStatus.STOPPED) already = t.d.deepCopy();
            else s.listeners.computeIfAbsent(arn, k -> new ArrayList<>()).add(ended);
        }
        if (already != null) ended.accept(already);
        return () -> {
            synchronized (s) {
                List<Consumer<JsonNode>> l = s.listeners.get(arn);
                if (l != null) l.remove(ended);
            }
        };
    }

    /** A stopped task succeeded when it stopped because an essential container exited and every essential container exited 0. */
    public boolean succeeded(String taskId) {
        synchronized (s) {
            EcsTask t = s.tasks.get(Tasks.taskId(taskId));
            if (t == null || !"EssentialContainerExited".equals(t.d.path("stopCode").asText())) return false;
            for (JsonNode c : t.d.path("containers")) {
                if (t.essential.contains(c.path("name").asText()) && c.path("exitCode").asInt(-1) != 0) return false;
            }
            return true;
        }
    }

    public void stop(String region, String account, String id, String reason) {
        String cluster;
        synchronized (s) {
            EcsTask t = s.tasks.get(Tasks.taskId(id));
            if (t == null) return;
            cluster = t.clusterArn();
        }
        ObjectNode p = JsonProtocol.MAPPER.createObjectNode().put("cluster", cluster).put("task", id).put("reason", reason);
        run(new ServiceCall("StopTask", p, region, account, null, null), p);
    }

    @Override
    public void close() {
        runner.close();
        journal.close();
    }
}
