package dev.stride.api;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.core.client.config.SdkAdvancedClientOption;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sfn.SfnClient;
import software.amazon.awssdk.services.sfn.model.DescribeExecutionResponse;
import software.amazon.awssdk.services.sfn.model.ExecutionStatus;

/**
 * One Stride server on an ephemeral port per test class, driven by the real AWS SDK for Java v2.
 * Tests use unique names so they do not depend on each other.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class ApiFixture {
    static final String ROLE = "arn:aws:iam::123456789012:role/StrideTest";
    static final String ACCOUNT_PREFIX = "arn:aws:states:us-east-1:123456789012:";

    final HeldTasks held = new HeldTasks();
    StrideServer server;
    SfnClient sfn;

    @BeforeAll
    void startServer() {
        server = StrideServer.start(config());
        sfn = client(server.port(), "stride", "stride");
    }

    /** The server this class runs against; classes override it to test other settings. */
    ServerConfig config() {
        return ServerConfig.defaults().withPort(0).withIntegrations(List.of(held, new EchoFunction()))
                .withActivityPollTimeout(Duration.ofSeconds(2));
    }

    static SfnClient client(int port, String accessKey, String secret) {
        return SfnClient.builder()
                .endpointOverride(URI.create("http://localhost:" + port))
                .region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(accessKey, secret)))
                .httpClientBuilder(ApacheHttpClient.builder())
                .overrideConfiguration(c -> c.retryStrategy(AwsRetryStrategy.doNotRetry())
                        // StartSyncExecution would otherwise go to "sync-localhost", which does not resolve.
                        .putAdvancedOption(SdkAdvancedClientOption.DISABLE_HOST_PREFIX_INJECTION, true))
                .build();
    }

    @AfterAll
    void stopServer() {
        sfn.close();
        server.close();
    }

    String createMachine(String name, String definition) {
        return sfn.createStateMachine(b -> b.name(name).definition(definition).roleArn(ROLE)).stateMachineArn();
    }

    String createExpress(String name, String definition) {
        return sfn.createStateMachine(b -> b.name(name).definition(definition).roleArn(ROLE).type("EXPRESS")).stateMachineArn();
    }

    /** Polls DescribeExecution until the execution leaves RUNNING (executions here finish in milliseconds). */
    DescribeExecutionResponse awaitDone(String executionArn) {
        return poll(() -> sfn.describeExecution(b -> b.executionArn(executionArn)),
                d -> d.status() != ExecutionStatus.RUNNING);
    }

    static <T> T poll(Supplier<T> read, java.util.function.Predicate<T> done) {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        T value = read.get();
        while (!done.test(value)) {
            if (System.nanoTime() > deadline) throw new AssertionError("still not done after 10s: " + value);
            try {
                Thread.sleep(5);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
            value = read.get();
        }
        return value;
    }

    /** A Pass-only machine: {"greeting": "hello " + name}. */
    static final String HELLO = """
            {"StartAt": "Greet", "States": {"Greet": {"Type": "Pass",
              "Parameters": {"greeting.$": "States.Format('hello {}', $.name)"}, "End": true}}}""";

    /** Waits for a callback: SendTaskSuccess/Failure decide the outcome. */
    static final String CALLBACK = """
            {"StartAt": "Ask", "States": {"Ask": {"Type": "Task",
              "Resource": "arn:aws:states:::sqs:sendMessage.waitForTaskToken",
              "Parameters": {"token.$": "$$.Task.Token"}, "HeartbeatSeconds": 60, "End": true}}}""";

    /** Fails with a custom error. */
    static final String FAILING = """
            {"StartAt": "Boom", "States": {"Boom": {"Type": "Fail", "Error": "Custom.Error", "Cause": "it broke"}}}""";
}
