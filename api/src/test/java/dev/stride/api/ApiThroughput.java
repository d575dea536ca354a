package dev.stride.api;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.IntConsumer;
import software.amazon.awssdk.services.sfn.SfnClient;

/**
 * Measures the API on loopback with the real SfnClient: 8 client threads, StartExecution of the
 * chain5 workload as STANDARD and StartSyncExecution of it as EXPRESS; prints executions/s and
 * p50/p99 request latency. A main class, not a test (it takes seconds and wants a quiet machine):
 * <pre>
 * mvn -q -B -pl api -am test-compile
 * mvn -q -B -pl api dependency:build-classpath -Dmdep.outputFile=target/cp.txt -Dmdep.includeScope=test
 * CP=$(tr ':' '\n' &lt; api/target/cp.txt | grep -v /dev/stride/ | paste -sd:)   # this checkout's modules, not ~/.m2's
 * java -cp "$CP:expr/target/classes:asl/target/classes:engine/target/classes:api/target/classes:api/target/test-classes" \
 *     dev.stride.api.ApiThroughput 10 ../shared
 * </pre>
 */
public final class ApiThroughput {
    private static final int THREADS = 8;

    public static void main(String[] args) throws Exception {
        int seconds = args.length > 0 ? Integer.parseInt(args[0]) : 10;
        Path shared = Path.of(args.length > 1 ? args[1] : System.getProperty("stride.shared", "../shared"));
        String chain5 = Files.readString(shared.resolve("bench/workloads/chain5.asl.json"));
        // -Dstride.port=N measures a server already running there (e.g. `./stride server`, on its SQLite default);
        // otherwise an in-memory server is started in this process.
        Integer external = Integer.getInteger("stride.port");
        try (StrideServer server = external != null ? null : StrideServer.start(ServerConfig.defaults().withPort(0));
             SfnClient sfn = ApiFixture.client(external != null ? external : server.port(), "bench", "bench")) {
            String standard = sfn.createStateMachine(b -> b.name("chain5-" + System.nanoTime()).definition(chain5).roleArn(ApiFixture.ROLE)).stateMachineArn();
            String express = sfn.createStateMachine(b -> b.name("chain5-express-" + System.nanoTime()).definition(chain5).roleArn(ApiFixture.ROLE)
                    .type("EXPRESS")).stateMachineArn();
            IntConsumer start = k -> sfn.startExecution(b -> b.stateMachineArn(standard).input("{\"id\":" + k + "}"));
            IntConsumer sync = k -> {
                var r = sfn.startSyncExecution(b -> b.stateMachineArn(express).input("{\"id\":" + k + "}"));
                if (!"SUCCEEDED".equals(r.statusAsString())) throw new IllegalStateException("express run " + r.statusAsString());
            };
            run("warm-up StartExecution", start, 3);
            run("warm-up StartSyncExecution", sync, 3);
            run("StartExecution STANDARD chain5", start, seconds);
            run("StartSyncExecution EXPRESS chain5", sync, seconds);
        }
    }

    private static void run(String label, IntConsumer call, int seconds) throws Exception {
        long end = System.nanoTime() + seconds * 1_000_000_000L;
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        List<Future<List<Long>>> parts = new ArrayList<>();
        long began = System.nanoTime();
        for (int t = 0; t < THREADS; t++) {
            int thread = t;
            parts.add(pool.submit(() -> {
                List<Long> latencies = new ArrayList<>();
                for (int k = thread; System.nanoTime() < end; k += THREADS) {
                    long s = System.nanoTime();
                    call.accept(k);
                    latencies.add(System.nanoTime() - s);
                }
                return latencies;
            }));
        }
        List<Long> all = new ArrayList<>();
        for (Future<List<Long>> f : parts) all.addAll(f.get());
        double elapsed = (System.nanoTime() - began) / 1e9;
        pool.shutdown();
        Collections.sort(all);
        System.out.printf("%-36s %8d calls in %5.1f s: %8.0f executions/s, p50 %.2f ms, p99 %.2f ms%n", label, all.size(), elapsed,
                all.size() / elapsed, all.get(all.size() / 2) / 1e6, all.get((int) (all.size() * 0.99)) / 1e6);
    }
}
