package dev.stride.service.batch.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.stride.engine.spi.RecordStore.Write;
import dev.stride.service.JsonProtocol;
import dev.stride.service.ServiceCall;
import dev.stride.service.WriteJournal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

/**
 * Compute environments and job queues: created VALID at once (nothing to provision locally);
 * a compute environment's {@code computeResources.maxvCpus} bounds how many vCPUs of jobs run
 * on it at a time (unmanaged ones: {@link #UNMANAGED_VCPUS}).
 */
final class Resources {
    static final double UNMANAGED_VCPUS = 256;
    private final BatchState s;
    private final Runnable capacityChanged;

    Resources(BatchState s, Runnable capacityChanged) {
        this.s = s;
        this.capacityChanged = capacityChanged;
    }

    JsonNode createEnvironment(ServiceCall c, ObjectNode p) {
        String name = Errors.required(p, "computeEnvironmentName");
        String type = p.path("type").asText("MANAGED");
        if (!type.equals("MANAGED") && !type.equals("UNMANAGED")) throw Errors.client("type must be MANAGED or UNMANAGED");
        if (type.equals("MANAGED") && !p.path("computeResources").path("maxvCpus").isNumber()) {
            throw Errors.client("Error executing request, Exception : maxvCpus must be provided for a MANAGED compute environment.");
        }
        String arn = Arns.of(c.region(), c.account(), "compute-environment", name);
        ObjectNode d = JsonProtocol.MAPPER.createObjectNode().put("computeEnvironmentName", name).put("computeEnvironmentArn", arn)
                .put("ecsClusterArn", "arn:aws:ecs:" + c.region() + ":" + c.account() + ":cluster/AWSBatch-" + name + "-" + UUID.randomUUID())
                .put("type", type).put("state", p.path("state").asText("ENABLED")).put("status", "VALID")
                .put("statusReason", "ComputeEnvironment Healthy").put("uuid", UUID.randomUUID().toString())
                .put("containerOrchestrationType", "ECS");
        d.set("tags", p.has("tags") ? p.get("tags") : JsonProtocol.MAPPER.createObjectNode());
        if (p.has("computeResources")) d.set("computeResources", p.get("computeResources"));
        if (p.has("serviceRole")) d.set("serviceRole", p.get("serviceRole"));
        WriteJournal.Ticket t;
        synchronized (s) {
            String key = BatchState.key(c.region(), c.account(), name);
            if (s.environments.containsKey(key)) throw Errors.client("Object already exists");
            s.environments.put(key, d);
            t = s.journal.append(BatchRecords.put(BatchRecords.ENVIRONMENTS, key, d));
        }
        t.await();
        return JsonProtocol.MAPPER.createObjectNode().put("computeEnvironmentName", name).put("computeEnvironmentArn", arn);
    }

    JsonNode updateEnvironment(ServiceCall c, ObjectNode p) {
        String ref = Errors.required(p, "computeEnvironment");
        WriteJournal.Ticket t;
        ObjectNode d;
        synchronized (s) {
            d = environment(c.region(), c.account(), ref);
            if (p.has("state")) d.set("state", p.get("state"));
            if (p.has("computeResources")) d.with("computeResources").setAll((ObjectNode) p.get("computeResources"));
            if (p.has("serviceRole")) d.set("serviceRole", p.get("serviceRole"));
            t = s.journal.append(BatchRecords.put(BatchRecords.ENVIRONMENTS, keyOf(d, "computeEnvironmentName", c), d));
        }
        t.await();
        capacityChanged.run();
        return JsonProtocol.MAPPER.createObjectNode().put("computeEnvironmentName", d.path("computeEnvironmentName").asText())
                .put("computeEnvironmentArn", d.path("computeEnvironmentArn").asText());
    }

    JsonNode deleteEnvironment(ServiceCall c, ObjectNode p) {
        String ref = Errors.required(p, "computeEnvironment");
        WriteJournal.Ticket t;
        synchronized (s) {
            ObjectNode d = environment(c.region(), c.account(), ref);
            if (!"DISABLED".equals(d.path("state").asText())) throw Errors.client("Cannot delete, resource is being modified or is ENABLED.");
            String arn = d.path("computeEnvironmentArn").asText();
            for (ObjectNode q : s.queues.values()) {
                for (JsonNode o : q.path("computeEnvironmentOrder")) {
                    if (arn.equals(o.path("computeEnvironment").asText())) throw Errors.client("Cannot delete, found existing JobQueue relationship");
                }
            }
            String key = keyOf(d, "computeEnvironmentName", c);
            s.environments.remove(key);
            t = s.journal.append(Write.delete(BatchRecords.ENVIRONMENTS, key));
        }
        t.await();
        return JsonProtocol.MAPPER.createObjectNode();
    }

    JsonNode describeEnvironments(ServiceCall c, ObjectNode p) {
        List<String> wanted = texts(p.path("computeEnvironments"));
        List<ObjectNode> found = new ArrayList<>();
        synchronized (s) {
            for (ObjectNode d : inScope(s.environments, c)) {
                if (wanted.isEmpty() || wanted.contains(d.path("computeEnvironmentName").asText())
                        || wanted.contains(d.path("computeEnvironmentArn").asText())) found.add(d.deepCopy());
            }
        }
        return Pages.of(found, p, "computeEnvironments");
    }

    JsonNode createQueue(ServiceCall c, ObjectNode p) {
        String name = Errors.required(p, "jobQueueName");
        if (!p.path("priority").isNumber()) throw Errors.client("priority must be provided");
        ArrayNode order = orderOf(c, p.path("computeEnvironmentOrder"));
        String arn = Arns.of(c.region(), c.account(), "job-queue", name);
        ObjectNode d = JsonProtocol.MAPPER.createObjectNode().put("jobQueueName", name).put("jobQueueArn", arn)
                .put("state", p.path("state").asText("ENABLED")).put("status", "VALID").put("statusReason", "JobQueue Healthy")
                .put("priority", p.get("priority").asInt());
        d.set("computeEnvironmentOrder", order);
        d.set("tags", p.has("tags") ? p.get("tags") : JsonProtocol.MAPPER.createObjectNode());
        d.set("jobStateTimeLimitActions", JsonProtocol.MAPPER.createArrayNode());
        WriteJournal.Ticket t;
        synchronized (s) {
            String key = BatchState.key(c.region(), c.account(), name);
            if (s.queues.containsKey(key)) throw Errors.client("Object already exists");
            s.queues.put(key, d);
            t = s.journal.append(BatchRecords.put(BatchRecords.QUEUES, key, d));
        }
        t.await();
        return JsonProtocol.MAPPER.createObjectNode().put("jobQueueName", name).put("jobQueueArn", arn);
    }

    JsonNode updateQueue(ServiceCall c, ObjectNode p) {
        String ref = Errors.required(p, "jobQueue");
        ArrayNode order = p.has("computeEnvironmentOrder") ? orderOf(c, p.get("computeEnvironmentOrder")) : null;
        WriteJournal.Ticket t;
        ObjectNode d;
        synchronized (s) {
            d = queue(c.region(), c.account(), ref);
            if (p.has("state")) d.set("state", p.get("state"));
            if (p.has("priority")) d.set("priority", p.get("priority"));
            if (order != null) d.set("computeEnvironmentOrder", order);
            t = s.journal.append(BatchRecords.put(BatchRecords.QUEUES, keyOf(d, "jobQueueName", c), d));
        }
        t.await();
        capacityChanged.run();
        return JsonProtocol.MAPPER.createObjectNode().put("jobQueueName", d.path("jobQueueName").asText()).put("jobQueueArn", d.path("jobQueueArn").asText());
    }

    JsonNode deleteQueue(ServiceCall c, ObjectNode p) {
        String ref = Errors.required(p, "jobQueue");
        WriteJournal.Ticket t;
        synchronized (s) {
            ObjectNode d = queue(c.region(), c.account(), ref);
            String key = keyOf(d, "jobQueueName", c);
            s.queues.remove(key);
            t = s.journal.append(Write.delete(BatchRecords.QUEUES, key));
        }
        t.await();
        return JsonProtocol.MAPPER.createObjectNode();
    }

    JsonNode describeQueues(ServiceCall c, ObjectNode p) {
        List<String> wanted = texts(p.path("jobQueues"));
        List<ObjectNode> found = new ArrayList<>();
        synchronized (s) {
            for (ObjectNode d : inScope(s.queues, c)) {
                if (wanted.isEmpty() || wanted.contains(d.path("jobQueueName").asText()) || wanted.contains(d.path("jobQueueArn").asText())) {
                    found.add(d.deepCopy());
                }
            }
        }
        return Pages.of(found, p, "jobQueues");
    }

    /** The compute environment order with every environment named by its ARN, as AWS stores it. */
    private ArrayNode orderOf(ServiceCall c, JsonNode given) {
        if (!given.isArray() || given.isEmpty()) throw Errors.client("computeEnvironmentOrder must be provided");
        ArrayNode out = JsonProtocol.MAPPER.createArrayNode();
        synchronized (s) {
            for (JsonNode o : given) {
                ObjectNode ce = environment(c.region(), c.account(), o.path("computeEnvironment").asText());
                out.addObject().put("order", o.path("order").asInt()).put("computeEnvironment", ce.path("computeEnvironmentArn").asText());
            }
        }
        return out;
    }

    /** Call holding the lock. */
    ObjectNode environment(String region, String account, String ref) {
        ObjectNode d = s.environments.get(BatchState.key(region, account, Arns.name(ref)));
        if (d == null) throw Errors.client("ComputeEnvironment " + ref + " does not exist");
        return d;
    }

    /** Call holding the lock. */
    ObjectNode queue(String region, String account, String ref) {
        ObjectNode d = s.queues.get(BatchState.key(region, account, Arns.name(ref)));
        if (d == null) throw Errors.client("JobQueue " + ref + " not found.");
        return d;
    }

    /** The vCPUs a compute environment may run at once. */
    static double capacity(JsonNode environment) {
        if ("UNMANAGED".equals(environment.path("type").asText())) return UNMANAGED_VCPUS;
        return environment.path("computeResources").path("maxvCpus").asDouble(UNMANAGED_VCPUS);
    }

    private static String keyOf(ObjectNode d, String nameMember, ServiceCall c) { return BatchState.key(c.region(), c.account(), d.path(nameMember).asText()); }

    static List<String> texts(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.asText()));
        return out;
    }

    private static List<ObjectNode> inScope(Map<String, ObjectNode> map, ServiceCall c) {
        String prefix = c.region() + "/" + c.account() + "/";
        List<ObjectNode> out = new ArrayList<>();
        new TreeMap<>(map).forEach((k, v) -> { if (k.startsWith(prefix)) out.add(v); });
        return out;
    }
}
