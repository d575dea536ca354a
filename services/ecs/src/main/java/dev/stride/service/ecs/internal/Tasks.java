package dev.stride.service.ecs.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.stride.engine.spi.RecordStore.Write;
import dev.stride.service.JsonProtocol;
import dev.stride.service.ServiceCall;
import dev.stride.service.WriteJournal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

/** RunTask, DescribeTasks, ListTasks, StopTask. */
final class Tasks {
    private final EcsState s;
    private final Clusters clusters;
    private final TaskDefinitions definitions;
    private final TaskRunner runner;

    Tasks(EcsState s, Clusters clusters, TaskDefinitions definitions, TaskRunner runner) {
        this.s = s;
        this.clusters = clusters;
        this.definitions = definitions;
        this.runner = runner;
    }

    JsonNode run(ServiceCall c, ObjectNode p) {
        String ref = EcsErrors.required(p, "taskDefinition");
        int count = p.path("count").asInt(1);
        if (count < 1 || count > 10) throw EcsErrors.invalid("count must be between 1 and 10.");
        String launchType = p.path("launchType").asText("EC2");
        if (!Set.of("EC2", "FARGATE", "EXTERNAL").contains(launchType)) throw EcsErrors.invalid("launchType must be one of EC2, FARGATE, EXTERNAL.");
        String key = c.idempotencyKey() != null ? c.idempotencyKey() : p.path("clientToken").textValue();
        List<EcsTask> started = new ArrayList<>();
        ObjectNode reply = JsonProtocol.MAPPER.createObjectNode();
        List<Write> w = new ArrayList<>();
        ObjectNode definition;
        synchronized (s) {
            if (key != null && s.idempotency.containsKey(key)) return s.idempotency.get(key).deepCopy();
            ObjectNode cluster = clusters.find(c.region(), c.account(), p.path("cluster").textValue());
            definition = definitions.find(c.region(), c.account(), ref, true);
            if (definition == null) throw EcsErrors.invalid("TaskDefinition not found.");
            if ("awsvpc".equals(definition.path("networkMode").asText()) && !p.has("networkConfiguration")) {
                throw EcsErrors.invalid("Network Configuration must be provided when networkMode 'awsvpc' is specified.");
            }
            Set<String> names = new HashSet<>();
            definition.path("containerDefinitions").forEach(cd -> names.add(cd.path("name").asText()));
            for (JsonNode o : p.path("overrides").path("containerOverrides")) {
                if (!names.contains(o.path("name").asText())) {
                    throw EcsErrors.invalid("Override for container named " + o.path("name").asText() + " is not a container in the TaskDefinition.");
                }
            }
            ArrayNode tasks = reply.putArray("tasks");
            for (int i = 0; i < count; i++) {
                EcsTask t = create(c, p, cluster, definition, launchType);
                s.tasks.put(t.id, t);
                started.add(t);
                tasks.add(t.d.deepCopy());
                w.add(EcsRecords.task(t));
            }
            reply.putArray("failures");
            if (key != null) {
                s.idempotency.put(key, reply);
                w.add(EcsRecords.put(EcsRecords.IDEMPOTENCY, key, reply));
            }
            // the reply is what RunTask answered, a snapshot: the tasks go on changing
            reply = reply.deepCopy();
        }
        s.journal.append(w).await();
        for (EcsTask t : started) runner.launch(t, definition);
        return reply;
    }

    private EcsTask create(ServiceCall c, ObjectNode p, ObjectNode cluster, ObjectNode definition, String launchType) {
        String id = UUID.randomUUID().toString().replace("-", "");
        String clusterName = cluster.path("clusterName").asText();
        String arn = "arn:aws:ecs:" + c.region() + ":" + c.account() + ":task/" + clusterName + "/" + id;
        double now = s.nowSeconds();
        ObjectNode d = JsonProtocol.MAPPER.createObjectNode();
        d.putArray("attachments");
        d.putArray("attributes");
        d.put("availabilityZone", c.region() + "a").put("clusterArn", cluster.path("clusterArn").asText());
        ArrayNode containers = d.putArray("containers");
        EcsTask t = new EcsTask(id, c.region(), c.account(), d, TaskStatus.PROVISIONING);
        for (JsonNode cd : definition.path("containerDefinitions")) {
            ObjectNode container = containers.addObject().put("containerArn", "arn:aws:ecs:" + c.region() + ":" + c.account() + ":container/"
                    + clusterName + "/" + id + "/" + UUID.randomUUID()).put("taskArn", arn).put("name", cd.path("name").asText())
                    .put("image", cd.path("image").asText()).put("lastStatus", "PENDING");
            container.putArray("networkBindings");
            container.putArray("networkInterfaces");
            container.put("healthStatus", "UNKNOWN");
            if (cd.has("cpu")) container.put("cpu", cd.path("cpu").asText());
            if (cd.has("memory")) container.put("memory", cd.path("memory").asText());
            if (cd.path("essential").asBoolean(true)) t.essential.add(cd.path("name").asText());
        }
        if (definition.has("cpu")) d.set("cpu", definition.get("cpu"));
        d.put("createdAt", now).put("desiredStatus", "RUNNING").put("enableExecuteCommand", p.path("enableExecuteCommand").asBoolean(false));
        d.put("group", p.path("group").asText("family:" + definition.path("family").asText())).put("healthStatus", "UNKNOWN");
        d.put("lastStatus", "PROVISIONING").put("launchType", launchType);
        if (definition.has("memory")) d.set("memory", definition.get("memory"));
        ObjectNode overrides = d.putObject("overrides");
        overrides.set("containerOverrides", p.path("overrides").path("containerOverrides").isArray()
                ? p.get("overrides").get("containerOverrides") : JsonProtocol.MAPPER.createArrayNode());
        overrides.putArray("inferenceAcceleratorOverrides");
        if ("FARGATE".equals(launchType)) d.put("platformVersion", p.path("platformVersion").asText("1.4.0")).put("platformFamily", "Linux");
        if (p.has("startedBy")) d.set("startedBy", p.get("startedBy"));
        d.set("tags", p.path("tags").isArray() ? p.get("tags") : JsonProtocol.MAPPER.createArrayNode());
        d.put("taskArn", arn).put("taskDefinitionArn", definition.path("taskDefinitionArn").asText()).put("version", 1);
        return t;
    }

    JsonNode describe(ServiceCall c, ObjectNode p) {
        JsonNode ids = p.path("tasks");
        if (!ids.isArray() || ids.isEmpty()) throw EcsErrors.invalid("Tasks cannot be empty.");
        if (ids.size() > 100) throw EcsErrors.invalid("Tasks cannot have more than 100 entries.");
        ObjectNode out = JsonProtocol.MAPPER.createObjectNode();
        ArrayNode list = out.putArray("tasks");
        ArrayNode failures = out.putArray("failures");
        synchronized (s) {
            ObjectNode cluster = clusters.find(c.region(), c.account(), p.path("cluster").textValue());
            for (JsonNode id : ids) {
                EcsTask t = s.tasks.get(taskId(id.asText()));
                if (t == null || !t.clusterArn().equals(cluster.path("clusterArn").asText())) {
                    failures.addObject().put("arn", id.asText()).put("reason", "MISSING");
                } else {
                    list.add(t.d.deepCopy());
                }
            }
        }
        return out;
    }

    static String taskId(String idOrArn) { return idOrArn.substring(idOrArn.lastIndexOf('/') + 1); }

    JsonNode list(ServiceCall c, ObjectNode p) {
        String desired = p.path("desiredStatus").asText("RUNNING");
        String family = p.path("family").textValue();
        String startedBy = p.path("startedBy").textValue();
        String launchType = p.path("launchType").textValue();
        List<JsonNode> arns = new ArrayList<>();
        synchronized (s) {
            ObjectNode cluster = clusters.find(c.region(), c.account(), p.path("cluster").textValue());
            for (EcsTask t : s.tasksOf(cluster.path("clusterArn").asText())) {
                if (!desired.equals(t.d.path("desiredStatus").asText())) continue;
                if (family != null && !t.d.path("taskDefinitionArn").asText().contains("/" + family + ":")) continue;
                if (startedBy != null && !startedBy.equals(t.d.path("startedBy").asText())) continue;
                if (launchType != null && !launchType.equals(t.d.path("launchType").asText())) continue;
                arns.add(t.d.get("taskArn"));
            }
        }
        return Page.of(arns, p, "taskArns");
    }

    JsonNode stop(ServiceCall c, ObjectNode p) {
        String id = taskId(EcsErrors.required(p, "task"));
        String reason = p.path("reason").asText("Task stopped by user");
        ObjectNode out = JsonProtocol.MAPPER.createObjectNode();
        List<Runnable> notify = new ArrayList<>();
        WriteJournal.Ticket ticket;
        synchronized (s) {
            ObjectNode cluster = clusters.find(c.region(), c.account(), p.path("cluster").textValue());
            EcsTask t = s.tasks.get(id);
            if (t == null || !t.clusterArn().equals(cluster.path("clusterArn").asText())) throw EcsErrors.invalid("The referenced task was not found.");
            List<Write> w = new ArrayList<>();
            runner.requestStop(t, "UserInitiated", reason, w);
            runner.settle(t, w, notify);
            out.set("task", t.d.deepCopy());
            ticket = s.journal.append(w);
        }
        ticket.await();
        notify.forEach(Runnable::run);
        return out;
    }
}
