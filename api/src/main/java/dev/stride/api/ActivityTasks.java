package dev.stride.api;

import dev.stride.engine.spi.TaskCompletion;
import dev.stride.engine.spi.TaskIntegration;
import dev.stride.engine.spi.TaskInvocation;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

/**
 * Activity tasks: the engine schedules a Task whose Resource is an activity ARN here; it waits in
 * that activity's queue until a worker's GetActivityTask takes it. The worker answers through
 * SendTaskSuccess/Failure/Heartbeat, which reach the engine by token like any callback.
 *
 * <p>A task leaves the queue exactly once: either a poller claims it (removal from {@code waiting}
 * decides) or the engine cancels it (execution stopped, task timed out). Claimed-then-cancelled
 * tasks need nothing more: the worker's late answer is TaskDoesNotExist.
 */
final class ActivityTasks implements TaskIntegration {
    private static final Pattern ACTIVITY = Pattern.compile("arn:aws[a-z-]*:states:[a-z0-9-]+:\\d{12}:activity:[^:]+");

    /** One scheduled task; the completion is kept for the ActivityStarted hook the engine may add. */
    record Waiting(TaskInvocation invocation, TaskCompletion completion) {}

    private final Registry registry;
    private final Map<String, BlockingQueue<Waiting>> queues = new ConcurrentHashMap<>();
    private final Map<String, Waiting> waiting = new ConcurrentHashMap<>();

    ActivityTasks(Registry registry) { this.registry = registry; }

    @Override
    public boolean accepts(String resource) { return ACTIVITY.matcher(resource).matches(); }

    @Override
    public void start(TaskInvocation invocation, TaskCompletion completion) {
        String arn = invocation.resource();
        if (registry.activity(arn).isEmpty()) {
            completion.fail("States.Runtime", "The activity " + arn + " does not exist");
            return;
        }
        Waiting w = new Waiting(invocation, completion);
        waiting.put(invocation.taskToken(), w);
        queue(arn).add(w);
    }

    @Override
    public void cancel(TaskInvocation invocation) {
        Waiting w = waiting.remove(invocation.taskToken());
        if (w != null) queue(invocation.resource()).remove(w);
    }

    /** The next task of the activity for this worker, waiting up to {@code timeout}; null when none came. */
    Waiting poll(String activityArn, String workerName, Duration timeout) throws InterruptedException {
        BlockingQueue<Waiting> q = queue(activityArn);
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            Waiting w = q.poll(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            if (w == null) return null;
            if (waiting.remove(w.invocation().taskToken(), w)) {
                started(w, workerName);
                return w;
            }
            // cancelled between queueing and now: skip it
        }
    }

    /** A worker took the task: the engine records ActivityStarted and starts the HeartbeatSeconds clock. */
    private static void started(Waiting w, String workerName) {
        w.completion().started(workerName);
    }

    /** Forgets the activity's queue; its tasks still waiting time out (or wait) in their executions. */
    void deleted(String activityArn) { queues.remove(activityArn); }

    private BlockingQueue<Waiting> queue(String activityArn) {
        return queues.computeIfAbsent(activityArn, k -> new LinkedBlockingQueue<>());
    }
}
