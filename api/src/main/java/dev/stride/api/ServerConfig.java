package dev.stride.api;

import dev.stride.engine.spi.TaskIntegration;
import java.util.List;
import java.util.Objects;

/**
 * How a {@link StrideServer} listens and which AWS identity it impersonates.
 *
 * @param port         TCP port; 0 picks a free one (tests)
 * @param region       region written into every ARN
 * @param account      account id written into every ARN
 * @param integrations task integrations handed to the engine, tried in order
 */
public record ServerConfig(int port, String region, String account, List<TaskIntegration> integrations) {
    public static final int DEFAULT_PORT = 8083;

    public ServerConfig {
        if (port < 0 || port > 65535) throw new IllegalArgumentException("port must be 0-65535, got " + port);
        Objects.requireNonNull(region, "region");
        Objects.requireNonNull(account, "account");
        integrations = List.copyOf(integrations);
    }

    /** Port 8083, us-east-1, account 123456789012, no integrations. */
    public static ServerConfig defaults() {
        return new ServerConfig(DEFAULT_PORT, "us-east-1", "123456789012", List.of());
    }

    public ServerConfig withPort(int port) { return new ServerConfig(port, region, account, integrations); }

    public ServerConfig withRegion(String region) { return new ServerConfig(port, region, account, integrations); }

    public ServerConfig withAccount(String account) { return new ServerConfig(port, region, account, integrations); }

    public ServerConfig withIntegrations(List<TaskIntegration> integrations) {
        return new ServerConfig(port, region, account, integrations);
    }
}
