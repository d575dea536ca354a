package dev.stride.cli;

import dev.stride.engine.spi.RecordStore;
import dev.stride.integrations.PassThrough;
import dev.stride.service.AwsService;
import dev.stride.service.batch.BatchService;
import dev.stride.service.compute.ComputeSettings;
import dev.stride.service.ecs.EcsService;
import dev.stride.service.logs.LogsService;
import dev.stride.service.dynamodb.DynamoDbService;
import dev.stride.service.passthrough.Remote;
import dev.stride.service.passthrough.RemoteService;
import dev.stride.service.s3.S3Service;
import dev.stride.service.sns.LambdaInvoker;
import dev.stride.service.sns.SnsService;
import dev.stride.service.sqs.SqsService;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The AWS services {@code stride server} serves beside Step Functions, over one store: SQS, SNS
 * delivering into it (email to a mailbox folder in the data folder, lambda subscriptions to the
 * functions stride.yaml declares), DynamoDB, S3 (objects in the data folder's {@code s3/}), CloudWatch Logs, and Batch and ECS running jobs and
 * containers as local processes in the data folder's {@code compute/} (their output in Logs).
 *
 * <p>Each service is registered under the name Task-state resources use ({@code sqs:sendMessage}),
 * which is also its key under stride.yaml's {@code services:}. Where that names a
 * {@code passThrough}, the registered service is the local one wrapped by {@link RemoteService}:
 * the endpoint and Task states both reach the remote, and a service built later is handed the
 * earlier ones as registered (SNS delivers through SQS's facade, remote or local). A new service
 * gets pass-through by being registered here, nothing else.
 */
final class LocalServices implements AutoCloseable {
    private final Map<String, PassThrough> passThrough;
    private final Path configFile;
    private final Map<String, AwsService> byName = new LinkedHashMap<>();
    /** Most recently built first: a service closes before the ones it delivers into. */
    private final Deque<AutoCloseable> closing = new ArrayDeque<>();

    /**
     * @param passThrough the services to send to a remote endpoint, by name (stride.yaml's {@code services:})
     * @param configFile  where passThrough came from, for error messages (null: none)
     * @throws IllegalArgumentException when passThrough names a service Stride does not serve, or cannot reach
     */
    LocalServices(RecordStore store, Path mailbox, String region, String account, String endpoint, LambdaInvoker lambda,
                  Map<String, PassThrough> passThrough, Path configFile) {
        this(store, mailbox, region, account, endpoint, lambda, passThrough, configFile, Map.of());
    }

    /**
     * @param accessKeys the server's SigV4 keys (id to secret); jobs and containers get the first, so
     *                   their own AWS calls pass the check (none: they get test/test)
     */
    LocalServices(RecordStore store, Path mailbox, String region, String account, String endpoint, LambdaInvoker lambda,
                  Map<String, PassThrough> passThrough, Path configFile, Map<String, String> accessKeys) {
        this.passThrough = Map.copyOf(passThrough);
        this.configFile = configFile;
        try {
            register("sqs", new SqsService(store, System::currentTimeMillis));
            register("sns", new SnsService(SnsService.Options.builder().store(store).clockMillis(System::currentTimeMillis)
                    .sqs(byName.get("sqs")).lambda(lambda).mailboxDir(mailbox)
                    .defaultRegion(region).defaultAccount(account).defaultEndpoint(endpoint).build()));
            register("dynamodb", new DynamoDbService(store, System::currentTimeMillis));
            // objects in the data folder's s3/ beside the mailbox (a temp folder when the store keeps nothing)
            register("s3", new S3Service(mailbox.resolveSibling("s3"), store, System::currentTimeMillis));
            register("logs", new LogsService(store, System::currentTimeMillis));
            // jobs run in folders beside the mailbox, in the data folder; their AWS calls come back to this endpoint
            // STRIDE_CONTAINER_RUNTIME=docker (or podman) runs definitions' images in containers when that engine answers
            ComputeSettings compute = ComputeSettings.of(mailbox.resolveSibling("compute"), endpoint, region)
                    .withContainerRuntime(System.getenv("STRIDE_CONTAINER_RUNTIME"));
            if (!accessKeys.isEmpty()) {
                Map.Entry<String, String> key = new TreeMap<>(accessKeys).firstEntry();
                compute = compute.withCredentials(key.getKey(), key.getValue());
            }
            register("batch", new BatchService(store, System::currentTimeMillis, compute, byName.get("logs")));
            register("ecs", new EcsService(store, System::currentTimeMillis, compute, byName.get("logs")));
            for (String name : this.passThrough.keySet()) {
                if (!byName.containsKey(name)) {
                    throw problem("services." + name, "Stride serves no service by that name (it serves " + String.join(", ", byName.keySet()) + ")");
                }
            }
        } catch (RuntimeException e) {
            close();
            throw e;
        }
    }

    private void register(String name, AwsService local) {
        if (local instanceof AutoCloseable c) closing.push(c);
        PassThrough p = passThrough.get(name);
        if (p == null) {
            byName.put(name, local);
            return;
        }
        RemoteService remote;
        try {
            remote = RemoteService.of(local, new Remote(p.endpoint(), p.region(), p.accessKeyId(), p.secretAccessKey(), p.sessionToken()));
        } catch (IllegalArgumentException e) {
            throw problem("services." + name + ".passThrough", e.getMessage());
        }
        closing.push(remote);
        byName.put(name, remote);
    }

    private IllegalArgumentException problem(String field, String message) {
        return new IllegalArgumentException((configFile == null ? "" : configFile + ": ") + field + ": " + message);
    }

    /** By the name Task-state resources use ({@code arn:aws:states:::sqs:...}). */
    Map<String, AwsService> byName() { return new LinkedHashMap<>(byName); }

    List<AwsService> all() { return List.copyOf(byName.values()); }

    /** The passed-through services and where they go ({@code sqs -> https://... (eu-west-1)}), for the start-up line. */
    List<String> remotes() {
        List<String> out = new ArrayList<>();
        for (String name : byName.keySet()) { // in registration order, not the map's
            PassThrough p = passThrough.get(name);
            if (p != null) out.add(name + " -> " + (p.endpoint() == null ? "AWS" : p.endpoint()) + " (" + p.region() + ")");
        }
        return out;
    }

    @Override
    public void close() {
        while (!closing.isEmpty()) {
            try {
                closing.pop().close();
            } catch (Exception e) {
                // best effort: the rest must still close
            }
        }
    }
}
