package dev.stride.service.ecs;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.stride.engine.spi.RecordStore;
import dev.stride.service.AwsService;
import dev.stride.service.Casing;
import dev.stride.service.JsonProtocol;
import dev.stride.service.RunToCompletion;
import dev.stride.service.ServiceCall;
import dev.stride.service.ServiceException;
import dev.stride.service.ServiceRequest;
import dev.stride.service.ServiceResponse;
import dev.stride.service.compute.ComputeSettings;
import dev.stride.service.ecs.internal.EcsActions;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.function.LongSupplier;

/**
 * Amazon ECS on Stride's endpoint: clusters, task definitions and tasks whose containers run as
 * local processes (FARGATE and EC2 launch types alike), their awslogs output in CloudWatch Logs.
 * AWS JSON 1.1 ({@code X-Amz-Target: AmazonEC2ContainerServiceV20141113.RunTask}); Task states
 * call {@link #call} in-process with PascalCase members and wait for a task's stop through
 * {@link #whenEnded}. Durable in a {@link RecordStore}.
 */
public final class EcsService implements AwsService, RunToCompletion, AutoCloseable {
    private static final String TARGET_PREFIX = "AmazonEC2ContainerServiceV20141113.";
    private static final String JSON_1_1 = "application/x-amz-json-1.1";
    private static final System.Logger LOG = System.getLogger(EcsService.class.getName());
    private final EcsActions actions;

    public EcsService(RecordStore store, LongSupplier clockMillis, ComputeSettings compute, AwsService logs) {
        this.actions = new EcsActions(store, clockMillis, compute, logs);
    }

    @Override
    public String signingName() { return "ecs"; }

    @Override
    public List<String> targetPrefixes() { return List.of(TARGET_PREFIX); }

    @Override
    public Set<String> queryActions() { return Set.of(); }

    @Override
    public ServiceResponse serve(ServiceRequest request) {
        String requestId = UUID.randomUUID().toString();
        String action = JsonProtocol.action(request, TARGET_PREFIX);
        try {
            if (action == null) throw new ServiceException("UnknownOperationException", "UnknownOperationException", 400, true, "Missing X-Amz-Target");
            ObjectNode params = JsonProtocol.params(request);
            return JsonProtocol.reply(JSON_1_1, actions.run(new ServiceCall(action, params, request.region(), request.account(), request.endpoint(), null), params), requestId);
        } catch (ServiceException e) {
            return JsonProtocol.error(JSON_1_1, null, e, requestId);
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.ERROR, "ECS " + action + " failed unexpectedly", e);
            return JsonProtocol.error(JSON_1_1, null, new ServiceException("ServerException", "ServerException", 500, false, "Internal error: " + e), requestId);
        }
    }

    /** In-process: PascalCase members in and out, as Task states write and read them. */
    @Override
    public JsonNode call(ServiceCall call) {
        ObjectNode params = (ObjectNode) Casing.camel(call.params(), EcsActions.MAP_MEMBERS);
        return Casing.pascal(actions.run(call.withParams(params), params), EcsActions.MAP_MEMBERS);
    }

    /** The task's DescribeTasks description (PascalCase) once it is STOPPED. */
    @Override
    public AutoCloseable whenEnded(String region, String account, String id, Consumer<JsonNode> ended) {
        return actions.whenEnded(id, d -> ended.accept(Casing.pascal(d, EcsActions.MAP_MEMBERS)));
    }

    @Override
    public boolean succeeded(JsonNode description) { return actions.succeeded(description.path("TaskArn").asText()); }

    @Override
    public void stopForTask(String region, String account, String id, String reason) {
        try {
            actions.stop(region, account, id, reason);
        } catch (ServiceException e) {
            // the task or its cluster is gone: nothing to stop
        }
    }

    /** Kills every container process; running tasks stop as lost with their host at the next start. */
    @Override
    public void close() { actions.close(); }
}
