package dev.stride.service.batch;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.stride.engine.spi.RecordStore;
import dev.stride.service.AwsService;
import dev.stride.service.RunToCompletion;
import dev.stride.service.ServiceCall;
import dev.stride.service.ServiceException;
import dev.stride.service.ServiceRequest;
import dev.stride.service.ServiceResponse;
import dev.stride.service.batch.internal.BatchActions;
import dev.stride.service.batch.internal.Routes;
import dev.stride.service.Casing;
import dev.stride.service.compute.ComputeSettings;
import dev.stride.service.compute.RestJson;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.function.LongSupplier;

/**
 * AWS Batch on Stride's endpoint: compute environments, job queues, job definitions, and jobs
 * whose containers run as local processes (their output in CloudWatch Logs, group
 * {@code /aws/batch/job}). Clients speak REST-JSON on {@code /v1/...}; Task states call
 * {@link #call} in-process with PascalCase members and wait for a job's end through
 * {@link #whenEnded}. Durable in a {@link RecordStore}; a job running when the server died fails
 * as a job does whose host is lost, and its retry strategy applies.
 *
 * <pre>{@code
 * BatchService batch = new BatchService(store, System::currentTimeMillis,
 *         ComputeSettings.of(dataDir.resolve("compute"), "http://localhost:8083", "us-east-1"), logs);
 * }</pre>
 */
public final class BatchService implements AwsService, RunToCompletion, AutoCloseable {
    private static final System.Logger LOG = System.getLogger(BatchService.class.getName());
    private final BatchActions actions;

    /** @param logs the CloudWatch Logs service jobs' output goes to (null: dropped) */
    public BatchService(RecordStore store, LongSupplier clockMillis, ComputeSettings compute, AwsService logs) {
        this.actions = new BatchActions(store, clockMillis, compute, logs);
    }

    @Override
    public String signingName() { return "batch"; }

    @Override
    public List<String> targetPrefixes() { return List.of(); }

    @Override
    public Set<String> queryActions() { return Set.of(); }

    @Override
    public List<String> restPathPrefixes() { return List.of(Routes.PREFIX); }

    @Override
    public ServiceResponse serve(ServiceRequest request) {
        String requestId = UUID.randomUUID().toString();
        String action = null;
        try {
            ObjectNode params = Routes.body(request);
            action = Routes.action(request, params);
            ServiceCall call = new ServiceCall(action, params, request.region(), request.account(), request.endpoint(), null);
            return RestJson.reply(actions.run(call, params), requestId);
        } catch (ServiceException e) {
            return RestJson.error(e, requestId);
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.ERROR, "Batch " + action + " failed unexpectedly", e);
            return RestJson.error(new ServiceException("ServerException", "ServerException", 500, false, "Internal error: " + e), requestId);
        }
    }

    @Override
    public ServiceResponse refuse(ServiceRequest request, ServiceException e) { return RestJson.error(e, UUID.randomUUID().toString()); }

    /** In-process: PascalCase members in and out, as Task states write and read them. */
    @Override
    public JsonNode call(ServiceCall call) {
        ObjectNode params = (ObjectNode) Casing.camel(call.params(), BatchActions.MAP_MEMBERS);
        return Casing.pascal(actions.run(call.withParams(params), params), BatchActions.MAP_MEMBERS);
    }

    /** The job's DescribeJobs description (PascalCase) once it is SUCCEEDED or FAILED. */
    @Override
    public AutoCloseable whenEnded(String region, String account, String id, Consumer<JsonNode> ended) {
        return actions.whenEnded(id, d -> ended.accept(Casing.pascal(d, BatchActions.MAP_MEMBERS)));
    }

    @Override
    public boolean succeeded(JsonNode description) { return "SUCCEEDED".equals(description.path("Status").asText()); }

    @Override
    public void stopForTask(String region, String account, String id, String reason) {
        try {
            actions.terminate(region, account, id, reason);
        } catch (ServiceException e) {
            // the job is gone: nothing to stop
        }
    }

    /** Kills every running job's process tree; the jobs stay RUNNING in the store and fail as a lost host at the next start. */
    @Override
    public void close() { actions.close(); }
}
