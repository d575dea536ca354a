package dev.stride.service.ecs.internal;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.stride.engine.spi.RecordStore;
import dev.stride.engine.spi.RecordStore.Write;
import dev.stride.service.WriteJournal;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;

/**
 * Reads ECS back on start. A task that had not stopped when the server went away lost its host:
 * what is left of its containers' processes is killed and it stops with stopCode
 * TerminationNotice and {@code Host EC2 (instance i-...) terminated.}, as ECS reports a task
 * whose instance was terminated.
 */
final class EcsRecovery {
    private EcsRecovery() {}

    static void load(RecordStore store, EcsState s, TaskRunner runner) {
        store.scan(EcsRecords.CLUSTERS, (k, v) -> s.clusters.put(k, (ObjectNode) EcsRecords.read(v)));
        store.scan(EcsRecords.TASK_DEFINITIONS, (k, v) -> {
            int slash = k.lastIndexOf('/');
            s.families.computeIfAbsent(k.substring(0, slash), x -> new TreeMap<>()).put(Integer.parseInt(k.substring(slash + 1)), (ObjectNode) EcsRecords.read(v));
        });
        store.scan(EcsRecords.TAGS, (k, v) -> {
            List<ObjectNode> tags = new ArrayList<>();
            EcsRecords.read(v).forEach(t -> tags.add((ObjectNode) t));
            s.tags.put(k, tags);
        });
        store.scan(EcsRecords.IDEMPOTENCY, (k, v) -> s.idempotency.put(k, (ObjectNode) EcsRecords.read(v)));
        store.scan(EcsRecords.TASKS, (k, v) -> s.tasks.put(k, EcsRecords.readTask(k, v)));
        synchronized (s) {
            List<Write> w = new ArrayList<>();
            List<Runnable> notify = new ArrayList<>();
            for (EcsTask t : s.tasks.values()) {
                if (t.status == TaskStatus.STOPPED) continue;
                TaskRunner.killOrphans(t);
                String lost = "Host EC2 (instance " + (t.instanceId == null ? runner.instanceId : t.instanceId) + ") terminated.";
                runner.requestStop(t, "TerminationNotice", lost, w);
                runner.settle(t, w, notify);
            }
            s.journal.append(w).await();
        }
    }
}
