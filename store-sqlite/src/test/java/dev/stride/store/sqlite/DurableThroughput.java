package dev.stride.store.sqlite;

import com.fasterxml.jackson.databind.JsonNode;
import dev.stride.asl.compile.DefinitionCompiler;
import dev.stride.asl.model.StateMachine;
import dev.stride.asl.read.DefinitionReader;
import dev.stride.engine.Engine;
import dev.stride.engine.ExecutionStatus;
import dev.stride.engine.ExecutionView;
import dev.stride.engine.StartRequest;
import dev.stride.engine.history.HistoryEvent;
import dev.stride.engine.spi.ExecutionChange;
import dev.stride.engine.spi.ExecutionStore;
import dev.stride.engine.spi.StoredExecution;
import dev.stride.expr.Json;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Durable throughput: state transitions per second of the {@code many} and {@code loop} workloads
 * with the SQLite store (PROCESS_CRASH, POWER_LOSS) and without a store (in memory); median of 3.
 *
 * <p>{@code many}: E executions of chain5 (5 Pass states) started at once, timed until the last
 * one's final change is committed. {@code loop}: C executions of the counter loop with input
 * {"n": N} (2N+3 transitions each) started at once. N stays under AWS's 25,000-event history
 * limit (each lap records 4 events).
 *
 * <pre>
 * (from the repository root)
 * JAVA_HOME=/usr/lib/jvm/temurin-25-jdk-amd64 mvn -q -B -pl store-sqlite -am test-compile \
 *     dependency:build-classpath -Dmdep.outputFile=/tmp/stride-cp.txt -Dmdep.includeScope=test
 * java -Xmx3g --enable-native-access=ALL-UNNAMED \
 *     -cp store-sqlite/target/test-classes:store-sqlite/target/classes:$(cat /tmp/stride-cp.txt) \
 *     dev.stride.store.sqlite.DurableThroughput [E=100000] [C=20] [N=5000] [reps=3] [modes=memory,PROCESS_CRASH,POWER_LOSS] [workloads=many,loop]
 * </pre>
 */
public final class DurableThroughput {
    public static void main(String[] args) throws Exception {
        int e = intArg(args, "E", 100_000);
        int c = intArg(args, "C", 20);
        int n = intArg(args, "N", 5_000);
        int reps = intArg(args, "reps", 3);
        List<String> modes = listArg(args, "modes", "memory,PROCESS_CRASH,POWER_LOSS");
        List<String> workloads = listArg(args, "workloads", "many,loop");
        Path shared = Path.of(System.getProperty("stride.shared", "/work/shared"));
        StateMachine chain5 = compile(shared.resolve("bench/workloads/chain5.asl.json"));
        StateMachine loop = compile(shared.resolve("bench/workloads/loop.asl.json"));
        System.out.printf("cores=%d heap=%dMiB E=%d C=%d N=%d reps=%d%n", Runtime.getRuntime().availableProcessors(),
                Runtime.getRuntime().maxMemory() >> 20, e, c, n, reps);
        for (String w : workloads) {
            for (String mode : modes) {
                boolean many = w.equals("many");
                StateMachine m = many ? chain5 : loop;
                int count = many ? e : c;
                JsonNode input = Json.parse(many ? "{\"id\": 1}" : "{\"n\": " + n + "}");
                long transitionsEach = many ? 5 : 2L * n + 3;
                run(m, mode, Math.max(1, count / 10), input, transitionsEach); // warm-up
                double[] rates = new double[reps];
                for (int r = 0; r < reps; r++) rates[r] = run(m, mode, count, input, transitionsEach);
                double[] sorted = rates.clone();
                Arrays.sort(sorted);
                System.out.printf("RESULT %-5s %-14s median %,10.0f transitions/s  (runs: %s)%n", w, mode, sorted[reps / 2],
                        Arrays.toString(Arrays.stream(rates).map(Math::round).toArray()));
            }
        }
    }

    /** Runs count executions at once; returns transitions per second. */
    static double run(StateMachine machine, String mode, int count, JsonNode input, long transitionsEach) throws Exception {
        Path dir = Files.createTempDirectory("stride-throughput");
        SqliteStore sqlite = mode.equals("memory") ? null
                : SqliteStore.open(dir, SqliteStoreTest.QUIET.withDurability(SqliteStore.Durability.valueOf(mode)));
        Counting store = sqlite == null ? null : new Counting(sqlite);
        System.gc();
        long t0 = System.nanoTime();
        try (Engine engine = Engine.builder().store(store).build()) {
            List<String> arns = new ArrayList<>(count);
            for (int i = 0; i < count; i++) arns.add(engine.start(new StartRequest(machine, null, "x" + i, input, false, null)));
            if (store != null) {
                store.awaitFinal(count);
            } else {
                for (String arn : arns) engine.await(arn, Duration.ofMinutes(5));
            }
            long t1 = System.nanoTime();
            if (store != null) {
                System.out.printf("  %s: %,d executions in %.2f s; store.write busy %.2f s (%d batches, %,d changes, %,d events); "
                                + "CPU per execution: %s%n",
                        mode, count, (t1 - t0) / 1e9, store.writeNanos / 1e9, store.batches, store.changes, store.events,
                        cpuPerExecution(count));
            }
            verify(engine, arns, transitionsEach);
            for (String arn : arns) engine.forget(arn);
            return count * transitionsEach / ((t1 - t0) / 1e9);
        } finally {
            if (sqlite != null) sqlite.close();
            deleteTree(dir);
        }
    }

    /**
     * CPU microseconds per execution by thread role, since the JVM started (the engine threads
     * are the run's own). CPU time, unlike wall time, stays meaningful on a busy machine.
     */
    private static String cpuPerExecution(int count) {
        var mx = java.lang.management.ManagementFactory.getThreadMXBean();
        java.util.Map<String, Long> byRole = new java.util.TreeMap<>();
        for (Thread t : Thread.getAllStackTraces().keySet()) {
            // main: the caller starting the executions (the JVM's whole life, so warm-up runs count too)
            String role = t.getName().startsWith("stride-") ? t.getName() : t.getName().equals("main") ? "stride-main" : null;
            if (role == null) continue;
            long cpu = mx.getThreadCpuTime(t.threadId());
            if (cpu > 0) byRole.merge(role, cpu, Long::sum);
        }
        StringBuilder out = new StringBuilder();
        byRole.forEach((role, nanos) -> out.append(role.substring("stride-".length())).append(' ')
                .append(String.format("%.1f", nanos / 1e3 / count)).append("us "));
        return out.toString().trim();
    }

    /** A sample must have succeeded with the expected number of state entries. */
    private static void verify(Engine engine, List<String> arns, long transitionsEach) {
        for (int i = 0; i < arns.size(); i += Math.max(1, arns.size() / 20)) {
            ExecutionView v = engine.describe(arns.get(i));
            List<HistoryEvent> h = engine.history(arns.get(i));
            long entered = h.stream().filter(ev -> ev.type().endsWith("StateEntered")).count();
            if (v.status() != ExecutionStatus.SUCCEEDED || entered != transitionsEach) {
                throw new IllegalStateException(arns.get(i) + ": " + v.status() + " with " + entered + " state entries, expected " + transitionsEach);
            }
        }
    }

    /** Passes writes through and counts the final changes committed. */
    static final class Counting implements ExecutionStore {
        private final ExecutionStore inner;
        private final AtomicLong finals = new AtomicLong();
        long writeNanos;
        long batches;
        long changes;
        long events;

        Counting(ExecutionStore inner) { this.inner = inner; }

        @Override
        public void write(List<ExecutionChange> batch) {
            long t = System.nanoTime();
            inner.write(batch);
            writeNanos += System.nanoTime() - t;
            batches++;
            changes += batch.size();
            for (ExecutionChange ch : batch) events += ch.newEvents().size();
            int f = 0;
            for (ExecutionChange ch : batch) if (ch.status().isFinal()) f++;
            if (f > 0) {
                synchronized (this) {
                    finals.addAndGet(f);
                    notifyAll();
                }
            }
        }

        synchronized void awaitFinal(long count) throws InterruptedException {
            while (finals.get() < count) wait(100);
        }

        public List<StoredExecution> unfinished() { return inner.unfinished(); }

        public List<String> parkedDueBefore(long millis, int limit) { return inner.parkedDueBefore(millis, limit); }

        public StoredExecution find(String executionArn) { return inner.find(executionArn); }

        public boolean exists(String executionArn) { return inner.exists(executionArn); }

        public List<HistoryEvent> history(String executionArn) { return inner.history(executionArn); }

        public int deleteFinishedBefore(long stopMillis) { return inner.deleteFinishedBefore(stopMillis); }

        public void close() { inner.close(); }
    }

    private static StateMachine compile(Path p) throws Exception {
        return DefinitionCompiler.compile(DefinitionReader.read(Files.readString(p)));
    }

    private static int intArg(String[] args, String key, int def) {
        for (String a : args) if (a.startsWith(key + "=")) return Integer.parseInt(a.substring(key.length() + 1));
        return def;
    }

    private static List<String> listArg(String[] args, String key, String def) {
        for (String a : args) if (a.startsWith(key + "=")) return List.of(a.substring(key.length() + 1).split(","));
        return List.of(def.split(","));
    }

    private static void deleteTree(Path dir) throws Exception {
        try (var s = Files.walk(dir)) {
            for (Path p : s.sorted(java.util.Comparator.reverseOrder()).toList()) Files.deleteIfExists(p);
        }
    }
}
