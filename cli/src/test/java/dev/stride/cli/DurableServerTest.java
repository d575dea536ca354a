package dev.stride.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sfn.SfnClient;
import software.amazon.awssdk.services.sfn.model.ExecutionStatus;
import software.amazon.awssdk.services.sfn.model.HistoryEventType;

/**
 * `stride server` on its embedded SQLite default, killed with SIGKILL while an execution waits:
 * after a restart on the same data folder the state machine is still there and the execution
 * finishes, with a history that has no gap and no duplicate.
 */
class DurableServerTest {
    @TempDir
    Path data;

    @Test
    void aServerKilledDuringAWaitResumesTheExecutionAfterRestart() throws Exception {
        int port = freePort();
        Process first = server(port);
        String definition = "{\"StartAt\":\"W\",\"States\":{\"W\":{\"Type\":\"Wait\",\"Seconds\":2,\"Next\":\"P\"},"
                + "\"P\":{\"Type\":\"Pass\",\"Parameters\":{\"seen.$\":\"$.a\"},\"End\":true}}}";
        String execArn;
        try (SfnClient sfn = client(port)) {
            String sm = sfn.createStateMachine(b -> b.name("waiter").definition(definition)
                    .roleArn("arn:aws:iam::123456789012:role/r")).stateMachineArn();
            execArn = sfn.startExecution(b -> b.stateMachineArn(sm).name("e1").input("{\"a\":7}")).executionArn();
        }
        Thread.sleep(500);
        first.destroyForcibly().waitFor(); // SIGKILL: no shutdown hook runs

        Process second = server(port);
        try (SfnClient sfn = client(port)) {
            assertThat(sfn.listStateMachines().stateMachines()).extracting(s -> s.name()).containsExactly("waiter");
            ExecutionStatus status = ExecutionStatus.RUNNING;
            for (int i = 0; i < 100 && status == ExecutionStatus.RUNNING; i++) {
                Thread.sleep(100);
                status = sfn.describeExecution(b -> b.executionArn(execArn)).status();
            }
            assertThat(status).isEqualTo(ExecutionStatus.SUCCEEDED);
            assertThat(sfn.describeExecution(b -> b.executionArn(execArn)).output()).isEqualTo("{\"seen\":7}");
            var events = sfn.getExecutionHistory(b -> b.executionArn(execArn)).events();
            assertThat(events).extracting(e -> e.type()).containsExactly(HistoryEventType.EXECUTION_STARTED,
                    HistoryEventType.WAIT_STATE_ENTERED, HistoryEventType.WAIT_STATE_EXITED, HistoryEventType.PASS_STATE_ENTERED,
                    HistoryEventType.PASS_STATE_EXITED, HistoryEventType.EXECUTION_SUCCEEDED);
            assertThat(events).extracting(e -> e.id()).containsExactly(1L, 2L, 3L, 4L, 5L, 6L);
        } finally {
            second.destroy();
            second.waitFor();
        }
    }

    private Process server(int port) throws IOException, InterruptedException {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Path log = data.resolveSibling(data.getFileName() + "-server-" + System.nanoTime() + ".log");
        Process p = new ProcessBuilder(java.toString(), "-cp", System.getProperty("java.class.path"), "dev.stride.cli.Main",
                "server", "--port", String.valueOf(port), "--data", data.toString())
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (System.nanoTime() < deadline) {
            if (Files.exists(log) && Files.readString(log).contains("Stride listening")) return p;
            if (!p.isAlive()) throw new AssertionError("server exited: " + Files.readString(log));
            Thread.sleep(50);
        }
        p.destroyForcibly();
        throw new AssertionError("server did not start: " + Files.readString(log));
    }

    private static SfnClient client(int port) {
        return SfnClient.builder().endpointOverride(URI.create("http://localhost:" + port)).region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test")))
                .httpClientBuilder(ApacheHttpClient.builder())
                .overrideConfiguration(c -> c.retryStrategy(software.amazon.awssdk.core.retry.RetryMode.STANDARD))
                .build();
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }
}
