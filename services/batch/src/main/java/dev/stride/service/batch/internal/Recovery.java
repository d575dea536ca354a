package dev.stride.service.batch.internal;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.stride.engine.spi.RecordStore;
import dev.stride.engine.spi.RecordStore.Write;
import dev.stride.service.WriteJournal;
import dev.stride.service.compute.LocalProcess;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;

/**
 * Reads Batch back on start. A job that was STARTING or RUNNING when the server stopped lost its
 * host, as a job does on AWS when its EC2 instance goes away: whatever the crash left of its
 * process tree is killed, and the attempt fails with AWS's reason
 * {@code Host EC2 (instance i-...) terminated.}, so its retry strategy decides (evaluateOnExit
 * can retry on {@code onStatusReason: "Host EC2*"}, as AWS's own guide suggests for Spot).
 */
final class Recovery {
    private Recovery() {}

    static void load(RecordStore store, BatchState s, Dispatcher dispatcher) {
        BatchRecords.scan(store, BatchRecords.ENVIRONMENTS, (k, v) -> s.environments.put(k, (ObjectNode) v));
        BatchRecords.scan(store, BatchRecords.QUEUES, (k, v) -> s.queues.put(k, (ObjectNode) v));
        BatchRecords.scan(store, BatchRecords.DEFINITIONS, (k, v) -> {
            int slash = k.lastIndexOf('/');
            s.definitions.computeIfAbsent(k.substring(0, slash), x -> new TreeMap<>()).put(Integer.parseInt(k.substring(slash + 1)), (ObjectNode) v);
        });
        BatchRecords.scan(store, BatchRecords.IDEMPOTENCY, (k, v) -> s.idempotency.put(k, (ObjectNode) v));
        List<Job> loaded = new ArrayList<>();
        store.scan(BatchRecords.JOBS, (k, v) -> loaded.add(BatchRecords.readJob(k, v)));
        loaded.sort((a, b) -> Long.compare(a.createdAt(), b.createdAt()));
        synchronized (s) {
            for (Job j : loaded) {
                s.jobs.put(j.id, j);
                if (j.status == JobStatus.RUNNABLE) s.runnable.add(j);
            }
            for (Job j : loaded) {
                if (j.status.isFinal()) continue;
                for (String on : j.waitingOn) s.dependents.computeIfAbsent(on, x -> new ArrayList<>()).add(j.id);
            }
            List<Write> w = new ArrayList<>();
            List<Runnable> notify = new ArrayList<>();
            for (Job j : loaded) {
                if (j.status == JobStatus.SUBMITTED) dispatcher.admit(j, w);
                if (j.status != JobStatus.STARTING && j.status != JobStatus.RUNNING || j.isArrayParent()) continue;
                if (j.pid > 0) LocalProcess.killOrphan(j.pid, j.processStartedAt);
                String lost = "Host EC2 (instance " + (j.instanceId == null ? dispatcher.instanceId : j.instanceId) + ") terminated.";
                String logStream = j.d.path("container").path("logStreamName").textValue();
                String taskArn = j.d.path("container").path("taskArn").asText("");
                String taskId = taskArn.isEmpty() ? null : taskArn.substring(taskArn.lastIndexOf('/') + 1);
                j.computeEnvironment = null; // its vCPUs were never counted in this run
                dispatcher.finishAttempt(j, null, lost, null, logStream, taskId, w, notify);
            }
            s.journal.append(w).await();
        }
        dispatcher.pump();
    }
}
