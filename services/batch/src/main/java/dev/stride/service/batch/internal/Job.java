package dev.stride.service.batch.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.stride.service.JsonProtocol;
import dev.stride.service.compute.LocalProcess;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ScheduledFuture;

/**
 * One job (or one child of an array job): what DescribeJobs shows, plus what the scheduler needs
 * while it runs. Mutated only under the state's lock.
 */
final class Job {
    final String id;
    final String region;
    final String account;
    /** The DescribeJobs shape, kept current: status, times, container, attempts. */
    final ObjectNode d;
    JobStatus status;

    /** Jobs (ids) this one waits on that have not succeeded yet. */
    final Set<String> waitingOn = new LinkedHashSet<>();
    /** Ids of an array parent's children, in index order. */
    final List<String> children = new ArrayList<>();
    String parentId;

    // the current attempt
    String computeEnvironment;
    double vcpus;
    LocalProcess process;
    long pid;
    long processStartedAt;
    String instanceId;
    String stopReason;
    boolean timedOut;
    ScheduledFuture<?> timeoutTimer;

    Job(String id, String region, String account, ObjectNode d, JobStatus status) {
        this.id = id;
        this.region = region;
        this.account = account;
        this.d = d;
        this.status = status;
        d.put("status", status.name());
    }

    String name() { return d.path("jobName").asText(); }

    String queueArn() { return d.path("jobQueue").asText(); }

    String definitionArn() { return d.path("jobDefinition").asText(); }

    long createdAt() { return d.path("createdAt").asLong(); }

    boolean isArrayParent() { return d.has("arrayProperties") && d.get("arrayProperties").has("size"); }

    ObjectNode container() { return d.with("container"); }

    ArrayNode attempts() { return d.withArray("attempts"); }

    int attemptCount() { return attempts().size(); }

    int maxAttempts() { return Math.max(1, d.path("retryStrategy").path("attempts").asInt(1)); }

    void move(JobStatus target, String reason) {
        status = status.to(target);
        d.put("status", target.name());
        if (reason != null) d.put("statusReason", reason);
    }

    /** What a Task state or a listener is given: the description as DescribeJobs lists it. */
    ObjectNode describe() { return d.deepCopy(); }

    /** The ListJobs summary. */
    ObjectNode summary() {
        ObjectNode s = JsonProtocol.MAPPER.createObjectNode();
        for (String f : new String[] {"jobArn", "jobId", "jobName", "createdAt", "status", "statusReason", "startedAt", "stoppedAt", "jobDefinition"}) {
            if (d.has(f)) s.set(f, d.get(f));
        }
        ObjectNode c = s.putObject("container");
        JsonNode container = d.path("container");
        if (container.has("exitCode")) c.set("exitCode", container.get("exitCode"));
        if (container.has("reason")) c.set("reason", container.get("reason"));
        if (d.has("arrayProperties")) {
            ObjectNode a = s.putObject("arrayProperties");
            JsonNode ap = d.get("arrayProperties");
            if (ap.has("size")) a.set("size", ap.get("size"));
            if (ap.has("index")) a.set("index", ap.get("index"));
        }
        return s;
    }
}
