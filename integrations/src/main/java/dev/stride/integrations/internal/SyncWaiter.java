package dev.stride.integrations.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.stride.engine.spi.TaskCompletion;
import dev.stride.engine.spi.TaskInvocation;
import dev.stride.expr.Json;
import dev.stride.service.AwsService;
import dev.stride.service.RunToCompletion;
import dev.stride.service.ServiceCall;
import dev.stride.service.ServiceException;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;

/**
 * The Run a Job ({@code .sync}) pattern for Batch and ECS: starts the job or task with the
 * optimized action, then waits for the service to say it ended (no polling: the service calls
 * back). The Task's output is the job's DescribeJobs entry or the task's DescribeTasks entry,
 * PascalCase as Step Functions shows them; a job that failed, or a task whose essential container
 * failed, fails the Task with {@code States.TaskFailed} and that description's JSON as the cause
 * (connect-batch, connect-ecs). An ECS reply with Failures fails it with {@code ECS.AmazonECSException}
 * (AWS: "AmazonECS.Unknown"). Once started, the Task records TaskSubmitted with the start action's
 * reply (the job's id, the task's ARN), as AWS's history shows it.
 *
 * <p>Stopping the Task (StopExecution, a Task timeout) terminates the job or stops the task. The
 * start carries the task token as its idempotency key, so a Task the engine dispatches again
 * after a crash finds the job it started before instead of starting another.
 */
public final class SyncWaiter implements AutoCloseable {
    private static final String STOP_REASON = "Stopped by Step Functions: the execution or task was stopped";

    private final String region;
    private final String account;
    private final String endpoint;
    private final Supplier<String> httpDate;
    private final Map<String, Waiting> waiting = new ConcurrentHashMap<>();
    private final TaskRuns runs = new TaskRuns();

    /** One waiting Task. Its job is stopped at most once, by whichever of start and cancel sees both the id and the cancel. */
    private static final class Waiting {
        volatile String id;
        volatile AutoCloseable watch;
        volatile boolean cancelled;
        final AtomicBoolean stopped = new AtomicBoolean();

        void stop(RunToCompletion service, String region, String account) {
            if (cancelled && id != null && stopped.compareAndSet(false, true)) service.stopForTask(region, account, id, STOP_REASON);
        }
    }

    /** @param httpDate the current time as an HTTP Date header, for the submitted reply's SDK metadata */
    public SyncWaiter(String region, String account, String endpoint, Supplier<String> httpDate) {
        this.region = region;
        this.account = account;
        this.endpoint = endpoint;
        this.httpDate = httpDate;
    }

    /** True when the resource is a .sync form this waiter serves with the service given. */
    public static boolean accepts(String resource, Map<String, AwsService> services) {
        SyncResource r = SyncResource.parse(resource);
        return r != null && services.get(r.service()) instanceof RunToCompletion;
    }

    public void start(TaskInvocation inv, AwsService service, TaskCompletion completion) {
        SyncResource r = SyncResource.parse(inv.resource());
        ObjectNode params = inv.input() instanceof ObjectNode o ? o : Json.NODES.objectNode();
        String field = r.action().unsupported(params);
        if (field != null) {
            completion.fail("States.Runtime", "An error occurred while executing the state '" + inv.stateName()
                    + "'. The field \"" + field + "\" is not supported by Step Functions");
            return;
        }
        String key = inv.taskToken() == null ? null : inv.taskToken() + ":" + inv.attempt();
        ServiceCall call = new ServiceCall(r.action().apiAction(), r.action().request(params), region, account, endpoint, key);
        Waiting w = new Waiting();
        if (inv.taskToken() != null) waiting.put(inv.taskToken(), w);
        runs.run(null, () -> {
            begin(inv, r, (RunToCompletion) service, service, call, w, completion);
            return null;
        });
    }

    private void begin(TaskInvocation inv, SyncResource r, RunToCompletion waitable, AwsService service, ServiceCall call, Waiting w,
                       TaskCompletion completion) {
        JsonNode reply;
        String requestId = UUID.randomUUID().toString();
        try {
            reply = service.call(call);
        } catch (ServiceException e) {
            forget(inv);
            ServiceFailure f = AwsErrors.optimized(r.service(), e, requestId);
            completion.fail(f.error(), f.cause());
            return;
        }
        if (reply.path("Failures").size() > 0) {
            forget(inv);
            completion.fail("ECS.AmazonECSException", Json.write(reply.path("Failures")));
            return;
        }
        String id = r.startedId(reply);
        w.id = id;
        completion.submitted(r.action().output(reply, requestId, httpDate.get()));
        try {
            w.watch = waitable.whenEnded(call.region(), call.account(), id, described -> {
                forget(inv);
                if (waitable.succeeded(described)) completion.succeed(described);
                else completion.fail("States.TaskFailed", Json.write(described));
            });
        } catch (ServiceException e) {
            forget(inv);
            ServiceFailure f = AwsErrors.optimized(r.service(), e, requestId);
            completion.fail(f.error(), f.cause());
            return;
        }
        w.stop(waitable, call.region(), call.account()); // the Task may have been stopped while the job was being started
    }

    private void forget(TaskInvocation inv) {
        if (inv.taskToken() != null) waiting.remove(inv.taskToken());
    }

    /** The Task was stopped: stop the job or task it waits on. */
    public void cancel(TaskInvocation inv, Map<String, AwsService> services) {
        Waiting w = inv.taskToken() == null ? null : waiting.remove(inv.taskToken());
        if (w == null) return;
        w.cancelled = true;
        SyncResource r = SyncResource.parse(inv.resource());
        if (r != null && services.get(r.service()) instanceof RunToCompletion waitable) w.stop(waitable, region, account);
    }

    @Override
    public void close() {
        waiting.values().forEach(w -> {
            try {
                if (w.watch != null) w.watch.close();
            } catch (Exception e) {
                // best effort on shutdown
            }
        });
        runs.close();
    }
}
