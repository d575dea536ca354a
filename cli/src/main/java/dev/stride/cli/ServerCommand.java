package dev.stride.cli;

import dev.stride.api.ServerConfig;
import dev.stride.api.StrideServer;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code stride server [--port 8083] [--data DIR] [--config FILE]}: the AWS-compatible API. Standard
 * executions and the API's records live in an embedded SQLite store in the data folder (they
 * survive restarts and crashes); {@code --in-memory} keeps everything in memory instead.
 */
@Command(name = "server", description = "Serves the AWS Step Functions API (AWS JSON 1.0) on localhost.")
final class ServerCommand implements Callable<Integer> {
    @Option(names = "--port", description = "Port to listen on (default 8083; env STRIDE_PORT).", defaultValue = "${env:STRIDE_PORT:-8083}")
    int port;

    @Option(names = "--region", description = "Region used in ARNs (default us-east-1; env STRIDE_REGION).", defaultValue = "${env:STRIDE_REGION:-us-east-1}")
    String region;

    @Option(names = "--account", description = "Account id used in ARNs (default 123456789012; env STRIDE_ACCOUNT).", defaultValue = "${env:STRIDE_ACCOUNT:-123456789012}")
    String account;

    @Option(names = "--data", paramLabel = "DIR", description = "Data folder of the embedded store (default: ./stride-data; env STRIDE_DATA).",
            defaultValue = "${env:STRIDE_DATA:-stride-data}")
    java.nio.file.Path data;

    @Option(names = "--in-memory", description = "Keep executions in memory only (nothing survives a restart).")
    boolean inMemory;

    @Option(names = "--durability", description = "PROCESS_CRASH (default: survives kill -9) or POWER_LOSS (fsync every commit).",
            defaultValue = "PROCESS_CRASH")
    dev.stride.store.sqlite.SqliteStore.Durability durability;

    @Option(names = "--config", paramLabel = "FILE",
            description = "Integrations config: local functions and HTTP connections (default: stride.yaml in the working directory, if any).")
    java.nio.file.Path config;

    @Override
    public Integer call() throws InterruptedException {
        ServerConfig settings = ServerConfig.defaults().withPort(port).withRegion(region).withAccount(account);
        java.nio.file.Path file = config != null ? config : LocalSetup.defaultConfig();
        if (file != null) settings = settings.withIntegrations(dev.stride.integrations.Integrations.fromConfig(file));
        dev.stride.store.sqlite.SqliteStore store = null;
        if (!inMemory) {
            store = dev.stride.store.sqlite.SqliteStore.open(data,
                    dev.stride.store.sqlite.SqliteStore.Options.defaults().withDurability(durability));
            settings = settings.withStores(store, store);
        }
        StrideServer server = StrideServer.start(settings);
        dev.stride.store.sqlite.SqliteStore opened = store;
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            server.close(); // running executions stay in the store and resume on the next start
            if (opened != null) opened.close();
            stopped.countDown();
        }));
        System.out.println("Stride listening on http://localhost:" + server.port() + " (region " + region + ", account " + account
                + (inMemory ? "; in memory" : "; data in " + data.toAbsolutePath() + ", " + durability) + ")");
        stopped.await();
        return 0;
    }
}
