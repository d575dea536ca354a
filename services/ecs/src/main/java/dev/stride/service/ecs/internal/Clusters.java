package dev.stride.service.ecs.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.stride.engine.spi.RecordStore.Write;
import dev.stride.service.JsonProtocol;
import dev.stride.service.ServiceCall;
import dev.stride.service.ServiceException;
import dev.stride.service.WriteJournal;
import java.util.ArrayList;
import java.util.List;

/** Clusters: ACTIVE once created; {@code default} when a call names none (and RunTask creates nothing: AWS requires it to exist). */
final class Clusters {
    static final String DEFAULT = "default";
    private final EcsState s;

    Clusters(EcsState s) { this.s = s; }

    static String arn(String region, String account, String name) { return "arn:aws:ecs:" + region + ":" + account + ":cluster/" + name; }

    static String name(String nameOrArn) {
        if (nameOrArn == null || nameOrArn.isEmpty()) return DEFAULT;
        return nameOrArn.startsWith("arn:") ? nameOrArn.substring(nameOrArn.lastIndexOf('/') + 1) : nameOrArn;
    }

    JsonNode create(ServiceCall c, ObjectNode p) {
        String name = p.path("clusterName").asText(DEFAULT);
        if (!name.matches("[A-Za-z0-9_-]{1,255}")) {
            throw EcsErrors.invalid("Cluster name can only contain letters (uppercase and lowercase), numbers, hyphens (-), and underscores (_).");
        }
        ObjectNode out = JsonProtocol.MAPPER.createObjectNode();
        Write w;
        synchronized (s) {
            String key = EcsState.key(c.region(), c.account(), name);
            ObjectNode d = s.clusters.get(key);
            if (d == null || !"ACTIVE".equals(d.path("status").asText())) {
                d = JsonProtocol.MAPPER.createObjectNode().put("clusterArn", arn(c.region(), c.account(), name)).put("clusterName", name)
                        .put("status", "ACTIVE").put("registeredContainerInstancesCount", 0).put("runningTasksCount", 0)
                        .put("pendingTasksCount", 0).put("activeServicesCount", 0);
                d.putArray("statistics");
                d.set("tags", p.path("tags").isArray() ? p.get("tags") : JsonProtocol.MAPPER.createArrayNode());
                d.set("settings", p.path("settings").isArray() ? p.get("settings")
                        : JsonProtocol.MAPPER.createArrayNode().add(JsonProtocol.MAPPER.createObjectNode().put("name", "containerInsights").put("value", "disabled")));
                d.putArray("capacityProviders");
                d.putArray("defaultCapacityProviderStrategy");
                s.clusters.put(key, d);
            }
            w = EcsRecords.put(EcsRecords.CLUSTERS, key, d);
            out.set("cluster", described(d));
        }
        s.journal.append(w).await();
        return out;
    }

    JsonNode delete(ServiceCall c, ObjectNode p) {
        String name = name(EcsErrors.required(p, "cluster"));
        ObjectNode out = JsonProtocol.MAPPER.createObjectNode();
        Write w;
        synchronized (s) {
            ObjectNode d = find(c.region(), c.account(), name);
            for (EcsTask t : s.tasksOf(d.path("clusterArn").asText())) {
                if (t.status != TaskStatus.STOPPED) {
                    throw ServiceException.client("ClusterContainsTasksException", "The Cluster cannot be deleted while Tasks are active.");
                }
            }
            d.put("status", "INACTIVE");
            w = EcsRecords.put(EcsRecords.CLUSTERS, EcsState.key(c.region(), c.account(), name), d);
            out.set("cluster", described(d));
        }
        s.journal.append(w).await();
        return out;
    }

    JsonNode describe(ServiceCall c, ObjectNode p) {
        List<String> names = new ArrayList<>();
        p.path("clusters").forEach(n -> names.add(n.asText()));
        if (names.isEmpty()) names.add(DEFAULT);
        ObjectNode out = JsonProtocol.MAPPER.createObjectNode();
        ArrayNode list = out.putArray("clusters");
        ArrayNode failures = out.putArray("failures");
        synchronized (s) {
            for (String n : names) {
                ObjectNode d = s.clusters.get(EcsState.key(c.region(), c.account(), name(n)));
                if (d == null) failures.addObject().put("arn", n.startsWith("arn:") ? n : arn(c.region(), c.account(), n)).put("reason", "MISSING");
                else list.add(described(d));
            }
        }
        return out;
    }

    JsonNode list(ServiceCall c, ObjectNode p) {
        List<JsonNode> arns = new ArrayList<>();
        String prefix = c.region() + "/" + c.account() + "/";
        synchronized (s) {
            s.clusters.forEach((k, d) -> {
                if (k.startsWith(prefix) && "ACTIVE".equals(d.path("status").asText())) arns.add(d.get("clusterArn"));
            });
        }
        return Page.of(arns, p, "clusterArns");
    }

    /** The cluster (lock held); ClusterNotFoundException when it does not exist or was deleted. */
    ObjectNode find(String region, String account, String nameOrArn) {
        ObjectNode d = s.clusters.get(EcsState.key(region, account, name(nameOrArn)));
        if (d == null || !"ACTIVE".equals(d.path("status").asText())) throw EcsErrors.clusterNotFound();
        return d;
    }

    /** With the task counts of now (lock held). */
    private ObjectNode described(ObjectNode d) {
        ObjectNode out = d.deepCopy();
        int running = 0;
        int pending = 0;
        for (EcsTask t : s.tasksOf(d.path("clusterArn").asText())) {
            if (t.status == TaskStatus.RUNNING) running++;
            else if (t.status != TaskStatus.STOPPED) pending++;
        }
        return out.put("runningTasksCount", running).put("pendingTasksCount", pending);
    }
}
