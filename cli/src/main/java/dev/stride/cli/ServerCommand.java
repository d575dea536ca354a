package dev.stride.cli;

import dev.stride.api.ServerConfig;
import dev.stride.api.StrideServer;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code stride server [--port 8083]}: the AWS-compatible API. Executions are kept in memory
 * until the durable store lands (issue 4); the command says so when it starts.
 */
@Command(name = "server", description = "Serves the AWS Step Functions API (AWS JSON 1.0) on localhost.")
final class ServerCommand implements Callable<Integer> {
    @Option(names = "--port", description = "Port to listen on (default 8083).", defaultValue = "8083")
    int port;

    @Option(names = "--region", description = "Region used in ARNs (default us-east-1).", defaultValue = "us-east-1")
    String region;

    @Option(names = "--account", description = "Account id used in ARNs (default 123456789012).", defaultValue = "123456789012")
    String account;

    @Option(names = "--config", paramLabel = "FILE",
            description = "Integrations config: local functions and HTTP connections (default: stride.yaml in the working directory, if any).")
    java.nio.file.Path config;

    @Override
    public Integer call() throws InterruptedException {
        ServerConfig settings = ServerConfig.defaults().withPort(port).withRegion(region).withAccount(account);
        java.nio.file.Path file = config != null ? config : LocalSetup.defaultConfig();
        if (file != null) settings = settings.withIntegrations(dev.stride.integrations.Integrations.fromConfig(file));
        StrideServer server = StrideServer.start(settings);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            server.close();
            stopped.countDown();
        }));
        System.out.println("Stride listening on http://localhost:" + server.port() + " (region " + region + ", account " + account
                + "; executions in memory: the durable store is not built yet)");
        stopped.await();
        return 0;
    }
}
