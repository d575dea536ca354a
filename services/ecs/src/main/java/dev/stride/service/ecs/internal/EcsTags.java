package dev.stride.service.ecs.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.stride.engine.spi.RecordStore.Write;
import dev.stride.service.JsonProtocol;
import dev.stride.service.ServiceCall;
import dev.stride.service.WriteJournal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** TagResource, UntagResource, ListTagsForResource: tags ({@code [{key, value}]}) of clusters, task definitions and tasks, by ARN. */
final class EcsTags {
    private final EcsState s;

    EcsTags(EcsState s) { this.s = s; }

    JsonNode tag(ServiceCall c, ObjectNode p) {
        String arn = EcsErrors.required(p, "resourceArn");
        Write w;
        synchronized (s) {
            Map<String, String> tags = current(arn);
            p.path("tags").forEach(t -> tags.put(t.path("key").asText(), t.path("value").asText()));
            w = store(arn, tags);
        }
        s.journal.append(w).await();
        return JsonProtocol.MAPPER.createObjectNode();
    }

    JsonNode untag(ServiceCall c, ObjectNode p) {
        String arn = EcsErrors.required(p, "resourceArn");
        Write w;
        synchronized (s) {
            Map<String, String> tags = current(arn);
            p.path("tagKeys").forEach(k -> tags.remove(k.asText()));
            w = store(arn, tags);
        }
        s.journal.append(w).await();
        return JsonProtocol.MAPPER.createObjectNode();
    }

    JsonNode list(ServiceCall c, ObjectNode p) {
        String arn = EcsErrors.required(p, "resourceArn");
        ObjectNode out = JsonProtocol.MAPPER.createObjectNode();
        synchronized (s) {
            ArrayNode list = out.putArray("tags");
            current(arn).forEach((k, v) -> list.addObject().put("key", k).put("value", v));
        }
        return out;
    }

    /** Lock held. Clusters and tasks keep their tags in their description; task definitions beside it. */
    private Map<String, String> current(String arn) {
        Map<String, String> tags = new LinkedHashMap<>();
        Object owner = owner(arn);
        JsonNode list = owner instanceof EcsTask t ? t.d.path("tags") : owner instanceof ObjectNode d ? d.path("tags")
                : JsonProtocol.MAPPER.valueToTree(s.tags.getOrDefault(arn, List.of()));
        list.forEach(t -> tags.put(t.path("key").asText(), t.path("value").asText()));
        return tags;
    }

    private Write store(String arn, Map<String, String> tags) {
        ArrayNode list = JsonProtocol.MAPPER.createArrayNode();
        tags.forEach((k, v) -> list.addObject().put("key", k).put("value", v));
        Object owner = owner(arn);
        if (owner instanceof EcsTask t) {
            t.d.set("tags", list);
            return EcsRecords.task(t);
        }
        if (owner instanceof ObjectNode cluster) {
            cluster.set("tags", list);
            return EcsRecords.put(EcsRecords.CLUSTERS, EcsState.key(regionOf(arn), accountOf(arn), cluster.path("clusterName").asText()), cluster);
        }
        List<ObjectNode> kept = new ArrayList<>();
        list.forEach(t -> kept.add((ObjectNode) t));
        s.tags.put(arn, kept);
        return EcsRecords.put(EcsRecords.TAGS, arn, list);
    }

    /** The task, the cluster's description, or null for a task definition; InvalidParameterException for anything else. */
    private Object owner(String arn) {
        if (arn.contains(":task/")) {
            EcsTask t = s.tasks.get(Tasks.taskId(arn));
            if (t == null) throw EcsErrors.invalid("The specified task is stopped or does not exist.");
            return t;
        }
        if (arn.contains(":cluster/")) {
            ObjectNode d = s.clusters.get(EcsState.key(regionOf(arn), accountOf(arn), Clusters.name(arn)));
            if (d == null) throw EcsErrors.clusterNotFound();
            return d;
        }
        if (arn.contains(":task-definition/")) return null;
        throw EcsErrors.invalid("The ARN provided is invalid.");
    }

    private static String regionOf(String arn) { return arn.split(":")[3]; }

    private static String accountOf(String arn) { return arn.split(":")[4]; }
}
