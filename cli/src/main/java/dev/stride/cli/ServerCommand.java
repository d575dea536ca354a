package dev.stride.cli;

import dev.stride.api.ServerConfig;
import dev.stride.api.ServerSettings;
import dev.stride.api.StrideServer;
import dev.stride.engine.spi.RecordStore;
import dev.stride.integrations.StrideConfig;
import dev.stride.store.sqlite.SqliteStore;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code stride server [--port 8083] [--bind 127.0.0.1] [--data DIR] [--config FILE] [--settings FILE]}: the
 * AWS-compatible API. Standard executions and the API's records live in an embedded SQLite store
 * in the data folder (they survive restarts and crashes); {@code --in-memory} keeps everything in
 * memory instead.
 *
 * <p>Each setting comes from the first source that gives it: the command-line flag, then the
 * environment (STRIDE_PORT, STRIDE_BIND or STRIDE_HOST, STRIDE_REGION, STRIDE_ACCOUNT, STRIDE_DATA), then the settings file
 * ({@link ServerSettings}), then the built-in default. The options below are therefore null unless
 * a flag or the environment sets them.
 */
@Command(name = "server", description = "Serves the AWS Step Functions API and local SQS and SNS on one localhost port.")
final class ServerCommand implements Callable<Integer> {
    static final int DEFAULT_PORT = ServerConfig.DEFAULT_PORT;
    static final Path DEFAULT_DATA = Path.of("stride-data");

    @Option(names = "--port", description = "Port to listen on (default 8083; env STRIDE_PORT).", defaultValue = "${env:STRIDE_PORT}")
    Integer port;

    /** Loopback unless told otherwise: the server runs job commands and, without access keys, answers anyone. */
    @Option(names = {"--bind", "--host"}, paramLabel = "ADDR",
            description = "Address to listen on (default 127.0.0.1, loopback only; 0.0.0.0 for every interface; env STRIDE_BIND). "
                    + "--host is its older name.",
            defaultValue = "${env:STRIDE_BIND:-${env:STRIDE_HOST}}")
    String host;

    @Option(names = "--region", description = "Region of requests that name none (default us-east-1; env STRIDE_REGION); a signed request's is its credential scope's.", defaultValue = "${env:STRIDE_REGION}")
    String region;

    @Option(names = "--account", description = "Account of requests whose access key id is not 12 digits (default 123456789012; env STRIDE_ACCOUNT).", defaultValue = "${env:STRIDE_ACCOUNT}")
    String account;

    @Option(names = "--data", paramLabel = "DIR", description = "Data folder of the embedded store (default: ./stride-data; env STRIDE_DATA).",
            defaultValue = "${env:STRIDE_DATA}")
    Path data;

    @Option(names = "--in-memory", description = "Keep executions in memory only (nothing survives a restart).")
    boolean inMemory;

    @Option(names = "--durability", description = "PROCESS_CRASH (default: survives kill -9) or POWER_LOSS (fsync every commit).")
    SqliteStore.Durability durability;

    @Option(names = "--config", paramLabel = "FILE",
            description = "Integrations config: local functions, HTTP connections, services passed through to AWS "
                    + "(default: stride.yaml in the working directory, if any).")
    Path config;

    @Option(names = "--mock-config", paramLabel = "FILE",
            description = "Step Functions Local mock file: StartExecution with stateMachineArn#TestCase runs that test case.")
    Path mockConfig;

    @Option(names = "--settings", paramLabel = "FILE",
            description = "Server settings, YAML or JSON: port, bind, region, account, data, durability, accessKeys {ID: SECRET}, virtualTime. "
                    + "Flags and the environment override it.")
    Path settingsFile;

    /** The settings in force: flag or environment, else the settings file, else null (the built-in default applies). */
    ServerSettings effective() {
        ServerSettings file = settingsFile == null ? ServerSettings.NONE : ServerSettings.read(settingsFile);
        ServerSettings commandLine = new ServerSettings(port, region, account, data,
                durability == null ? null : durability.name(), null, null, host);
        return file.overriddenBy(commandLine);
    }

    @Override
    public Integer call() throws InterruptedException {
        ServerSettings chosen = effective();
        ServerConfig settings = chosen.applyTo(ServerConfig.defaults());
        Path dataDir = chosen.data() != null ? chosen.data() : DEFAULT_DATA;
        SqliteStore.Durability how = chosen.durability() != null ? SqliteStore.Durability.valueOf(chosen.durability())
                : SqliteStore.Durability.PROCESS_CRASH;
        Path file = config != null ? config : LocalSetup.defaultConfig();
        StrideConfig strideConfig = file == null ? StrideConfig.empty() : StrideConfig.read(file);
        SqliteStore store = null;
        if (!inMemory) {
            store = SqliteStore.open(dataDir, SqliteStore.Options.defaults().withDurability(how));
            settings = settings.withStores(store, store);
        }
        String endpoint = "http://localhost:" + settings.port();
        ConfiguredFunctions functions = new ConfiguredFunctions();
        LocalServices services;
        try {
            services = new LocalServices(store == null ? RecordStore.NONE : store, dataDir.resolve("mailbox"),
                    settings.region(), settings.account(), endpoint, functions, strideConfig.passThrough(), file, settings.accessKeys());
        } catch (RuntimeException e) {
            if (store != null) store.close();
            throw e;
        }
        settings = settings.withServices(services.all()).withTaskSetup(new ServerTasks(strideConfig, mockConfig,
                settings.region(), settings.account(), services.byName(), endpoint, functions));
        StrideServer server = StrideServer.start(settings);
        SqliteStore opened = store;
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            server.close(); // running executions stay in the store and resume on the next start
            services.close();
            if (opened != null) opened.close();
            stopped.countDown();
        }));
        System.out.println("Stride listening on http://" + hostPart(settings.host()) + ":" + server.port() + " (" + reach(settings.host())
                + "; region " + settings.region()
                + ", account " + settings.account()
                + (inMemory ? "; in memory" : "; data in " + dataDir.toAbsolutePath() + ", " + how)
                + (settings.accessKeys().isEmpty() ? "; no access keys: requests are not checked" : "; SigV4 required") + (settings.virtualTime() ? "; virtual time" : "")
                + (services.remotes().isEmpty() ? "" : "; passed through: " + String.join(", ", services.remotes())) + ")");
        stopped.await();
        return 0;
    }

    /** An IPv6 address in a URL goes in brackets. */
    private static String hostPart(String address) {
        return address.contains(":") && !address.startsWith("[") ? "[" + address + "]" : address;
    }

    /** Who can reach the server: said at start, so listening beyond this machine is never a surprise. */
    static String reach(String address) {
        try {
            InetAddress a = InetAddress.getByName(address);
            if (a.isLoopbackAddress()) return "loopback only: this machine alone can reach it";
            if (a.isAnyLocalAddress()) return "every interface: other machines can reach it";
            return "interface " + a.getHostAddress() + ": other machines on its network can reach it";
        } catch (UnknownHostException e) {
            return "address " + address;
        }
    }
}
