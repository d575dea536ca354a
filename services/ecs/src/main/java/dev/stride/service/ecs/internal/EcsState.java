package dev.stride.service.ecs.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.stride.service.WriteJournal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;
import java.util.function.LongSupplier;

/** ECS in memory: clusters, task definitions by family and revision, tasks, waiters. One lock: this object. */
final class EcsState {
    final Map<String, ObjectNode> clusters = new LinkedHashMap<>();
    /** Tags of clusters and task definitions by ARN ([{key, value}]). */
    final Map<String, List<ObjectNode>> tags = new HashMap<>();
    final Map<String, TreeMap<Integer, ObjectNode>> families = new LinkedHashMap<>();
    final Map<String, EcsTask> tasks = new LinkedHashMap<>();
    final Map<String, List<Consumer<JsonNode>>> listeners = new HashMap<>();
    final Map<String, ObjectNode> idempotency = new HashMap<>();
    final WriteJournal journal;
    final LongSupplier clock;

    EcsState(WriteJournal journal, LongSupplier clock) {
        this.journal = journal;
        this.clock = clock;
    }

    static String key(String region, String account, String name) { return region + "/" + account + "/" + name; }

    /** ECS writes times as epoch seconds with a fraction. */
    double nowSeconds() { return clock.getAsLong() / 1000.0; }

    List<EcsTask> tasksOf(String clusterArn) {
        List<EcsTask> out = new ArrayList<>();
        for (EcsTask t : tasks.values()) if (t.clusterArn().equals(clusterArn)) out.add(t);
        return out;
    }
}
