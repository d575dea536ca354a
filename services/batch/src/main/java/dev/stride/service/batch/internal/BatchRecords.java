package dev.stride.service.batch.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.stride.engine.spi.RecordStore;
import dev.stride.engine.spi.RecordStore.Write;
import dev.stride.service.JsonProtocol;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.function.BiConsumer;

/**
 * Batch's tables in the record store, each record the resource's Describe shape:
 * <ul>
 *   <li>{@code batch.environments}, {@code batch.queues}: {@code region/account/name}</li>
 *   <li>{@code batch.definitions}: {@code region/account/name/} and a 10-digit revision</li>
 *   <li>{@code batch.jobs}: the job id → {@code {"r","a","d": description, "x": scheduler's notes}}
 *       (the notes name the process of a running attempt, so a restart can kill what a crash left)</li>
 *   <li>{@code batch.idempotency}: a Task state's key → the SubmitJob reply it got</li>
 * </ul>
 */
final class BatchRecords {
    static final String ENVIRONMENTS = "batch.environments";
    static final String QUEUES = "batch.queues";
    static final String DEFINITIONS = "batch.definitions";
    static final String JOBS = "batch.jobs";
    static final String IDEMPOTENCY = "batch.idempotency";

    private BatchRecords() {}

    static String definitionKey(String key, int revision) { return key + "/" + String.format("%010d", revision); }

    static Write put(String table, String key, JsonNode value) { return Write.put(table, key, value.toString()); }

    static Write job(Job j) {
        ObjectNode o = JsonProtocol.MAPPER.createObjectNode().put("r", j.region).put("a", j.account);
        o.set("d", j.d);
        ObjectNode x = o.putObject("x");
        if (j.parentId != null) x.put("parent", j.parentId);
        if (!j.children.isEmpty()) j.children.forEach(x.putArray("children")::add);
        if (!j.waitingOn.isEmpty()) j.waitingOn.forEach(x.putArray("waiting")::add);
        if (j.computeEnvironment != null) x.put("ce", j.computeEnvironment).put("vcpus", j.vcpus);
        if (j.pid > 0) x.put("pid", j.pid).put("pst", j.processStartedAt);
        if (j.instanceId != null) x.put("inst", j.instanceId);
        if (j.stopReason != null) x.put("stop", j.stopReason);
        return Write.put(JOBS, j.id, o.toString());
    }

    static Job readJob(String id, String value) {
        JsonNode o = read(value);
        ObjectNode d = (ObjectNode) o.get("d");
        Job j = new Job(id, o.path("r").asText(), o.path("a").asText(), d, JobStatus.valueOf(d.path("status").asText()));
        JsonNode x = o.path("x");
        j.parentId = x.path("parent").textValue();
        x.path("children").forEach(c -> j.children.add(c.asText()));
        x.path("waiting").forEach(w -> j.waitingOn.add(w.asText()));
        j.computeEnvironment = x.path("ce").textValue();
        j.vcpus = x.path("vcpus").asDouble();
        j.pid = x.path("pid").asLong();
        j.processStartedAt = x.path("pst").asLong();
        j.instanceId = x.path("inst").textValue();
        j.stopReason = x.path("stop").textValue();
        return j;
    }

    static void scan(RecordStore store, String table, BiConsumer<String, JsonNode> each) {
        store.scan(table, (k, v) -> each.accept(k, read(v)));
    }

    static JsonNode read(String value) {
        try {
            return JsonProtocol.MAPPER.readTree(value);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
