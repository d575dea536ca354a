package dev.stride.api;

import com.sun.net.httpserver.HttpServer;
import dev.stride.api.console.Console;
import dev.stride.engine.Engine;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Serves the AWS Step Functions API (AWS JSON 1.0) and the configured local AWS services (SQS,
 * SNS, ...) on one local port, so the aws CLI and every AWS SDK can talk to Stride:
 * <pre>{@code
 * try (StrideServer server = StrideServer.start(ServerConfig.defaults())) { ... }
 * }</pre>
 * Uses the JDK's built-in HTTP server with a virtual thread per request (StartSyncExecution and
 * GetActivityTask block their request, which costs nothing on a virtual thread).
 */
public final class StrideServer implements AutoCloseable {
    private final HttpServer http;
    private final ExecutorService requests;
    private final Engine engine;

    private StrideServer(HttpServer http, ExecutorService requests, Engine engine) {
        this.http = http;
        this.requests = requests;
        this.engine = engine;
    }

    /** Binds the port and starts serving; the server runs until {@link #close()}. */
    public static StrideServer start(ServerConfig config) {
        Registry registry = config.metadataStore() == null ? new MemoryRegistry() : new DurableRegistry(config.metadataStore());
        ActivityTasks activities = new ActivityTasks(registry);
        Engine.Builder builder = Engine.builder().region(config.region()).account(config.account())
                .virtualTime(config.virtualTime()).clock(config.clock()).store(config.executionStore()).integration(activities);
        config.integrations().forEach(builder::integration);
        // Nested executions resolve machines through the registry; the context exists only after the engine.
        java.util.concurrent.atomic.AtomicReference<ApiContext> late = new java.util.concurrent.atomic.AtomicReference<>();
        if (config.taskSetup() != null) {
            config.taskSetup().integrations(arn -> registry.machine(arn).map(m -> late.get().compile(m.definition())).orElse(null))
                    .forEach(builder::integration);
        }
        // aws-sdk:sfn:* Task states run this server's own actions; tried after the configured integrations.
        SfnSdkTasks sfnTasks = new SfnSdkTasks();
        builder.integration(sfnTasks);
        if (config.taskSetup() != null && config.taskSetup().objectStorage() != null) builder.objectStorage(config.taskSetup().objectStorage());
        Engine engine = builder.build();
        ExecutorService requests = Executors.newVirtualThreadPerTaskExecutor();
        Executions executions = engine.lists() ? new StoredExecutions(engine, registry) : new MemoryExecutions(engine);
        ApiContext context = new ApiContext(engine, registry, executions, config, activities, new Metrics());
        late.set(context);
        context.metrics.countTransitions(engine);
        // Every execution counts, whoever started it (the API, or an integration for a nested one).
        engine.addStartListener(v -> context.metrics.started(v.express()));
        engine.addEndListener(v -> context.metrics.ended(v.express(), v));
        engine.addEndListener(v -> {
            if (v.express() && context.forgetWhenEnded.remove(v.executionArn())) engine.forget(v.executionArn());
        });
        // Executions started by integrations (nested executions) are listed like the API's own
        // (a store lists them already).
        if (executions instanceof MemoryExecutions) engine.addStartListener(v -> {
            if (executions.find(v.executionArn()).isPresent()) return;
            registry.machine(v.stateMachineArn()).ifPresent(m -> executions.add(new ExecutionEntry(v.executionArn(), v.name(),
                    m.arn(), null, null, v.express(), m.definition(), m.roleArn(), m.revisionId(),
                    m.updateMillis() > 0 ? m.updateMillis() : m.creationMillis(), dev.stride.expr.Json.write(v.input()), v.startMillis())));
        });
        if (config.taskSetup() != null) config.taskSetup().engineReady(engine);
        try {
            // TCP_NODELAY on accepted connections: with Nagle's algorithm on (the JDK server's
            // default), a reply larger than one segment waits ~40 ms for the client's delayed
            // ACK; a DynamoDB Query of 100 items fell from 7,700/s to 360/s. Read when the
            // server class initialises, so set before the first server is created.
            if (System.getProperty("sun.net.httpserver.nodelay") == null) System.setProperty("sun.net.httpserver.nodelay", "true");
            HttpServer http = HttpServer.create(new InetSocketAddress(config.host(), config.port()), 0);
            Operations operations = Operations.create(context);
            sfnTasks.bind(operations);
            http.createContext("/", new HttpEntry(operations, context.metrics,
                    SigV4.of(config.accessKeys()), new ServiceRouter(config.services()), config.region(), config.account()));
            http.createContext(TaskLinks.PREFIX, new TaskLinks(engine)); // approval links opened in a browser
            // The web console: its own context, so AWS API requests never pass through it.
            http.createContext(Console.PREFIX, new Console(new ConsoleBackend(operations, config)));
            http.setExecutor(requests);
            http.start();
            return new StrideServer(http, requests, engine);
        } catch (IOException e) {
            engine.close();
            requests.shutdownNow();
            throw new UncheckedIOException("cannot listen on port " + config.port() + ": " + e.getMessage(), e);
        }
    }

    /** The port actually bound (useful after asking for port 0). */
    public int port() { return http.getAddress().getPort(); }

    @Override
    public void close() {
        http.stop(0);
        requests.shutdownNow();
        engine.close();
    }
}
