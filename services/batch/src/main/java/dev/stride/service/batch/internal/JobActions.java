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
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

/** DescribeJobs, ListJobs, TerminateJob and CancelJob; SubmitJob is {@link Submission}'s. */
final class JobActions {
    private final BatchState s;
    private final Dispatcher dispatcher;
    private final Resources resources;

    JobActions(BatchState s, Dispatcher dispatcher, Resources resources) {
        this.s = s;
        this.dispatcher = dispatcher;
        this.resources = resources;
    }

    JsonNode describe(ServiceCall c, ObjectNode p) {
        JsonNode ids = p.path("jobs");
        if (!ids.isArray()) throw Errors.client("jobs must be provided");
        if (ids.size() > 100) throw Errors.client("Error executing request, Exception : jobs list size cannot exceed 100");
        ObjectNode out = JsonProtocol.MAPPER.createObjectNode();
        ArrayNode list = out.putArray("jobs");
        synchronized (s) {
            for (JsonNode id : ids) {
                Job j = s.jobs.get(jobId(id.asText()));
                if (j != null) list.add(j.describe()); // AWS leaves out ids it does not know
            }
        }
        return out;
    }

    static String jobId(String idOrArn) { return idOrArn.startsWith("arn:") ? idOrArn.substring(idOrArn.lastIndexOf('/') + 1) : idOrArn; }

    JsonNode list(ServiceCall c, ObjectNode p) {
        String queue = p.path("jobQueue").textValue();
        String arrayJobId = p.path("arrayJobId").textValue();
        JsonNode filters = p.path("filters");
        boolean filtered = filters.isArray() && !filters.isEmpty();
        String status = p.path("jobStatus").textValue();
        if (status == null && !filtered) status = "RUNNING";
        if (queue == null && arrayJobId == null && p.path("multiNodeJobId").isMissingNode()) {
            throw Errors.client("Error executing request, Exception : Either jobQueue, arrayJobId or multiNodeJobId must be provided.");
        }
        List<ObjectNode> found = new ArrayList<>();
        synchronized (s) {
            String queueArn = null;
            if (queue != null) queueArn = resources.queue(c.region(), c.account(), queue).path("jobQueueArn").asText();
            for (Job j : s.jobs.values()) {
                if (arrayJobId != null ? !arrayJobId.equals(j.parentId) : j.parentId != null) continue;
                if (queueArn != null && !queueArn.equals(j.queueArn())) continue;
                if (!filtered && !j.status.name().equals(status)) continue;
                if (filtered && !Filters.matches(filters, j)) continue;
                found.add(j.summary());
            }
        }
        found.sort((a, b) -> Long.compare(b.path("createdAt").asLong(), a.path("createdAt").asLong()));
        return Pages.of(found, p, "jobSummaryList");
    }

    JsonNode terminate(ServiceCall c, ObjectNode p, boolean cancel) {
        String id = jobId(Errors.required(p, "jobId"));
        String reason = Errors.required(p, "reason");
        List<Runnable> notify = new ArrayList<>();
        WriteJournal.Ticket t;
        synchronized (s) {
            Job j = s.jobs.get(id);
            if (j == null) throw Errors.client("Job " + id + " does not exist.");
            List<Write> w = new ArrayList<>();
            dispatcher.terminate(j, reason, cancel, w, notify);
            t = s.journal.append(w);
        }
        t.await();
        notify.forEach(Runnable::run);
        dispatcher.pump();
        return JsonProtocol.MAPPER.createObjectNode();
    }

    static String newJobId() { return UUID.randomUUID().toString(); }
}
