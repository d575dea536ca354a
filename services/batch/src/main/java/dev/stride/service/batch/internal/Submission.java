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
import java.util.concurrent.CompletableFuture;

/**
 * SubmitJob: the job's description from its definition and the submit's overrides, its
 * dependencies, and an array job's children ({@code <id>:<index>}, each with its own
 * dependencies: SEQUENTIAL on the child before it, N_TO_N on the same index of another array
 * job, a plain job id on that whole job). A Task state's idempotency key gets the first reply again.
 */
final class Submission {
    private final BatchState s;
    private final Resources resources;
    private final Definitions definitions;
    private final Dispatcher dispatcher;

    Submission(BatchState s, Resources resources, Definitions definitions, Dispatcher dispatcher) {
        this.s = s;
        this.resources = resources;
        this.definitions = definitions;
        this.dispatcher = dispatcher;
    }

    JsonNode submit(ServiceCall c, ObjectNode p) {
        String name = Errors.required(p, "jobName");
        if (!name.matches("[A-Za-z0-9][A-Za-z0-9_-]{0,127}")) {
            throw Errors.client("Error executing request, Exception : Job name should match valid pattern");
        }
        String queueRef = Errors.required(p, "jobQueue");
        String definitionRef = Errors.required(p, "jobDefinition");
        int size = p.path("arrayProperties").path("size").asInt(0);
        if (p.path("arrayProperties").has("size") && (size < 2 || size > 10_000)) {
            throw Errors.client("Error executing request, Exception : Array job size must be between 2 and 10000");
        }
        List<Runnable> notify = new ArrayList<>();
        WriteJournal.Ticket t;
        ObjectNode reply;
        synchronized (s) {
            if (c.idempotencyKey() != null && s.idempotency.containsKey(c.idempotencyKey())) return s.idempotency.get(c.idempotencyKey()).deepCopy();
            ObjectNode queue = resources.queue(c.region(), c.account(), queueRef);
            ObjectNode def = definitions.find(c.region(), c.account(), definitionRef, true);
            if (def == null) throw Errors.client("JobDefinition name " + definitionRef + " does not exist or is not in ACTIVE status");
            String id = JobActions.newJobId();
            ObjectNode d = description(c, p, id, name, queue, def);
            List<Write> w = new ArrayList<>();
            Job job = new Job(id, c.region(), c.account(), d, JobStatus.SUBMITTED);
            job.vcpus = JobCommand.vcpus(d.path("container"));
            List<String[]> deps = dependencies(p.path("dependsOn"), size);
            s.jobs.put(id, job);
            if (size > 0) {
                ObjectNode summary = d.with("arrayProperties").putObject("statusSummary");
                for (JobStatus st : JobStatus.values()) summary.put(st.name(), 0);
                summary.put("SUBMITTED", size);
                for (int i = 0; i < size; i++) {
                    Job child = child(job, i);
                    s.jobs.put(child.id, child);
                    job.children.add(child.id);
                }
                for (int i = 0; i < size; i++) {
                    Job child = s.jobs.get(job.children.get(i));
                    for (String[] dep : deps) wait(child, dep[1].equals("N_TO_N") ? dep[0] + ":" + i : dep[0], w, notify);
                    if (p.path("dependsOn").findValues("type").stream().anyMatch(n -> "SEQUENTIAL".equals(n.asText())) && i > 0) {
                        wait(child, job.children.get(i - 1), w, notify);
                    }
                }
                if (!job.status.isFinal()) dispatcher.admit(job, w);
                for (String childId : job.children) {
                    Job child = s.jobs.get(childId);
                    if (!child.status.isFinal()) dispatcher.admit(child, w);
                }
            } else {
                for (String[] dep : deps) wait(job, dep[0], w, notify);
                if (!job.status.isFinal()) dispatcher.admit(job, w);
            }
            w.add(BatchRecords.job(job));
            reply = JsonProtocol.MAPPER.createObjectNode().put("jobArn", d.path("jobArn").asText()).put("jobName", name).put("jobId", id);
            if (c.idempotencyKey() != null) {
                s.idempotency.put(c.idempotencyKey(), reply);
                w.add(BatchRecords.put(BatchRecords.IDEMPOTENCY, c.idempotencyKey(), reply));
            }
            t = s.journal.append(w);
        }
        t.await();
        notify.forEach(Runnable::run);
        dispatcher.pump();
        return reply.deepCopy();
    }

    private ObjectNode description(ServiceCall c, ObjectNode p, String id, String name, ObjectNode queue, ObjectNode def) {
        ObjectNode parameters = ((ObjectNode) def.path("parameters")).deepCopy();
        if (p.path("parameters").isObject()) parameters.setAll((ObjectNode) p.get("parameters"));
        ObjectNode d = JsonProtocol.MAPPER.createObjectNode().put("jobArn", Arns.of(c.region(), c.account(), "job", id))
                .put("jobName", name).put("jobId", id).put("jobQueue", queue.path("jobQueueArn").asText()).put("status", "SUBMITTED");
        d.putArray("attempts");
        d.put("createdAt", s.now());
        JsonNode retry = p.has("retryStrategy") ? p.get("retryStrategy") : def.path("retryStrategy");
        ObjectNode retryStrategy = retry.isObject() ? ((ObjectNode) retry).deepCopy() : JsonProtocol.MAPPER.createObjectNode();
        if (!retryStrategy.has("attempts")) retryStrategy.put("attempts", 1);
        int attempts = retryStrategy.path("attempts").asInt();
        if (attempts < 1 || attempts > 10) throw Errors.client("Error executing request, Exception : Attempts must be between 1 and 10");
        if (!retryStrategy.has("evaluateOnExit")) retryStrategy.putArray("evaluateOnExit");
        d.set("retryStrategy", retryStrategy);
        d.set("dependsOn", p.path("dependsOn").isArray() ? p.get("dependsOn") : JsonProtocol.MAPPER.createArrayNode());
        d.put("jobDefinition", def.path("jobDefinitionArn").asText());
        d.set("parameters", parameters);
        ObjectNode container = JobCommand.container(def.path("containerProperties"), p.path("containerOverrides"), parameters);
        d.set("container", container);
        JsonNode timeout = p.has("timeout") ? p.get("timeout") : def.path("timeout");
        if (timeout.isObject()) {
            if (timeout.path("attemptDurationSeconds").asLong(1) < 1) throw Errors.client("Error executing request, Exception : attemptDurationSeconds must be positive");
            d.set("timeout", timeout);
        }
        if (p.path("arrayProperties").has("size")) d.putObject("arrayProperties").put("size", p.path("arrayProperties").path("size").asInt());
        ObjectNode tags = def.path("propagateTags").asBoolean(false) ? ((ObjectNode) def.path("tags")).deepCopy() : JsonProtocol.MAPPER.createObjectNode();
        if (p.path("tags").isObject()) tags.setAll((ObjectNode) p.get("tags"));
        d.set("tags", tags);
        d.put("propagateTags", p.path("propagateTags").asBoolean(def.path("propagateTags").asBoolean(false)));
        d.set("platformCapabilities", def.path("platformCapabilities"));
        d.putArray("eksAttempts");
        d.put("isCancelled", false).put("isTerminated", false);
        JobCommand.vcpus(container); // refuses a bad VCPU value now rather than when it is scheduled
        return d;
    }

    private Job child(Job parent, int index) {
        ObjectNode d = parent.d.deepCopy();
        String id = parent.id + ":" + index;
        d.put("jobArn", parent.d.path("jobArn").asText() + ":" + index).put("jobId", id);
        d.putObject("arrayProperties").put("index", index);
        d.putArray("dependsOn");
        Job child = new Job(id, parent.region, parent.account, d, JobStatus.SUBMITTED);
        child.parentId = parent.id;
        child.vcpus = JobCommand.vcpus(d.path("container"));
        return child;
    }

    /** [jobId, type] of each dependency on another job; SEQUENTIAL (no job id) is the array's own. */
    private List<String[]> dependencies(JsonNode dependsOn, int size) {
        List<String[]> out = new ArrayList<>();
        for (JsonNode dep : dependsOn) {
            String type = dep.path("type").asText("SEQUENTIAL");
            String id = dep.path("jobId").textValue();
            if (id == null) {
                if (!type.equals("SEQUENTIAL") || size == 0) throw Errors.client("Error executing request, Exception : jobId must be provided in dependsOn");
                continue;
            }
            id = JobActions.jobId(id);
            Job other = s.jobs.get(id);
            if (other == null) throw Errors.client("Error executing request, Exception : Dependent job ID " + id + " does not exist");
            if (type.equals("N_TO_N") && (size == 0 || other.children.size() != size)) {
                throw Errors.client("Error executing request, Exception : N_TO_N dependencies are only allowed between array jobs of the same size");
            }
            out.add(new String[] {id, dep.has("type") ? type : "STANDARD"});
        }
        return out;
    }

    /** Makes the job wait on another, unless that one already succeeded; one that failed fails it now. Lock held. */
    private void wait(Job j, String onId, List<Write> w, List<Runnable> notify) {
        Job on = s.jobs.get(onId);
        if (on == null || on.status == JobStatus.SUCCEEDED) return;
        if (on.status == JobStatus.FAILED) {
            if (j.status == JobStatus.SUBMITTED) dispatcher.fail(j, Dispatcher.DEPENDENCY_FAILED, w, notify);
            return;
        }
        if (j.waitingOn.add(onId)) s.dependents.computeIfAbsent(onId, k -> new ArrayList<>()).add(j.id);
    }
}
