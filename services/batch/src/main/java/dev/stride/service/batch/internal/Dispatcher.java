package dev.stride.service.batch.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.stride.engine.spi.RecordStore.Write;
import dev.stride.service.AwsService;
import dev.stride.service.compute.ComputeSettings;
import dev.stride.service.WriteJournal;
import dev.stride.service.compute.LocalProcess;
import dev.stride.service.compute.LogShipper;
import dev.stride.service.compute.OutputSink;
import dev.stride.service.compute.ProcessSpec;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * The scheduler: gives RUNNABLE jobs to compute environments with free vCPUs, runs each attempt
 * as a local process, and decides what an attempt's end means.
 *
 * <p>Design notes. Everything is event-driven, nothing polls: {@link #pump} runs after each
 * change that can free or need capacity (a submit, an attempt's end, a queue or environment
 * update), takes the lock, moves the jobs that fit to STARTING and hands them to launcher
 * threads; a launcher starts the process outside the lock (a fork takes milliseconds) and marks
 * the job RUNNING; the process's exit (after its output is shipped) ends the attempt. Queues are
 * served by priority, jobs in a queue in submission order, each on the first environment of the
 * queue's order with room. Every transition appends the job's record to the journal under the
 * lock, so the store sees transitions in the order they happened; a waiter is told of a job's
 * end only after that end is durable.
 */
final class Dispatcher implements AutoCloseable {
    static final String EXITED = "Essential container in task exited";
    private static final String ARRAY_CHILD_FAILED = "Array Child Job failed";
    static final String DEPENDENCY_FAILED = "Dependent Job failed";

    private final BatchState s;
    private final ComputeSettings compute;
    private final AwsService logs;
    private final ScheduledExecutorService timers = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "stride-batch-timeouts");
        t.setDaemon(true);
        return t;
    });
    /** This server's stand-in for the EC2 instance jobs run on (named when a crash loses it). */
    final String instanceId = "i-" + UUID.randomUUID().toString().replace("-", "").substring(0, 17);
    private volatile boolean closing;

    Dispatcher(BatchState s, ComputeSettings compute, AwsService logs) {
        this.s = s;
        this.compute = compute;
        this.logs = logs;
    }

    /** A new job (or array child) leaves SUBMITTED: PENDING while it waits, else RUNNABLE. Lock held. */
    void admit(Job j, List<Write> w) {
        if (j.isArrayParent()) {
            move(j, JobStatus.PENDING, null, w);
        } else {
            move(j, j.waitingOn.isEmpty() ? JobStatus.RUNNABLE : JobStatus.PENDING, null, w);
        }
    }

    /** Starts every RUNNABLE job that fits. */
    void pump() {
        List<Job> launch = new ArrayList<>();
        synchronized (s) {
            if (closing) return;
            List<Write> w = new ArrayList<>();
            List<ObjectNode> queues = new ArrayList<>(s.queues.values());
            queues.sort(Comparator.comparingInt((ObjectNode q) -> q.path("priority").asInt()).reversed());
            List<Job> runnable = s.runnable();
            for (ObjectNode q : queues) {
                if (!"ENABLED".equals(q.path("state").asText())) continue;
                String queueArn = q.path("jobQueueArn").asText();
                for (Job j : runnable) {
                    if (j.status != JobStatus.RUNNABLE || !j.queueArn().equals(queueArn)) continue;
                    String ce = placement(q, j);
                    if (ce == null) continue;
                    s.used.merge(ce, j.vcpus, Double::sum);
                    j.computeEnvironment = ce;
                    j.instanceId = instanceId;
                    j.stopReason = null;
                    j.timedOut = false;
                    move(j, JobStatus.STARTING, null, w);
                    launch.add(j);
                }
            }
            s.journal.append(w);
        }
        for (Job j : launch) Thread.startVirtualThread(() -> launch(j));
    }

    /** The first ENABLED environment of the queue's order with room for the job, or null. */
    private String placement(ObjectNode queue, Job j) {
        List<JsonNode> order = new ArrayList<>();
        queue.path("computeEnvironmentOrder").forEach(order::add);
        order.sort(Comparator.comparingInt(o -> o.path("order").asInt()));
        for (JsonNode o : order) {
            String arn = o.path("computeEnvironment").asText();
            ObjectNode ce = s.environments.get(BatchState.key(j.region, j.account, Arns.name(arn)));
            if (ce == null || !"ENABLED".equals(ce.path("state").asText())) continue;
            if (s.used.getOrDefault(arn, 0.0) + j.vcpus <= Resources.capacity(ce) + 1e-9) return arn;
        }
        return null;
    }

    private void launch(Job j) {
        ProcessSpec spec;
        OutputSink sink;
        String taskId = UUID.randomUUID().toString().replace("-", "");
        String[] stream = JobRun.logStream(j, taskId);
        try {
            synchronized (s) {
                spec = JobRun.spec(j, s, compute, taskId);
            }
        } catch (RuntimeException e) {
            endAttempt(j, null, "Task failed to start", "CannotStartContainerError: " + e.getMessage(), null, taskId);
            return;
        }
        try {
            sink = LogShipper.open(logs, stream[0], stream[1], j.region, j.account);
        } catch (RuntimeException e) {
            sink = OutputSink.DISCARD;
        }
        LocalProcess p;
        try {
            p = compute.start(spec, sink, s.clock);
        } catch (IOException e) {
            sink.close();
            endAttempt(j, null, "Task failed to start", "CannotStartContainerError: " + e.getMessage(), stream[1], taskId);
            return;
        }
        WriteJournal.Ticket t;
        synchronized (s) {
            j.process = p;
            j.pid = p.pid();
            j.processStartedAt = p.startedAt().toEpochMilli();
            long now = s.now();
            j.d.put("startedAt", now);
            ObjectNode c = j.container();
            c.put("logStreamName", stream[1]).put("taskArn", "arn:aws:ecs:" + j.region + ":" + j.account + ":task/" + taskId)
                    .put("containerInstanceArn", "arn:aws:ecs:" + j.region + ":" + j.account + ":container-instance/" + instanceId);
            List<Write> w = new ArrayList<>();
            move(j, JobStatus.RUNNING, null, w);
            long timeout = j.d.path("timeout").path("attemptDurationSeconds").asLong(0);
            if (timeout > 0) j.timeoutTimer = timers.schedule(() -> timedOut(j), timeout, TimeUnit.SECONDS);
            t = s.journal.append(w);
            if (j.stopReason != null || closing) p.stop(0); // terminated while it was starting
        }
        p.exit().whenComplete((code, error) -> {
            t.await();
            endAttempt(j, error == null ? code : -1, EXITED, null, stream[1], taskId);
        });
    }

    private void timedOut(Job j) {
        synchronized (s) {
            if (j.status != JobStatus.RUNNING || j.process == null) return;
            j.timedOut = true;
            j.process.stop(compute.graceMillis());
        }
    }

    /**
     * An attempt ended: the process exited (exitCode), could not start (null), or its host was
     * lost. Records the attempt and moves the job on: SUCCEEDED, back to RUNNABLE for a retry, or
     * FAILED.
     */
    void endAttempt(Job j, Integer exitCode, String statusReason, String containerReason, String logStream, String taskId) {
        List<Runnable> notify = new ArrayList<>();
        WriteJournal.Ticket t;
        synchronized (s) {
            if (closing) return; // the server is stopping: the next start treats the job as its host's loss
            List<Write> w = new ArrayList<>();
            finishAttempt(j, exitCode, statusReason, containerReason, logStream, taskId, w, notify);
            t = s.journal.append(w);
        }
        t.await();
        notify.forEach(Runnable::run);
        pump();
    }

    /** Lock held. */
    void finishAttempt(Job j, Integer exitCode, String statusReason, String containerReason, String logStream, String taskId,
                       List<Write> w, List<Runnable> notify) {
        if (j.timeoutTimer != null) j.timeoutTimer.cancel(false);
        j.timeoutTimer = null;
        j.process = null;
        j.pid = 0;
        if (j.computeEnvironment != null) s.used.merge(j.computeEnvironment, -j.vcpus, Double::sum);
        long now = s.now();
        ObjectNode attempt = j.attempts().addObject();
        ObjectNode ac = attempt.putObject("container");
        if (exitCode != null) ac.put("exitCode", exitCode);
        if (containerReason != null) ac.put("reason", containerReason);
        if (logStream != null) ac.put("logStreamName", logStream);
        if (taskId != null) {
            ac.put("taskArn", "arn:aws:ecs:" + j.region + ":" + j.account + ":task/" + taskId)
                    .put("containerInstanceArn", "arn:aws:ecs:" + j.region + ":" + j.account + ":container-instance/" + j.instanceId);
        }
        ac.putArray("networkInterfaces");
        if (j.d.has("startedAt")) attempt.set("startedAt", j.d.get("startedAt"));
        attempt.put("stoppedAt", now).put("statusReason", statusReason);
        ObjectNode c = j.container();
        if (exitCode != null) c.put("exitCode", exitCode);
        else c.remove("exitCode");
        if (containerReason != null) c.put("reason", containerReason);
        else c.remove("reason");
        if (logStream != null) c.put("logStreamName", logStream);
        j.computeEnvironment = null;
        if (j.stopReason != null) {
            fail(j, j.stopReason, w, notify);
        } else if (j.timedOut) {
            fail(j, "Job attempt duration exceeded timeout", w, notify);
        } else if (exitCode != null && exitCode == 0) {
            j.d.put("stoppedAt", now);
            move(j, JobStatus.SUCCEEDED, statusReason, w);
            ended(j, w, notify);
        } else if (RetryDecision.retry(j.d.path("retryStrategy"), j.attemptCount(), exitCode, containerReason, statusReason)) {
            move(j, JobStatus.RUNNABLE, statusReason, w);
        } else {
            fail(j, statusReason, w, notify);
        }
    }

    /** Ends a job FAILED (lock held): terminated, cancelled, out of attempts, or a dependency failed. */
    void fail(Job j, String reason, List<Write> w, List<Runnable> notify) {
        if (j.status.isFinal()) return;
        j.d.put("stoppedAt", s.now());
        move(j, JobStatus.FAILED, reason, w);
        ended(j, w, notify);
    }

    /** A job reached SUCCEEDED or FAILED (lock held): its waiters, its dependents and its array parent hear of it. */
    private void ended(Job j, List<Write> w, List<Runnable> notify) {
        List<Consumer<JsonNode>> waiting = s.listeners.remove(j.id);
        if (waiting != null) {
            ObjectNode described = j.describe();
            waiting.forEach(l -> notify.add(() -> Thread.startVirtualThread(() -> l.accept(described))));
        }
        List<String> dependents = s.dependents.remove(j.id);
        if (dependents != null) {
            for (String id : dependents) {
                Job d = s.jobs.get(id);
                if (d == null || d.status.isFinal()) continue;
                if (j.status == JobStatus.SUCCEEDED) {
                    d.waitingOn.remove(j.id);
                    if (d.waitingOn.isEmpty() && d.status == JobStatus.PENDING && !d.isArrayParent()) move(d, JobStatus.RUNNABLE, null, w);
                    else w.add(BatchRecords.job(d));
                } else {
                    fail(d, DEPENDENCY_FAILED, w, notify);
                }
            }
        }
        Job parent = j.parentId == null ? null : s.jobs.get(j.parentId);
        if (parent != null && !parent.status.isFinal()) {
            ObjectNode summary = (ObjectNode) parent.d.path("arrayProperties").path("statusSummary");
            if (summary.path("SUCCEEDED").asInt() + summary.path("FAILED").asInt() == parent.children.size()) {
                parent.d.put("stoppedAt", s.now());
                boolean allSucceeded = summary.path("FAILED").asInt() == 0;
                move(parent, allSucceeded ? JobStatus.SUCCEEDED : JobStatus.FAILED, allSucceeded ? null : ARRAY_CHILD_FAILED, w);
                ended(parent, w, notify);
            }
        }
    }

    /**
     * Moves a job and records it (lock held); an array child's move also updates its parent's
     * statusSummary, and the first child to run makes the parent RUNNING.
     */
    void move(Job j, JobStatus target, String reason, List<Write> w) {
        JobStatus from = j.status;
        j.move(target, reason);
        if (from == JobStatus.RUNNABLE) s.runnable.remove(j);
        if (target == JobStatus.RUNNABLE) s.runnable.add(j);
        w.add(BatchRecords.job(j));
        Job parent = j.parentId == null ? null : s.jobs.get(j.parentId);
        if (parent == null) return;
        ObjectNode summary = parent.d.with("arrayProperties").with("statusSummary");
        summary.put(from.name(), Math.max(0, summary.path(from.name()).asInt() - 1));
        summary.put(target.name(), summary.path(target.name()).asInt() + 1);
        if (target == JobStatus.RUNNING && parent.status == JobStatus.PENDING) {
            if (!parent.d.has("startedAt")) parent.d.put("startedAt", s.now());
            parent.move(JobStatus.RUNNING, null);
        }
        w.add(BatchRecords.job(parent));
    }

    /** TerminateJob (lock held): stops a running attempt (the job then FAILS with the reason, and is not retried), or fails a job not started. */
    void terminate(Job j, String reason, boolean onlyBeforeStart, List<Write> w, List<Runnable> notify) {
        if (j.isArrayParent()) {
            for (String id : j.children) {
                Job child = s.jobs.get(id);
                if (child != null) terminate(child, reason, onlyBeforeStart, w, notify);
            }
            j.d.put(onlyBeforeStart ? "isCancelled" : "isTerminated", true);
            w.add(BatchRecords.job(j));
            return;
        }
        if (j.status.isFinal()) return;
        if (j.status.beforeStart()) {
            j.d.put(onlyBeforeStart ? "isCancelled" : "isTerminated", true);
            fail(j, reason, w, notify);
            return;
        }
        if (onlyBeforeStart) return; // CancelJob leaves STARTING and RUNNING jobs alone, and still succeeds
        j.d.put("isTerminated", true);
        j.stopReason = reason;
        w.add(BatchRecords.job(j));
        if (j.process != null) j.process.stop(compute.graceMillis());
    }

    /** Adds a waiter for a job's end; true when it is already final (the caller tells it at once). Lock held. */
    boolean listen(Job j, Consumer<JsonNode> l) {
        if (j.status.isFinal()) return true;
        s.listeners.computeIfAbsent(j.id, k -> new ArrayList<>()).add(l);
        return false;
    }

    /** Kills every running process tree; their jobs stay RUNNING in the store and fail as a lost host at the next start. */
    @Override
    public void close() {
        List<LocalProcess> running = new ArrayList<>();
        synchronized (s) {
            closing = true;
            for (Map.Entry<String, Job> e : s.jobs.entrySet()) if (e.getValue().process != null) running.add(e.getValue().process);
        }
        running.forEach(p -> p.stop(0));
        timers.shutdownNow();
    }
}
