package dev.stride.api;

import dev.stride.engine.spi.TaskIntegration;
import dev.stride.service.AwsService;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * How a {@link StrideServer} listens and which AWS identity it impersonates.
 *
 * @param port                TCP port; 0 picks a free one (tests)
 * @param region              region written into every ARN (and the region requests must be signed for)
 * @param account             account id written into every ARN
 * @param integrations        task integrations handed to the engine, tried in order (activities come first)
 * @param activityPollTimeout how long GetActivityTask waits for a task before answering empty (AWS: 60 s)
 * @param accessKeys          access key id to secret key; empty accepts any credentials, otherwise every
 *                            request must carry a valid SigV4 signature made with one of these keys
 * @param services            the local AWS services served on the same endpoint (SQS, SNS, ...), routed by protocol
 * @param virtualTime         waits and back-offs take no real time (tests, conformance); timeouts of tasks
 *                            waiting on activity workers or callbacks then fire as soon as the engine is idle
 * @param host                the address to listen on: loopback ({@code 127.0.0.1}) unless told otherwise,
 *                            since the server runs job commands and answers without credentials by default
 */
public record ServerConfig(int port, String region, String account, List<TaskIntegration> integrations,
                           Duration activityPollTimeout, Map<String, String> accessKeys, boolean virtualTime,
                           dev.stride.engine.spi.ExecutionStore executionStore, dev.stride.engine.spi.MetadataStore metadataStore,
                           TaskSetup taskSetup, dev.stride.engine.spi.Clock clock, List<AwsService> services, String host) {
    public static final String LOOPBACK = "127.0.0.1";
    public static final int DEFAULT_PORT = 8083;
    public static final Duration DEFAULT_ACTIVITY_POLL = Duration.ofSeconds(60);

    public ServerConfig {
        if (port < 0 || port > 65535) throw new IllegalArgumentException("port must be 0-65535, got " + port);
        Objects.requireNonNull(region, "region");
        Objects.requireNonNull(account, "account");
        integrations = List.copyOf(integrations);
        Objects.requireNonNull(activityPollTimeout, "activityPollTimeout");
        if (activityPollTimeout.isNegative()) throw new IllegalArgumentException("activityPollTimeout must not be negative");
        accessKeys = Map.copyOf(accessKeys);
        services = List.copyOf(services);
        Objects.requireNonNull(host, "host");
    }

    public ServerConfig(int port, String region, String account, List<TaskIntegration> integrations) {
        this(port, region, account, integrations, DEFAULT_ACTIVITY_POLL, Map.of(), false, null, null, null, dev.stride.engine.spi.Clock.SYSTEM, List.of(), LOOPBACK);
    }

    /** Port 8083, us-east-1, account 123456789012, no integrations, any credentials accepted, real time. */
    public static ServerConfig defaults() {
        return new ServerConfig(DEFAULT_PORT, "us-east-1", "123456789012", List.of());
    }

    public ServerConfig withPort(int port) {
        return new ServerConfig(port, region, account, integrations, activityPollTimeout, accessKeys, virtualTime, executionStore, metadataStore, taskSetup, clock, services, host);
    }

    public ServerConfig withRegion(String region) {
        return new ServerConfig(port, region, account, integrations, activityPollTimeout, accessKeys, virtualTime, executionStore, metadataStore, taskSetup, clock, services, host);
    }

    public ServerConfig withAccount(String account) {
        return new ServerConfig(port, region, account, integrations, activityPollTimeout, accessKeys, virtualTime, executionStore, metadataStore, taskSetup, clock, services, host);
    }

    public ServerConfig withIntegrations(List<TaskIntegration> integrations) {
        return new ServerConfig(port, region, account, integrations, activityPollTimeout, accessKeys, virtualTime, executionStore, metadataStore, taskSetup, clock, services, host);
    }

    public ServerConfig withActivityPollTimeout(Duration timeout) {
        return new ServerConfig(port, region, account, integrations, timeout, accessKeys, virtualTime, executionStore, metadataStore, taskSetup, clock, services, host);
    }

    /** Requires SigV4 signatures made with one of these keys (access key id to secret access key). */
    public ServerConfig withAccessKeys(Map<String, String> keys) {
        return new ServerConfig(port, region, account, integrations, activityPollTimeout, keys, virtualTime, executionStore, metadataStore, taskSetup, clock, services, host);
    }

    public ServerConfig withVirtualTime(boolean virtualTime) {
        return new ServerConfig(port, region, account, integrations, activityPollTimeout, accessKeys, virtualTime, executionStore, metadataStore, taskSetup, clock, services, host);
    }

    /**
     * Keep executions and the API's records (state machines, activities, tags) durably in these
     * stores; without them everything is in memory. Express executions always stay in memory.
     */
    public ServerConfig withStores(dev.stride.engine.spi.ExecutionStore executions, dev.stride.engine.spi.MetadataStore metadata) {
        return new ServerConfig(port, region, account, integrations, activityPollTimeout, accessKeys, virtualTime, executions, metadata, taskSetup, clock, services, host);
    }

    /** Integrations that need the server (nested executions, mocks chosen by StartExecution). */
    public ServerConfig withTaskSetup(TaskSetup setup) {
        return new ServerConfig(port, region, account, integrations, activityPollTimeout, accessKeys, virtualTime, executionStore,
                metadataStore, setup, clock, services, host);
    }

    /** The engine's clock (with virtual time: where it starts). Tests replaying recorded "now" inputs set it. */
    public ServerConfig withClock(dev.stride.engine.spi.Clock clock) {
        return new ServerConfig(port, region, account, integrations, activityPollTimeout, accessKeys, virtualTime, executionStore,
                metadataStore, taskSetup, clock, services, host);
    }

    /** Serves these local AWS services on the same endpoint; the caller owns (and closes) them. */
    public ServerConfig withServices(List<AwsService> services) {
        return new ServerConfig(port, region, account, integrations, activityPollTimeout, accessKeys, virtualTime, executionStore,
                metadataStore, taskSetup, clock, services, host);
    }

    /** Listens on this address instead of loopback: {@code 0.0.0.0} for every interface, or one interface's address. */
    public ServerConfig withHost(String host) {
        return new ServerConfig(port, region, account, integrations, activityPollTimeout, accessKeys, virtualTime, executionStore,
                metadataStore, taskSetup, clock, services, host);
    }
}
