package dev.stride.service.ecs.internal;

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
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;

/**
 * Runs a task's containers as local processes, one folder per container under
 * {@code <work root>/ecs/<task id>/}.
 *
 * <p>Design notes. RunTask answers with the task PROVISIONING; a launcher thread then moves it
 * to PENDING, starts every container (an essential one that cannot start stops the task with
 * TaskFailedToStart) and marks it RUNNING. When an essential container exits, the task's desired
 * status becomes STOPPED (EssentialContainerExited) and the others are sent SIGTERM; StopTask does
 * the same with UserInitiated. The task is STOPPED once its last container has exited; only then
 * are its waiters told, after the record is durable. Every change appends the task's record to
 * the journal under the lock, in order.
 */
final class TaskRunner implements AutoCloseable {
    static final String ESSENTIAL_EXITED = "Essential container in task exited";
    final String instanceId = "i-" + UUID.randomUUID().toString().replace("-", "").substring(0, 17);
    private final EcsState s;
    private final ComputeSettings compute;
    private final AwsService logs;
    private volatile boolean closing;

    TaskRunner(EcsState s, ComputeSettings compute, AwsService logs) {
        this.s = s;
        this.compute = compute;
        this.logs = logs;
    }

    void launch(EcsTask t, ObjectNode definition) { Thread.startVirtualThread(() -> start(t, definition)); }

    private void start(EcsTask t, ObjectNode definition) {
        WriteJournal.Ticket ticket;
        synchronized (s) {
            if (t.stopping() || closing) return;
            t.move(TaskStatus.PENDING);
            t.instanceId = instanceId;
            t.d.put("pullStartedAt", s.nowSeconds()).put("pullStoppedAt", s.nowSeconds());
            ticket = s.journal.append(EcsRecords.task(t));
        }
        ticket.await();
        for (JsonNode cd : definition.path("containerDefinitions")) {
            String name = cd.path("name").asText();
            ProcessSpec spec;
            synchronized (s) {
                if (t.stopping()) break;
                spec = ContainerRun.spec(t, cd, compute);
            }
            if (spec == null) {
                containerFailedToStart(t, name, "CannotStartContainerError: the container has no entryPoint or command to run locally");
                continue;
            }
            OutputSink sink = ContainerRun.logSink(t, cd, logs);
            try {
                LocalProcess p = compute.start(spec, sink, s.clock);
                synchronized (s) {
                    t.running.put(name, p);
                    t.pids.put(name, new long[] {p.pid(), p.startedAt().toEpochMilli()});
                    t.container(name).put("lastStatus", "RUNNING").put("runtimeId", t.id + "-" + p.pid());
                    if (t.stopping() || closing) p.stop(0);
                }
                p.exit().whenComplete((code, error) -> exited(t, name, error == null ? code : -1));
            } catch (IOException e) {
                sink.close();
                containerFailedToStart(t, name, "CannotStartContainerError: " + e.getMessage());
            }
        }
        synchronized (s) {
            if (t.status == TaskStatus.PENDING && !t.stopping()) {
                t.move(TaskStatus.RUNNING);
                t.d.put("startedAt", s.nowSeconds()).put("connectivity", "CONNECTED").put("connectivityAt", s.nowSeconds());
                ticket = s.journal.append(EcsRecords.task(t));
            } else {
                ticket = s.journal.append(List.of()); // nothing changed: a ticket already done
            }
        }
        ticket.await();
    }

    private void containerFailedToStart(EcsTask t, String name, String reason) {
        List<Runnable> notify = new ArrayList<>();
        WriteJournal.Ticket ticket;
        synchronized (s) {
            ObjectNode c = t.container(name).put("lastStatus", "STOPPED").put("reason", reason);
            c.remove("exitCode");
            List<Write> w = new ArrayList<>();
            if (t.essential.contains(name)) requestStop(t, "TaskFailedToStart", reason, w);
            settle(t, w, notify);
            ticket = s.journal.append(w);
        }
        ticket.await();
        notify.forEach(Runnable::run);
    }

    private void exited(EcsTask t, String name, int code) {
        List<Runnable> notify = new ArrayList<>();
        WriteJournal.Ticket ticket;
        synchronized (s) {
            if (closing) return; // the server is stopping: the next start treats the task as lost with its host
            t.running.remove(name);
            t.pids.remove(name);
            t.container(name).put("lastStatus", "STOPPED").put("exitCode", code);
            List<Write> w = new ArrayList<>();
            if (t.essential.contains(name)) requestStop(t, "EssentialContainerExited", ESSENTIAL_EXITED, w);
            settle(t, w, notify);
            ticket = s.journal.append(w);
        }
        ticket.await();
        notify.forEach(Runnable::run);
    }

    /** Asks the task to stop (lock held): the first reason given stays; running containers get SIGTERM. */
    void requestStop(EcsTask t, String stopCode, String reason, List<Write> w) {
        if (t.status == TaskStatus.STOPPED) return;
        if (!t.stopping()) {
            t.d.put("desiredStatus", "STOPPED").put("stopCode", stopCode).put("stoppedReason", reason).put("stoppingAt", s.nowSeconds());
        }
        t.running.values().forEach(p -> p.stop(compute.graceMillis()));
        w.add(EcsRecords.task(t));
    }

    /** The task is STOPPED once it is stopping with no container running (lock held); then its waiters hear of it. */
    void settle(EcsTask t, List<Write> w, List<Runnable> notify) {
        if (t.status == TaskStatus.STOPPED) return;
        if (!t.running.isEmpty()) {
            w.add(EcsRecords.task(t));
            return;
        }
        if (!t.stopping()) {
            boolean started = t.status == TaskStatus.RUNNING || t.status == TaskStatus.PENDING;
            boolean anyLeft = false;
            for (JsonNode c : t.d.path("containers")) anyLeft |= !"STOPPED".equals(c.path("lastStatus").asText());
            if (!started || anyLeft) {
                w.add(EcsRecords.task(t));
                return;
            }
            requestStop(t, "EssentialContainerExited", ESSENTIAL_EXITED, w);
        }
        for (JsonNode c : t.d.path("containers")) ((ObjectNode) c).put("lastStatus", "STOPPED");
        double now = s.nowSeconds();
        t.d.put("executionStoppedAt", now).put("stoppedAt", now);
        t.move(TaskStatus.STOPPED);
        w.add(EcsRecords.task(t));
        List<Consumer<JsonNode>> waiting = s.listeners.remove(t.arn());
        if (waiting != null) {
            ObjectNode described = t.d.deepCopy();
            waiting.forEach(l -> notify.add(() -> Thread.startVirtualThread(() -> l.accept(described))));
        }
    }

    /** Kills every container process; the tasks stay as they are in the store and stop as lost at the next start. */
    @Override
    public void close() {
        List<LocalProcess> all = new ArrayList<>();
        synchronized (s) {
            closing = true;
            for (EcsTask t : s.tasks.values()) all.addAll(t.running.values());
        }
        all.forEach(p -> p.stop(0));
    }

    /** Kills what a crash left of a task's containers (restart only). */
    static void killOrphans(EcsTask t) {
        for (Map.Entry<String, long[]> e : t.pids.entrySet()) LocalProcess.killOrphan(e.getValue()[0], e.getValue()[1]);
        t.pids.clear();
    }
}
