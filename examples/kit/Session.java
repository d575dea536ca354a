package dev.stride.examples;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Stream;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.EnvironmentVariableCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.core.client.builder.SdkSyncClientBuilder;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.batch.BatchClient;
import software.amazon.awssdk.services.cloudwatchlogs.CloudWatchLogsClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.ecs.EcsClient;
import software.amazon.awssdk.services.sfn.SfnClient;
import software.amazon.awssdk.services.sns.SnsClient;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * What an example works with: the endpoint (an embedded server or a running one), AWS SDK
 * clients for it, the flags given, and the output. Clients are made on first use and closed with
 * the session. Printing is line-at-a-time and thread-safe, so what runs {@link Example#alongside}
 * the execution interleaves cleanly with the trace.
 */
public final class Session implements AutoCloseable {
    private final URI endpoint;
    private final Region region;
    private final PrintWriter out;
    private final Set<String> flags;
    private final Path dataDir;
    private final String suffix;
    private final SdkHttpClient http = UrlConnectionHttpClient.create();
    private SfnClient sfn;
    private SqsClient sqs;
    private SnsClient sns;
    private DynamoDbClient dynamodb;
    private BatchClient batch;
    private EcsClient ecs;
    private CloudWatchLogsClient logs;
    private software.amazon.awssdk.services.s3.S3Client s3;

    /**
     * @param dataDir the server's data folder when this process owns the server (mailboxes and
     *                files can be shown), null for a server given by {@code --endpoint}
     */
    public Session(URI endpoint, String region, PrintWriter out, Set<String> flags, Path dataDir) {
        this.endpoint = endpoint;
        this.region = Region.of(region);
        this.out = out;
        this.flags = Set.copyOf(flags);
        this.dataDir = dataDir;
        // A shared server may hold an earlier run's resources: names get a short random suffix there.
        this.suffix = dataDir == null ? "-" + HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextInt()).substring(0, 6) : "";
    }

    public URI endpoint() { return endpoint; }

    public String region() { return region.id(); }

    /** The server's data folder, or null when the server is someone else's. */
    public Path dataDir() { return dataDir; }

    public boolean flag(String name) { return flags.contains(name); }

    /** The value of a flag given as {@code name=value} (e.g. {@code --fail-step transform}), if given. */
    public Optional<String> value(String name) {
        return flags.stream().filter(f -> f.startsWith(name + "=")).map(f -> f.substring(name.length() + 1)).findFirst();
    }

    /**
     * A folder on this machine for the files an example's jobs and containers read and write (its
     * scripts, their data): {@code <data>/examples/NAME} on the server this process owns, else
     * {@code <tmp>/stride-examples/NAME-suffix} (the server's processes run on this machine too).
     * Made empty for each run.
     */
    public Path folder(String base) {
        Path dir = dataDir != null ? dataDir.resolve("examples").resolve(base)
                : Path.of(System.getProperty("java.io.tmpdir"), "stride-examples", name(base));
        try {
            if (Files.isDirectory(dir)) {
                try (Stream<Path> old = Files.walk(dir)) {
                    for (Path p : old.sorted(Comparator.reverseOrder()).toList()) if (!p.equals(dir)) Files.delete(p);
                }
            }
            return Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A resource name for this run: {@code base} on a fresh server, {@code base-1a2b3c} on a shared one. */
    public String name(String base) { return base + suffix; }

    /** Prints one line (whole, even when several threads print). */
    public void say(String line) {
        synchronized (out) {
            out.println(line);
            out.flush();
        }
    }

    /** An aws CLI command line against this endpoint, for the reader to try. */
    public String aws(String service, String arguments) {
        return "aws " + service + " --endpoint-url " + endpoint + " " + arguments;
    }

    public synchronized SfnClient sfn() {
        if (sfn == null) sfn = configure(SfnClient.builder()).build();
        return sfn;
    }

    public synchronized SqsClient sqs() {
        if (sqs == null) sqs = configure(SqsClient.builder()).build();
        return sqs;
    }

    public synchronized SnsClient sns() {
        if (sns == null) sns = configure(SnsClient.builder()).build();
        return sns;
    }

    public synchronized DynamoDbClient dynamodb() {
        if (dynamodb == null) dynamodb = configure(DynamoDbClient.builder()).build();
        return dynamodb;
    }

    public synchronized BatchClient batch() {
        if (batch == null) batch = configure(BatchClient.builder()).build();
        return batch;
    }

    public synchronized EcsClient ecs() {
        if (ecs == null) ecs = configure(EcsClient.builder()).build();
        return ecs;
    }

    /** Path-style addressing: {@code bucket.localhost} names need not resolve on every machine. */
    public synchronized software.amazon.awssdk.services.s3.S3Client s3() {
        if (s3 == null) s3 = configure(software.amazon.awssdk.services.s3.S3Client.builder()).forcePathStyle(true).build();
        return s3;
    }

    public synchronized CloudWatchLogsClient logs() {
        if (logs == null) logs = configure(CloudWatchLogsClient.builder()).build();
        return logs;
    }

    /** Endpoint, region, credentials and HTTP client for any SDK v2 client builder (for the examples' own programs). */
    public <B extends AwsClientBuilder<B, ?>> B configure(B builder) {
        builder.endpointOverride(endpoint).region(region).credentialsProvider(credentials());
        if (builder instanceof SdkSyncClientBuilder<?, ?> sync) sync.httpClient(http);
        return builder;
    }

    /** The environment's keys when set (a server that checks signatures), else test/test (any key works otherwise). */
    static AwsCredentialsProvider credentials() {
        if (System.getenv("AWS_ACCESS_KEY_ID") != null && System.getenv("AWS_SECRET_ACCESS_KEY") != null) {
            return EnvironmentVariableCredentialsProvider.create();
        }
        return StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test"));
    }

    @Override
    public synchronized void close() {
        for (AutoCloseable c : new AutoCloseable[] {sfn, sqs, sns, dynamodb, batch, ecs, logs, s3}) {
            try {
                if (c != null) c.close();
            } catch (Exception e) {
                // closing clients of a finished run: nothing to do about it
            }
        }
        http.close();
    }
}
