package dev.stride.service.batch.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.stride.service.JsonProtocol;
import dev.stride.service.ServiceCall;
import dev.stride.service.WriteJournal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;

/**
 * Job definitions: each RegisterJobDefinition of a name adds the next revision; a job refers to
 * {@code name} (its latest ACTIVE revision), {@code name:revision} or the ARN. Only container
 * definitions run here; their {@code containerProperties.command} is the only thing a job runs,
 * changed only by a SubmitJob's {@code containerOverrides}.
 */
final class Definitions {
    private final BatchState s;

    Definitions(BatchState s) { this.s = s; }

    JsonNode register(ServiceCall c, ObjectNode p) {
        String name = Errors.required(p, "jobDefinitionName");
        if (!name.matches("[A-Za-z0-9][A-Za-z0-9_-]{0,127}")) {
            throw Errors.client("Error executing request, Exception : JobDefinitionName must be alphanumeric, up to 128 characters.");
        }
        String type = Errors.required(p, "type");
        if (!type.equals("container")) throw Errors.client("Only job definitions of type container are supported by Stride; got " + type);
        if (!p.path("containerProperties").isObject()) throw Errors.client("containerProperties must be provided for a container job definition");
        JsonNode command = p.path("containerProperties").path("command");
        if (command.isMissingNode() || !command.isArray()) throw Errors.client("containerProperties.command must be provided: Stride runs it as a local process");
        WriteJournal.Ticket t;
        ObjectNode d;
        synchronized (s) {
            String key = BatchState.key(c.region(), c.account(), name);
            TreeMap<Integer, ObjectNode> revisions = s.definitions.computeIfAbsent(key, k -> new TreeMap<>());
            int revision = revisions.isEmpty() ? 1 : revisions.lastKey() + 1;
            d = JsonProtocol.MAPPER.createObjectNode().put("jobDefinitionName", name)
                    .put("jobDefinitionArn", Arns.of(c.region(), c.account(), "job-definition", name + ":" + revision))
                    .put("revision", revision).put("status", "ACTIVE").put("type", type);
            d.set("parameters", p.has("parameters") ? p.get("parameters") : JsonProtocol.MAPPER.createObjectNode());
            for (String f : new String[] {"retryStrategy", "timeout", "containerProperties", "propagateTags", "schedulingPriority"}) {
                if (p.has(f)) d.set(f, p.get(f));
            }
            d.set("tags", p.has("tags") ? p.get("tags") : JsonProtocol.MAPPER.createObjectNode());
            d.set("platformCapabilities", p.has("platformCapabilities") ? p.get("platformCapabilities") : JsonProtocol.MAPPER.createArrayNode().add("EC2"));
            d.put("containerOrchestrationType", "ECS");
            revisions.put(revision, d);
            t = s.journal.append(BatchRecords.put(BatchRecords.DEFINITIONS, BatchRecords.definitionKey(key, revision), d));
        }
        t.await();
        return JsonProtocol.MAPPER.createObjectNode().put("jobDefinitionName", name).put("jobDefinitionArn", d.path("jobDefinitionArn").asText())
                .put("revision", d.path("revision").asInt());
    }

    JsonNode deregister(ServiceCall c, ObjectNode p) {
        String ref = Errors.required(p, "jobDefinition");
        WriteJournal.Ticket t;
        synchronized (s) {
            ObjectNode d = find(c.region(), c.account(), ref, false);
            if (d == null || !ref.contains(":") && !ref.startsWith("arn:")) throw Errors.client("JobDefinition " + ref + " does not exist");
            d.put("status", "INACTIVE");
            String key = BatchState.key(c.region(), c.account(), d.path("jobDefinitionName").asText());
            t = s.journal.append(BatchRecords.put(BatchRecords.DEFINITIONS, BatchRecords.definitionKey(key, d.path("revision").asInt()), d));
        }
        t.await();
        return JsonProtocol.MAPPER.createObjectNode();
    }

    JsonNode describe(ServiceCall c, ObjectNode p) {
        List<String> wanted = Resources.texts(p.path("jobDefinitions"));
        String byName = p.path("jobDefinitionName").textValue();
        String status = p.path("status").textValue();
        List<ObjectNode> found = new ArrayList<>();
        synchronized (s) {
            String prefix = c.region() + "/" + c.account() + "/";
            for (Map.Entry<String, TreeMap<Integer, ObjectNode>> e : new TreeMap<>(s.definitions).entrySet()) {
                if (!e.getKey().startsWith(prefix)) continue;
                for (ObjectNode d : e.getValue().values()) {
                    String name = d.path("jobDefinitionName").asText();
                    if (byName != null && !byName.equals(name)) continue;
                    if (status != null && !status.equals(d.path("status").asText())) continue;
                    if (!wanted.isEmpty() && !wanted.contains(d.path("jobDefinitionArn").asText())
                            && !wanted.contains(name + ":" + d.path("revision").asInt()) && !wanted.contains(name)) continue;
                    found.add(d.deepCopy());
                }
            }
        }
        return Pages.of(found, p, "jobDefinitions");
    }

    /**
     * The definition a job names (call holding the lock).
     *
     * @param activeOnly a bare name resolves to its latest ACTIVE revision, and a job cannot use an INACTIVE one
     */
    ObjectNode find(String region, String account, String ref, boolean activeOnly) {
        String nameRev = Arns.name(ref);
        int colon = nameRev.lastIndexOf(':');
        String name = colon < 0 ? nameRev : nameRev.substring(0, colon);
        TreeMap<Integer, ObjectNode> revisions = s.definitions.get(BatchState.key(region, account, name));
        if (revisions == null) return null;
        if (colon >= 0) {
            ObjectNode d;
            try {
                d = revisions.get(Integer.parseInt(nameRev.substring(colon + 1)));
            } catch (NumberFormatException e) {
                return null;
            }
            return d == null || activeOnly && !"ACTIVE".equals(d.path("status").asText()) ? null : d;
        }
        for (ObjectNode d : revisions.descendingMap().values()) if ("ACTIVE".equals(d.path("status").asText())) return d;
        return null;
    }
}
