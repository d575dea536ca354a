package dev.stride.cli;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;

/**
 * A real {@code stride server} in a child JVM on a free port, with its data in a folder the test
 * owns: it can be killed with SIGKILL and started again on the same data.
 */
public final class ServerProcess implements AutoCloseable {
    public static final StaticCredentialsProvider CREDENTIALS =
            StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test"));

    private final Path data;
    private final int port;
    private final List<String> extraArgs;
    private Process process;
    private Path log;

    private ServerProcess(Path data, int port, List<String> extraArgs) {
        this.data = data;
        this.port = port;
        this.extraArgs = List.copyOf(extraArgs);
    }

    /** Starts a server on a free port over the data folder. */
    public static ServerProcess start(Path data, String... extraArgs) throws IOException, InterruptedException {
        ServerProcess s = new ServerProcess(data, freePort(), List.of(extraArgs));
        s.launch();
        return s;
    }

    public URI endpoint() { return URI.create("http://localhost:" + port); }

    public int port() { return port; }

    /** SIGKILL: no shutdown hook runs, nothing is flushed. */
    public void kill() throws InterruptedException {
        process.destroyForcibly().waitFor();
    }

    /** Starts it again on the same port and data. */
    public void restart() throws IOException, InterruptedException {
        if (process.isAlive()) kill();
        launch();
    }

    public String log() throws IOException { return Files.readString(log); }

    private void launch() throws IOException, InterruptedException {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        log = data.resolveSibling(data.getFileName() + "-server-" + System.nanoTime() + ".log");
        List<String> cmd = new ArrayList<>(List.of(java.toString(), "-cp", System.getProperty("java.class.path"),
                "dev.stride.cli.Main", "server", "--port", String.valueOf(port), "--data", data.toString()));
        cmd.addAll(extraArgs);
        process = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (System.nanoTime() < deadline) {
            if (Files.exists(log) && Files.readString(log).contains("Stride listening")) return;
            if (!process.isAlive()) throw new AssertionError("server exited: " + Files.readString(log));
            Thread.sleep(25);
        }
        process.destroyForcibly();
        throw new AssertionError("server did not start: " + Files.readString(log));
    }

    @Override
    public void close() throws InterruptedException {
        if (process != null && process.isAlive()) {
            process.destroy();
            process.waitFor();
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }
}
