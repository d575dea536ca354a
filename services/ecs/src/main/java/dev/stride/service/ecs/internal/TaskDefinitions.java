package dev.stride.service.ecs.internal;

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
import java.util.Collections;

/**
 * Task definitions by family: each RegisterTaskDefinition of a family adds the next revision.
 * A task names {@code family} (its latest ACTIVE revision), {@code family:revision} or the ARN.
 * Each container's {@code entryPoint} followed by its {@code command} is what runs, as Docker
 * would run them, and nothing else.
 */
final class TaskDefinitions {
    private final EcsState s;

    TaskDefinitions(EcsState s) { this.s = s; }

    JsonNode register(ServiceCall c, ObjectNode p) {
        String family = EcsErrors.required(p, "family");
        if (!family.matches("[A-Za-z0-9_-]{1,255}")) {
            throw EcsErrors.client("Family contains invalid characters. Up to 255 letters (uppercase and lowercase), numbers, hyphens, and underscores are allowed.");
        }
        JsonNode containers = p.path("containerDefinitions");
        if (!containers.isArray() || containers.isEmpty()) throw EcsErrors.client("Container list cannot be empty.");
        boolean anyEssential = false;
        for (JsonNode cd : containers) {
            if (cd.path("name").asText("").isEmpty()) throw EcsErrors.client("Container.name should not be null or empty.");
            if (cd.path("image").asText("").isEmpty()) throw EcsErrors.client("Container.image should not be null or empty.");
            anyEssential |= cd.path("essential").asBoolean(true);
        }
        if (!anyEssential) throw EcsErrors.client("Task definition must have at least one essential container.");
        ObjectNode out = JsonProtocol.MAPPER.createObjectNode();
        List<Write> w = new ArrayList<>();
        synchronized (s) {
            String key = EcsState.key(c.region(), c.account(), family);
            TreeMap<Integer, ObjectNode> revisions = s.families.computeIfAbsent(key, k -> new TreeMap<>());
            int revision = revisions.isEmpty() ? 1 : revisions.lastKey() + 1;
            String arn = "arn:aws:ecs:" + c.region() + ":" + c.account() + ":task-definition/" + family + ":" + revision;
            ObjectNode d = JsonProtocol.MAPPER.createObjectNode().put("taskDefinitionArn", arn);
            ArrayNode defs = d.putArray("containerDefinitions");
            for (JsonNode cd : containers) {
                ObjectNode copy = ((ObjectNode) cd).deepCopy();
                if (!copy.has("essential")) copy.put("essential", true);
                for (String f : new String[] {"portMappings", "environment", "mountPoints", "volumesFrom"}) if (!copy.has(f)) copy.putArray(f);
                defs.add(copy);
            }
            d.put("family", family);
            for (String f : new String[] {"taskRoleArn", "executionRoleArn", "networkMode", "cpu", "memory", "pidMode", "ipcMode", "runtimePlatform"}) {
                if (p.has(f)) d.set(f, p.get(f));
            }
            d.put("revision", revision);
            d.set("volumes", p.path("volumes").isArray() ? p.get("volumes") : JsonProtocol.MAPPER.createArrayNode());
            d.put("status", "ACTIVE");
            d.putArray("requiresAttributes");
            d.set("placementConstraints", p.path("placementConstraints").isArray() ? p.get("placementConstraints") : JsonProtocol.MAPPER.createArrayNode());
            d.putArray("compatibilities").add("EC2").add("FARGATE");
            d.set("requiresCompatibilities", p.path("requiresCompatibilities").isArray() ? p.get("requiresCompatibilities") : JsonProtocol.MAPPER.createArrayNode());
            d.put("registeredAt", s.nowSeconds()).put("registeredBy", "arn:aws:iam::" + c.account() + ":root");
            revisions.put(revision, d);
            w.add(EcsRecords.put(EcsRecords.TASK_DEFINITIONS, EcsRecords.definitionKey(key, revision), d));
            if (p.path("tags").isArray() && !p.get("tags").isEmpty()) {
                List<ObjectNode> tags = new ArrayList<>();
                p.get("tags").forEach(t -> tags.add((ObjectNode) t));
                s.tags.put(arn, tags);
                w.add(EcsRecords.put(EcsRecords.TAGS, arn, p.get("tags")));
            }
            out.set("taskDefinition", d.deepCopy());
            out.set("tags", p.path("tags").isArray() ? p.get("tags") : JsonProtocol.MAPPER.createArrayNode());
        }
        s.journal.append(w).await();
        return out;
    }

    JsonNode describe(ServiceCall c, ObjectNode p) {
        String ref = EcsErrors.required(p, "taskDefinition");
        ObjectNode out = JsonProtocol.MAPPER.createObjectNode();
        synchronized (s) {
            ObjectNode d = find(c.region(), c.account(), ref, false);
            if (d == null) throw EcsErrors.client("Unable to describe task definition.");
            out.set("taskDefinition", d.deepCopy());
            boolean withTags = false;
            for (JsonNode i : p.path("include")) withTags |= "TAGS".equals(i.asText());
            if (withTags) {
                ArrayNode tags = out.putArray("tags");
                s.tags.getOrDefault(d.path("taskDefinitionArn").asText(), List.of()).forEach(tags::add);
            }
        }
        return out;
    }

    JsonNode deregister(ServiceCall c, ObjectNode p) {
        String ref = EcsErrors.required(p, "taskDefinition");
        if (!ref.contains(":")) throw EcsErrors.invalid("Invalid revision number. Number: ");
        ObjectNode out = JsonProtocol.MAPPER.createObjectNode();
        Write w;
        synchronized (s) {
            ObjectNode d = find(c.region(), c.account(), ref, false);
            if (d == null) throw EcsErrors.client("The specified task definition does not exist.");
            d.put("status", "INACTIVE").put("deregisteredAt", s.nowSeconds());
            String family = d.path("family").asText();
            w = EcsRecords.put(EcsRecords.TASK_DEFINITIONS, EcsRecords.definitionKey(EcsState.key(c.region(), c.account(), family), d.path("revision").asInt()), d);
            out.set("taskDefinition", d.deepCopy());
        }
        s.journal.append(w).await();
        return out;
    }

    JsonNode list(ServiceCall c, ObjectNode p) {
        String prefix = p.path("familyPrefix").asText("");
        String status = p.path("status").asText("ACTIVE");
        boolean descending = "DESC".equals(p.path("sort").asText("ASC"));
        List<JsonNode> arns = new ArrayList<>();
        String scope = c.region() + "/" + c.account() + "/";
        synchronized (s) {
            for (Map.Entry<String, TreeMap<Integer, ObjectNode>> e : new TreeMap<>(s.families).entrySet()) {
                if (!e.getKey().startsWith(scope) || !e.getKey().substring(scope.length()).startsWith(prefix)) continue;
                for (ObjectNode d : e.getValue().values()) if (status.equals(d.path("status").asText())) arns.add(d.get("taskDefinitionArn"));
            }
        }
        if (descending) Collections.reverse(arns);
        return Page.of(arns, p, "taskDefinitionArns");
    }

    /** The definition a reference names (lock held), or null; a bare family is its latest ACTIVE revision. */
    ObjectNode find(String region, String account, String ref, boolean activeOnly) {
        String familyRev = ref.startsWith("arn:") ? ref.substring(ref.lastIndexOf('/') + 1) : ref;
        int colon = familyRev.lastIndexOf(':');
        String family = colon < 0 ? familyRev : familyRev.substring(0, colon);
        TreeMap<Integer, ObjectNode> revisions = s.families.get(EcsState.key(region, account, family));
        if (revisions == null) return null;
        if (colon >= 0) {
            try {
                ObjectNode d = revisions.get(Integer.parseInt(familyRev.substring(colon + 1)));
                return d == null || activeOnly && !"ACTIVE".equals(d.path("status").asText()) ? null : d;
            } catch (NumberFormatException e) {
                return null;
            }
        }
        for (ObjectNode d : revisions.descendingMap().values()) if ("ACTIVE".equals(d.path("status").asText())) return d;
        return null;
    }
}
