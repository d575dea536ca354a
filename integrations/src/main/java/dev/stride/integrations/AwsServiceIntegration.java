package dev.stride.integrations;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.stride.engine.spi.TaskCompletion;
import dev.stride.engine.spi.TaskIntegration;
import dev.stride.engine.spi.TaskInvocation;
import dev.stride.expr.Json;
import dev.stride.integrations.internal.AwsErrors;
import dev.stride.integrations.internal.OptimizedAction;
import dev.stride.integrations.internal.SdkMembers;
import dev.stride.integrations.internal.ServiceFailure;
import dev.stride.integrations.internal.ServiceResource;
import dev.stride.integrations.internal.SyncResource;
import dev.stride.integrations.internal.SyncWaiter;
import dev.stride.integrations.internal.TaskRuns;
import dev.stride.service.AwsService;
import dev.stride.service.ServiceCall;
import dev.stride.service.ServiceException;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * Task states that call Stride's local AWS services in-process, as Step Functions calls AWS:
 * the optimized integrations {@code arn:aws:states:::sqs:sendMessage} and
 * {@code arn:aws:states:::sns:publish}, and the AWS SDK integrations
 * {@code arn:aws:states:::aws-sdk:<service>:<action>} of every service in the map, each also with
 * {@code .waitForTaskToken}. A service joins by being put in the map under its ARN name.
 *
 * <p>Every call carries the task token and attempt as its idempotency key: an engine that
 * re-dispatches a task after a crash repeats the call with the same key, and the service answers
 * with its first reply instead of sending or publishing again.
 *
 * <p>Calls run on virtual threads, since a service's write waits for its commit. They are not
 * interrupted when the task is stopped: a call is short, and interrupting one mid-commit could
 * leave the service unsure whether it applied; its late outcome is ignored by the engine.
 */
public final class AwsServiceIntegration implements TaskIntegration, AutoCloseable {
    private static final DateTimeFormatter HTTP_DATE =
            DateTimeFormatter.ofPattern("EEE, dd MMM yyyy HH:mm:ss 'GMT'", Locale.ENGLISH).withZone(ZoneOffset.UTC);
    private final Map<String, AwsService> services;
    private final String region;
    private final String account;
    private final String endpoint;
    private final Clock clock;
    private final Supplier<String> requestIds;
    private final TaskRuns runs = new TaskRuns();
    private final SyncWaiter sync;

    /**
     * @param services by the name resource ARNs use: {@code sqs}, {@code sns}, {@code dynamodb}
     * @param endpoint the base URL clients reach the server by ({@code http://localhost:8083}), for the addresses services hand out
     */
    public AwsServiceIntegration(Map<String, AwsService> services, String region, String account, String endpoint) {
        this(services, region, account, endpoint, Clock.systemUTC(), () -> UUID.randomUUID().toString());
    }

    AwsServiceIntegration(Map<String, AwsService> services, String region, String account, String endpoint,
                          Clock clock, Supplier<String> requestIds) {
        this.services = Map.copyOf(services);
        this.region = region;
        this.account = account;
        this.endpoint = endpoint;
        this.clock = clock;
        this.requestIds = requestIds;
        this.sync = new SyncWaiter(region, account, endpoint, () -> HTTP_DATE.format(clock.instant()));
    }

    /** Optimized forms only for the actions AWS optimizes; aws-sdk forms for any action of a configured service. */
    @Override
    public boolean accepts(String resource) {
        if (SyncWaiter.accepts(resource, services)) return true;
        ServiceResource r = ServiceResource.parse(resource);
        if (r == null || !services.containsKey(r.service())) return false;
        return r.sdk() || OptimizedAction.of(r) != null;
    }

    @Override
    public void start(TaskInvocation inv, TaskCompletion completion) {
        if (SyncWaiter.accepts(inv.resource(), services)) {
            sync.start(inv, services.get(SyncResource.parse(inv.resource()).service()), completion);
            return;
        }
        ServiceResource r = ServiceResource.parse(inv.resource());
        AwsService service = services.get(r.service());
        ObjectNode params = inv.input() instanceof ObjectNode o ? o : Json.NODES.objectNode();
        ServiceCall call;
        try {
            call = call(inv, r, service, params);
        } catch (ServiceFailure f) {
            completion.fail(f.error(), f.cause());
            return;
        }
        runs.run(null, () -> {
            ServiceFailure failure = run(r, service, call, completion);
            if (failure != null) completion.fail(failure.error(), failure.cause());
            return null;
        });
    }

    /** A {@code .sync} Task was stopped: its job or task is stopped too. */
    @Override
    public void cancel(TaskInvocation inv) { sync.cancel(inv, services); }

    @Override
    public void close() {
        sync.close();
        runs.close();
    }

    private ServiceCall call(TaskInvocation inv, ServiceResource r, AwsService service, ObjectNode params) {
        String key = inv.taskToken() == null ? null : inv.taskToken() + ":" + inv.attempt();
        OptimizedAction optimized = OptimizedAction.of(r);
        if (optimized != null) {
            String field = optimized.unsupported(params);
            if (field != null) {
                // AWS refuses such a definition ("The field \"X\" is not supported by Step Functions");
                // one built at run time (Parameters.$) fails here instead.
                throw new ServiceFailure("States.Runtime", "An error occurred while executing the state '" + inv.stateName()
                        + "'. The field \"" + field + "\" is not supported by Step Functions");
            }
            return new ServiceCall(optimized.apiAction(), optimized.request(params), region, account, endpoint, key);
        }
        Set<String> actions = service.queryActions();
        if (!actions.isEmpty() && !actions.contains(r.apiAction())) {
            // AWS refuses an unknown action when the definition is created; the same words at run time.
            throw new ServiceFailure("States.Runtime", "The resource provided " + inv.resource() + " not recognized. The value "
                    + "is not a valid resource ARN, or the resource is not available in this region.");
        }
        return new ServiceCall(r.apiAction(), SdkMembers.request(params), region, account, endpoint, key);
    }

    /** Makes the call and reports success; returns the failure to report instead, if any. */
    private ServiceFailure run(ServiceResource r, AwsService service, ServiceCall call, TaskCompletion completion) {
        String requestId = requestIds.get();
        JsonNode reply;
        try {
            reply = service.call(call);
        } catch (ServiceException e) {
            return r.sdk() ? AwsErrors.sdk(r.service(), e, requestId) : AwsErrors.optimized(r.service(), e, requestId);
        } catch (RuntimeException e) {
            System.getLogger("dev.stride.integrations").log(System.Logger.Level.WARNING, "service " + r.service() + " failed", e);
            ServiceException internal = new ServiceException("InternalError", "InternalError", 500, false,
                    "We encountered an internal error. Please try again.");
            return r.sdk() ? AwsErrors.sdk(r.service(), internal, requestId) : AwsErrors.optimized(r.service(), internal, requestId);
        }
        if (reply == null || reply.isNull()) reply = Json.NODES.objectNode();
        JsonNode output = r.sdk() ? SdkMembers.response(reply)
                : OptimizedAction.of(r).output(reply, requestId, HTTP_DATE.format(clock.instant()));
        if (r.callback()) completion.submitted(output);
        else completion.succeed(output);
        return null;
    }
}
