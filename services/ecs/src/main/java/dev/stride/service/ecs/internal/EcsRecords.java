package dev.stride.service.ecs.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.stride.engine.spi.RecordStore.Write;
import dev.stride.service.JsonProtocol;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * ECS's tables: {@code ecs.clusters} ({@code region/account/name}), {@code ecs.taskdefs}
 * ({@code region/account/family/} and a 10-digit revision), {@code ecs.tasks} (the task id →
 * description plus the essential containers and the processes of a running task),
 * {@code ecs.tags} (ARN → tags), {@code ecs.idempotency} (a Task state's key → RunTask's reply).
 */
final class EcsRecords {
    static final String CLUSTERS = "ecs.clusters";
    static final String TASK_DEFINITIONS = "ecs.taskdefs";
    static final String TASKS = "ecs.tasks";
    static final String TAGS = "ecs.tags";
    static final String IDEMPOTENCY = "ecs.idempotency";

    private EcsRecords() {}

    static Write put(String table, String key, JsonNode value) { return Write.put(table, key, value.toString()); }

    static String definitionKey(String familyKey, int revision) { return familyKey + "/" + String.format("%010d", revision); }

    static Write task(EcsTask t) {
        ObjectNode o = JsonProtocol.MAPPER.createObjectNode().put("r", t.region).put("a", t.account);
        o.set("d", t.d);
        t.essential.forEach(o.putArray("e")::add);
        ObjectNode p = o.putObject("p");
        t.pids.forEach((name, pid) -> p.putArray(name).add(pid[0]).add(pid[1]));
        if (t.instanceId != null) o.put("i", t.instanceId);
        return Write.put(TASKS, t.id, o.toString());
    }

    static EcsTask readTask(String id, String value) {
        JsonNode o = read(value);
        ObjectNode d = (ObjectNode) o.get("d");
        EcsTask t = new EcsTask(id, o.path("r").asText(), o.path("a").asText(), d, TaskStatus.valueOf(d.path("lastStatus").asText()));
        o.path("e").forEach(e -> t.essential.add(e.asText()));
        o.path("p").properties().forEach(e -> t.pids.put(e.getKey(), new long[] {e.getValue().path(0).asLong(), e.getValue().path(1).asLong()}));
        t.instanceId = o.path("i").textValue();
        return t;
    }

    static JsonNode read(String value) {
        try {
            return JsonProtocol.MAPPER.readTree(value);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
