package dev.stride.benchmarks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.stride.service.JsonProtocol;
import dev.stride.service.ServiceCall;
import dev.stride.service.batch.BatchService;
import dev.stride.service.compute.ComputeSettings;
import dev.stride.service.logs.LogsService;
import dev.stride.store.sqlite.SqliteStore;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Local AWS Batch's own overhead, durable in the embedded SQLite store (as {@code stride server}
 * runs it), in-process (no HTTP), with real processes:
 * <ol>
 *   <li>SubmitJob → RUNNING: from the submit call to the job first described RUNNING (its process started);</li>
 *   <li>exit → SUCCEEDED: from releasing a job's process (it waits on a named pipe) to the service
 *       telling a listener the job SUCCEEDED, its record durable;</li>
 *   <li>processes per second: 100 jobs of {@code true} submitted at once, until the last is SUCCEEDED.</li>
 * </ol>
 * Run it:
 * <pre>
 * JAVA_HOME=/usr/lib/jvm/temurin-25-jdk-amd64 mvn -q -B -pl benchmarks -am package -DskipTests
 * java -cp benchmarks/target/benchmarks.jar dev.stride.benchmarks.BatchLatency [--samples 50] [--jobs 100]
 * </pre>
 * It prints the median and 95th percentile of each latency and the throughput (see scripts/bench-batch.sh).
 */
public final class BatchLatency {
    private static final String REGION = "us-east-1";
    private static final String ACCOUNT = "123456789012";

    private BatchLatency() {}

    public static void main(String[] args) throws Exception {
        int samples = intArg(args, "--samples", 50);
        int jobs = intArg(args, "--jobs", 100);
        Path dir = Files.createTempDirectory("stride-batch-bench");
        try (SqliteStore store = SqliteStore.open(dir.resolve("data"), SqliteStore.Options.defaults())) {
            LogsService logs = new LogsService(store, System::currentTimeMillis);
            BatchService batch = new BatchService(store, System::currentTimeMillis, ComputeSettings.of(dir.resolve("compute"), "http://localhost:8083", REGION), logs);
            call(batch, "CreateComputeEnvironment", "{'ComputeEnvironmentName':'ce','Type':'UNMANAGED'}");
            call(batch, "CreateJobQueue", "{'JobQueueName':'q','Priority':1,'ComputeEnvironmentOrder':[{'Order':1,'ComputeEnvironment':'ce'}]}");
            call(batch, "RegisterJobDefinition", "{'JobDefinitionName':'wait','Type':'container','ContainerProperties':{'Image':'x','Command':['sh','-c','read x < Ref::pipe']}}");
            call(batch, "RegisterJobDefinition", "{'JobDefinitionName':'true','Type':'container','ContainerProperties':{'Image':'x','Command':['true']}}");
            for (int round = 0; round < 2; round++) { // the first round warms the JIT and is not printed
                long[] toRunning = new long[samples];
                long[] toSucceeded = new long[samples];
                for (int i = 0; i < samples; i++) sample(batch, dir, i, toRunning, toSucceeded);
                double perSecond = throughput(batch, jobs);
                if (round == 1) {
                    System.out.printf("SubmitJob -> RUNNING:   median %.1f ms, p95 %.1f ms (%d samples)%n", ms(toRunning, 50), ms(toRunning, 95), samples);
                    System.out.printf("exit -> SUCCEEDED:      median %.1f ms, p95 %.1f ms (%d samples)%n", ms(toSucceeded, 50), ms(toSucceeded, 95), samples);
                    System.out.printf("processes per second:   %.0f (%d jobs of `true` queued at once)%n", perSecond, jobs);
                }
            }
            batch.close();
        }
    }

    private static void sample(BatchService batch, Path dir, int i, long[] toRunning, long[] toSucceeded) throws Exception {
        Path pipe = dir.resolve("pipe-" + System.nanoTime());
        new ProcessBuilder("mkfifo", pipe.toString()).start().waitFor();
        long t0 = System.nanoTime();
        String id = call(batch, "SubmitJob", "{'JobName':'s','JobQueue':'q','JobDefinition':'wait','Parameters':{'pipe':'" + pipe + "'}}").path("JobId").asText();
        while (!"RUNNING".equals(describe(batch, id).path("Status").asText())) Thread.onSpinWait();
        toRunning[i] = System.nanoTime() - t0;
        CompletableFuture<Long> ended = new CompletableFuture<>();
        batch.whenEnded(REGION, ACCOUNT, id, d -> ended.complete(System.nanoTime()));
        long t1 = System.nanoTime();
        Files.writeString(pipe, "go\n"); // opens the pipe's writing end: the job's read returns and it exits 0
        toSucceeded[i] = ended.get(10, TimeUnit.SECONDS) - t1;
        Files.deleteIfExists(pipe);
    }

    private static double throughput(BatchService batch, int jobs) throws Exception {
        CountDownLatch done = new CountDownLatch(jobs);
        long t0 = System.nanoTime();
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < jobs; i++) ids.add(call(batch, "SubmitJob", "{'JobName':'t','JobQueue':'q','JobDefinition':'true'}").path("JobId").asText());
        for (String id : ids) batch.whenEnded(REGION, ACCOUNT, id, d -> done.countDown());
        if (!done.await(60, TimeUnit.SECONDS)) throw new IllegalStateException("jobs did not finish");
        return jobs / ((System.nanoTime() - t0) / 1e9);
    }

    private static JsonNode describe(BatchService batch, String id) {
        return call(batch, "DescribeJobs", "{'Jobs':['" + id + "']}").path("Jobs").path(0);
    }

    private static JsonNode call(BatchService batch, String action, String json) {
        try {
            ObjectNode p = (ObjectNode) JsonProtocol.MAPPER.readTree(json.replace('\'', '"'));
            return batch.call(new ServiceCall(action, p, REGION, ACCOUNT, "http://localhost:8083", null));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static double ms(long[] nanos, int percentile) {
        long[] sorted = nanos.clone();
        Arrays.sort(sorted);
        int index = Math.min(sorted.length - 1, (int) Math.ceil(percentile / 100.0 * sorted.length) - 1);
        return sorted[Math.max(0, index)] / 1e6;
    }

    private static int intArg(String[] args, String name, int fallback) {
        for (int i = 0; i + 1 < args.length; i++) if (args[i].equals(name)) return Integer.parseInt(args[i + 1]);
        return fallback;
    }
}
