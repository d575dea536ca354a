package dev.stride.service.batch.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.stride.service.WriteJournal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Consumer;
import java.util.function.LongSupplier;

/**
 * Everything Batch holds in memory: compute environments, job queues and job definitions (each
 * kept as its Describe shape), the jobs, and who waits for which job to end. One lock (this
 * object) guards it all; a change appends its records to the journal while holding it.
 */
final class BatchState {
    /** region/account/name -> the DescribeComputeEnvironments shape. */
    final Map<String, ObjectNode> environments = new LinkedHashMap<>();
    final Map<String, ObjectNode> queues = new LinkedHashMap<>();
    /** region/account/name -> revision -> the DescribeJobDefinitions shape. */
    final Map<String, TreeMap<Integer, ObjectNode>> definitions = new LinkedHashMap<>();
    final Map<String, Job> jobs = new LinkedHashMap<>();
    /** A job id -> the ids of jobs that wait on it. */
    final Map<String, List<String>> dependents = new HashMap<>();
    final Map<String, List<Consumer<JsonNode>>> listeners = new HashMap<>();
    /** A Task state's idempotency key -> the SubmitJob reply it got. */
    final Map<String, ObjectNode> idempotency = new HashMap<>();
    /** The RUNNABLE jobs in the order they became so (kept by Dispatcher.move, so a pump never scans finished jobs). */
    final Set<Job> runnable = new LinkedHashSet<>();
    /** vCPUs in use per compute environment ARN. */
    final Map<String, Double> used = new HashMap<>();
    final WriteJournal journal;
    final LongSupplier clock;

    BatchState(WriteJournal journal, LongSupplier clock) {
        this.journal = journal;
        this.clock = clock;
    }

    static String key(String region, String account, String name) { return region + "/" + account + "/" + name; }

    long now() { return clock.getAsLong(); }

    /** A copy of the RUNNABLE jobs, oldest first (the pump changes the set while it walks). */
    List<Job> runnable() { return new ArrayList<>(runnable); }
}
