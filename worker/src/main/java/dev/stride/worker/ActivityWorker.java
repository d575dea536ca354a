package dev.stride.worker;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import software.amazon.awssdk.services.sfn.SfnClient;
import software.amazon.awssdk.services.sfn.model.GetActivityTaskResponse;

/**
 * Polls an activity (GetActivityTask long polling), runs the handler on each task, heartbeats
 * while it runs, and reports the outcome (SendTaskSuccess / SendTaskFailure). Works against
 * Stride or AWS: it only uses the SDK's public API.
 *
 * <pre>{@code
 * try (ActivityWorker w = ActivityWorker.start(sfn, activityArn, "worker-1", input -> "{\"ok\":true}")) { ... }
 * }</pre>
 */
public final class ActivityWorker implements AutoCloseable {
    private final SfnClient sfn;
    private final String activityArn;
    private final String workerName;
    private final ActivityHandler handler;
    private final Duration heartbeatEvery;
    private final ScheduledExecutorService heartbeats = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "activity-heartbeats");
        t.setDaemon(true);
        return t;
    });
    private final List<Thread> pollers = new ArrayList<>();
    private volatile boolean closed;

    private ActivityWorker(SfnClient sfn, String activityArn, String workerName, ActivityHandler handler, Duration heartbeatEvery) {
        this.sfn = sfn;
        this.activityArn = activityArn;
        this.workerName = workerName;
        this.handler = handler;
        this.heartbeatEvery = heartbeatEvery;
    }

    /** Starts one polling thread with a heartbeat every 10 seconds. */
    public static ActivityWorker start(SfnClient sfn, String activityArn, String workerName, ActivityHandler handler) {
        return start(sfn, activityArn, workerName, handler, 1, Duration.ofSeconds(10));
    }

    /** Starts {@code concurrency} polling threads; each running task sends a heartbeat every {@code heartbeatEvery}. */
    public static ActivityWorker start(SfnClient sfn, String activityArn, String workerName, ActivityHandler handler,
                                       int concurrency, Duration heartbeatEvery) {
        ActivityWorker w = new ActivityWorker(sfn, activityArn, workerName, handler, heartbeatEvery);
        for (int i = 0; i < concurrency; i++) {
            Thread t = new Thread(w::poll, "activity-worker-" + i);
            t.setDaemon(true);
            w.pollers.add(t);
            t.start();
        }
        return w;
    }

    private void poll() {
        while (!closed) {
            GetActivityTaskResponse task;
            try {
                task = sfn.getActivityTask(b -> b.activityArn(activityArn).workerName(workerName));
            } catch (RuntimeException e) {
                if (closed) return;
                sleepQuietly(1000); // server away: try again shortly
                continue;
            }
            if (task.taskToken() == null) continue; // long poll ended with nothing to do
            run(task.taskToken(), task.input());
        }
    }

    private void run(String token, String input) {
        ScheduledFuture<?> beat = heartbeats.scheduleAtFixedRate(() -> {
            try {
                sfn.sendTaskHeartbeat(b -> b.taskToken(token));
            } catch (RuntimeException ignored) {
                // the task may have ended or timed out; the outcome call below will say so
            }
        }, heartbeatEvery.toMillis(), heartbeatEvery.toMillis(), TimeUnit.MILLISECONDS);
        try {
            String output = handler.handle(input);
            sfn.sendTaskSuccess(b -> b.taskToken(token).output(output));
        } catch (TaskFailure f) {
            sfn.sendTaskFailure(b -> b.taskToken(token).error(f.error()).cause(f.getMessage()));
        } catch (RuntimeException e) {
            sfn.sendTaskFailure(b -> b.taskToken(token).error(e.getClass().getSimpleName()).cause(String.valueOf(e.getMessage())));
        } finally {
            beat.cancel(false);
        }
    }

    private static void sleepQuietly(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Stops polling; a task being handled finishes first (its poller is not interrupted). */
    @Override
    public void close() {
        closed = true;
        heartbeats.shutdown();
    }
}
