package dev.stride.store.sqlite;

import dev.stride.asl.compile.DefinitionCompiler;
import dev.stride.asl.model.StateMachine;
import dev.stride.asl.read.DefinitionReader;
import dev.stride.engine.Engine;
import dev.stride.engine.StartRequest;
import dev.stride.engine.history.HistoryEvent;
import dev.stride.engine.spi.ExecutionChange;
import dev.stride.engine.spi.ExecutionStore;
import dev.stride.engine.spi.StoredExecution;
import dev.stride.expr.Json;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Splits durable throughput in two: the engine producing changes into a store that keeps them in
 * memory (what the engine and Persistence.change cost), then the same batches replayed into a
 * SqliteStore (what the store costs). Arguments: E (executions of chain5), reps.
 *
 * <pre>java ... dev.stride.store.sqlite.StoreWriteBench 50000 3</pre>
 */
public final class StoreWriteBench {
    public static void main(String[] args) throws Exception {
        int e = args.length > 0 ? Integer.parseInt(args[0]) : 50_000;
        int reps = args.length > 1 ? Integer.parseInt(args[1]) : 3;
        StateMachine chain5 = DefinitionCompiler.compile(DefinitionReader.read(
                Files.readString(Path.of(System.getProperty("stride.shared", "/work/shared"), "bench/workloads/chain5.asl.json"))));
        for (int r = 0; r < reps; r++) {
            Recording rec = new Recording();
            long t0 = System.nanoTime();
            try (Engine engine = Engine.builder().store(rec).build()) {
                for (int i = 0; i < e; i++) engine.start(new StartRequest(chain5, null, "x" + i, Json.parse("{\"id\": 1}"), false, null));
                rec.awaitFinal(e);
            }
            double engineSeconds = (System.nanoTime() - t0) / 1e9;
            // Under load the group committer writes up to 2000 changes at once: replay that way.
            List<ExecutionChange> all = new ArrayList<>();
            rec.batches.forEach(all::addAll);
            List<List<ExecutionChange>> batches = new ArrayList<>();
            for (int i = 0; i < all.size(); i += 2000) batches.add(all.subList(i, Math.min(all.size(), i + 2000)));
            for (SqliteStore.Durability d : List.of(SqliteStore.Durability.valueOf(System.getProperty("durability", "PROCESS_CRASH")))) {
                Path dir = Files.createTempDirectory("stride-writebench");
                try (SqliteStore store = SqliteStore.open(dir, SqliteStoreTest.QUIET.withDurability(d))) {
                    var mx = java.lang.management.ManagementFactory.getThreadMXBean();
                    long c1 = mx.getCurrentThreadCpuTime();
                    long t1 = System.nanoTime();
                    for (List<ExecutionChange> b : batches) store.write(b);
                    double s = (System.nanoTime() - t1) / 1e9;
                    double cpu = (mx.getCurrentThreadCpuTime() - c1) / 1e9;
                    System.out.printf("   %s writer cpu %.2f s = %.1f us per execution (12 events)%n", d, cpu, cpu * 1e6 / e);
                    System.out.printf("rep %d: engine+no-op store %.2f s (%,.0f transitions/s); %s replay of %d batches %.2f s (%,.0f transitions/s, %,.0f events/s)%n",
                            r, engineSeconds, e * 5 / engineSeconds, d, batches.size(), s, e * 5 / s, rec.events / s);
                }
            }
        }
    }

    /** Keeps every batch in memory and counts final changes. */
    static final class Recording implements ExecutionStore {
        final List<List<ExecutionChange>> batches = new ArrayList<>();
        long finals;
        long events;

        @Override
        public synchronized void write(List<ExecutionChange> batch) {
            batches.add(List.copyOf(batch));
            for (ExecutionChange c : batch) {
                if (c.status().isFinal()) finals++;
                events += c.newEvents().size();
            }
            notifyAll();
        }

        synchronized void awaitFinal(long n) throws InterruptedException {
            while (finals < n) wait(100);
        }

        public List<StoredExecution> unfinished() { return List.of(); }

        public List<String> parkedDueBefore(long millis, int limit) { return List.of(); }

        public StoredExecution find(String executionArn) { return null; }

        public List<HistoryEvent> history(String executionArn) { return List.of(); }

        public int deleteFinishedBefore(long stopMillis) { return 0; }

        public void close() {}
    }
}
