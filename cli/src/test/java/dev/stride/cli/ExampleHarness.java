package dev.stride.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import picocli.CommandLine;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.batch.BatchClient;
import software.amazon.awssdk.services.cloudwatchlogs.CloudWatchLogsClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.ecs.EcsClient;
import software.amazon.awssdk.services.sfn.SfnClient;
import software.amazon.awssdk.services.sqs.SqsClient;

/** Runs {@code stride example ...} in this JVM, as the command line would, and gives the tests their own SDK clients. */
final class ExampleHarness {
    private ExampleHarness() {}

    /** What a run printed (stdout and stderr together, as a terminal shows them), its exit code and how long it took. */
    record Result(int exitCode, String output, Duration took) {
        List<String> lines() { return output.lines().toList(); }

        String lastLine() { return lines().isEmpty() ? "" : lines().getLast(); }
    }

    static Result stride(String... args) {
        StringWriter text = new StringWriter();
        PrintWriter out = new PrintWriter(text, true);
        long started = System.nanoTime();
        int code = new CommandLine(new Main()).setOut(out).setErr(out).execute(args);
        out.flush();
        return new Result(code, text.toString(), Duration.ofNanos(System.nanoTime() - started));
    }

    static SqsClient sqs(URI endpoint) {
        return SqsClient.builder().endpointOverride(endpoint).region(Region.US_EAST_1).credentialsProvider(ServerProcess.CREDENTIALS)
                .httpClientBuilder(ApacheHttpClient.builder()).build();
    }

    static SfnClient sfn(URI endpoint) {
        return SfnClient.builder().endpointOverride(endpoint).region(Region.US_EAST_1).credentialsProvider(ServerProcess.CREDENTIALS)
                .httpClientBuilder(ApacheHttpClient.builder()).build();
    }

    static DynamoDbClient dynamodb(URI endpoint) {
        return DynamoDbClient.builder().endpointOverride(endpoint).region(Region.US_EAST_1).credentialsProvider(ServerProcess.CREDENTIALS)
                .httpClientBuilder(ApacheHttpClient.builder()).build();
    }

    static BatchClient batch(URI endpoint) {
        return BatchClient.builder().endpointOverride(endpoint).region(Region.US_EAST_1).credentialsProvider(ServerProcess.CREDENTIALS)
                .httpClientBuilder(ApacheHttpClient.builder()).build();
    }

    static EcsClient ecs(URI endpoint) {
        return EcsClient.builder().endpointOverride(endpoint).region(Region.US_EAST_1).credentialsProvider(ServerProcess.CREDENTIALS)
                .httpClientBuilder(ApacheHttpClient.builder()).build();
    }

    static CloudWatchLogsClient logs(URI endpoint) {
        return CloudWatchLogsClient.builder().endpointOverride(endpoint).region(Region.US_EAST_1).credentialsProvider(ServerProcess.CREDENTIALS)
                .httpClientBuilder(ApacheHttpClient.builder()).build();
    }

    /** The text after {@code prefix} on the first line that starts with it, up to the first space or comma: a name or ARN the run printed. */
    static String printed(Result r, String prefix) {
        String line = r.lines().stream().filter(l -> l.startsWith(prefix)).findFirst()
                .orElseThrow(() -> new AssertionError("no line starting with \"" + prefix + "\" in\n" + r.output()));
        return line.substring(prefix.length()).split("[ ,]")[0];
    }
}
