package dev.stride.service.batch.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.stride.engine.spi.RecordStore;
import dev.stride.service.AwsService;
import dev.stride.service.JsonProtocol;
import dev.stride.service.ServiceCall;
import dev.stride.service.ServiceException;
import dev.stride.service.compute.ComputeSettings;
import dev.stride.service.WriteJournal;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.LongSupplier;

/** Every Batch action by its API name, over one state; the service facade's only door in. */
public final class BatchActions implements AutoCloseable {
    /** Members whose values are maps of the user's keys (kept as written when names change case). */
    public static final Set<String> MAP_MEMBERS = Set.of("parameters", "tags", "options", "statusSummary");

    private final BatchState s;
    private final WriteJournal journal;
    private final Resources resources;
    private final Definitions definitions;
    private final Dispatcher dispatcher;
    private final Submission submission;
    private final JobActions jobs;
    private final Tags tags;

    public BatchActions(RecordStore store, LongSupplier clock, ComputeSettings compute, AwsService logs) {
        this.journal = new WriteJournal(store, "Batch", m -> new ServiceException("ServerException", "ServerException", 500, false, m));
        this.s = new BatchState(journal, clock);
        this.dispatcher = new Dispatcher(s, compute, logs);
        this.resources = new Resources(s, dispatcher::pump);
        this.definitions = new Definitions(s);
        this.submission = new Submission(s, resources, definitions, dispatcher);
        this.jobs = new JobActions(s, dispatcher, resources);
        this.tags = new Tags(s);
        Recovery.load(store, s, dispatcher);
    }

    public JsonNode run(ServiceCall c, ObjectNode p) {
        return switch (c.action()) {
            case "CreateComputeEnvironment" -> resources.createEnvironment(c, p);
            case "UpdateComputeEnvironment" -> resources.updateEnvironment(c, p);
            case "DeleteComputeEnvironment" -> resources.deleteEnvironment(c, p);
            case "DescribeComputeEnvironments" -> resources.describeEnvironments(c, p);
            case "CreateJobQueue" -> resources.createQueue(c, p);
            case "UpdateJobQueue" -> resources.updateQueue(c, p);
            case "DeleteJobQueue" -> resources.deleteQueue(c, p);
            case "DescribeJobQueues" -> resources.describeQueues(c, p);
            case "RegisterJobDefinition" -> definitions.register(c, p);
            case "DeregisterJobDefinition" -> definitions.deregister(c, p);
            case "DescribeJobDefinitions" -> definitions.describe(c, p);
            case "SubmitJob" -> submission.submit(c, p);
            case "DescribeJobs" -> jobs.describe(c, p);
            case "ListJobs" -> jobs.list(c, p);
            case "TerminateJob" -> jobs.terminate(c, p, false);
            case "CancelJob" -> jobs.terminate(c, p, true);
            case "TagResource" -> tags.tag(c, p);
            case "UntagResource" -> tags.untag(c, p);
            case "ListTagsForResource" -> tags.list(c, p);
            default -> throw new ServiceException("UnknownOperationException", "UnknownOperationException", 400, true,
                    "The action " + c.action() + " is not valid for this endpoint.");
        };
    }

    /** Tells {@code ended} of the job's end; true when it had already ended (then the caller is told at once, here). */
    public AutoCloseable whenEnded(String id, Consumer<JsonNode> ended) {
        String jobId = JobActions.jobId(id);
        JsonNode already = null;
        synchronized (s) {
            Job j = s.jobs.get(jobId);
            if (j == null) throw Errors.client("Job " + jobId + " does not exist.");
            if (dispatcher.listen(j, ended)) already = j.describe();
        }
        if (already != null) ended.accept(already);
        return () -> {
            synchronized (s) {
                List<Consumer<JsonNode>> l = s.listeners.get(jobId);
                if (l != null) l.remove(ended);
            }
        };
    }

    public void terminate(String region, String account, String id, String reason) {
        run(new ServiceCall("TerminateJob", JsonProtocol.MAPPER.createObjectNode().put("jobId", id).put("reason", reason), region, account, null, null),
                JsonProtocol.MAPPER.createObjectNode().put("jobId", id).put("reason", reason));
    }

    @Override
    public void close() {
        dispatcher.close();
        journal.close();
    }
}
