package dev.stride.cli;

import dev.stride.api.ServerConfig;
import dev.stride.api.StrideServer;
import dev.stride.integrations.StrideConfig;
import dev.stride.store.sqlite.SqliteStore;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Path;
import java.util.Map;

/**
 * A {@code stride server} inside this process, on a free port over a data folder the caller owns:
 * what {@code stride example} runs its example against. The same assembly as
 * {@link ServerCommand} with its defaults (SQLite store, every local service, no stride.yaml).
 */
final class EmbeddedServer implements AutoCloseable {
    private final SqliteStore store;
    private final LocalServices services;
    private final StrideServer server;
    private final URI endpoint;

    private EmbeddedServer(SqliteStore store, LocalServices services, StrideServer server, URI endpoint) {
        this.store = store;
        this.services = services;
        this.server = server;
        this.endpoint = endpoint;
    }

    static EmbeddedServer start(Path data) throws IOException {
        // The services hand out addresses (queue URLs, links) before the server binds, so the port is chosen first.
        int port = freePort();
        ServerConfig settings = ServerConfig.defaults().withPort(port);
        String endpoint = "http://localhost:" + port;
        SqliteStore store = SqliteStore.open(data, SqliteStore.Options.defaults());
        LocalServices services = null;
        try {
            ConfiguredFunctions functions = new ConfiguredFunctions();
            services = new LocalServices(store, data.resolve("mailbox"), settings.region(), settings.account(), endpoint, functions,
                    Map.of(), null);
            settings = settings.withStores(store, store).withServices(services.all()).withTaskSetup(new ServerTasks(StrideConfig.empty(),
                    null, settings.region(), settings.account(), services.byName(), endpoint, functions));
            return new EmbeddedServer(store, services, StrideServer.start(settings), URI.create(endpoint));
        } catch (RuntimeException e) {
            if (services != null) services.close();
            store.close();
            throw e;
        }
    }

    URI endpoint() { return endpoint; }

    @Override
    public void close() {
        server.close();
        services.close();
        store.close();
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }
}
