package dev.stride.worker;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stride.api.ServerConfig;
import dev.stride.api.StrideServer;
import dev.stride.worker.example.GreeterWorker;
import java.net.URI;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sfn.SfnClient;
import software.amazon.awssdk.services.sfn.model.DescribeExecutionResponse;
import software.amazon.awssdk.services.sfn.model.ExecutionStatus;

/** The worker library against a real Stride server, through the AWS SDK. */
class ActivityWorkerTest {
    @Test
    void aWorkerAnswersActivityTasksAndReportsFailures() throws Exception {
        try (StrideServer server = StrideServer.start(ServerConfig.defaults().withPort(0).withActivityPollTimeout(Duration.ofSeconds(1)));
             SfnClient sfn = SfnClient.builder().endpointOverride(URI.create("http://localhost:" + server.port())).region(Region.US_EAST_1)
                     .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("t", "t")))
                     .httpClientBuilder(ApacheHttpClient.builder()).build()) {
            String activity = sfn.createActivity(b -> b.name("greeter")).activityArn();
            String sm = sfn.createStateMachine(b -> b.name("greet").roleArn("arn:aws:iam::123456789012:role/r").definition("""
                    {"StartAt": "Greet", "States": {"Greet": {"Type": "Task", "Resource": "%s", "HeartbeatSeconds": 5,
                      "Retry": [{"ErrorEquals": ["Greeter.Busy"], "IntervalSeconds": 1, "MaxAttempts": 1}], "End": true}}}"""
                    .formatted(activity))).stateMachineArn();
            try (ActivityWorker worker = ActivityWorker.start(sfn, activity, "w1", GreeterWorker::greet, 2, Duration.ofMillis(200))) {
                DescribeExecutionResponse ok = run(sfn, sm, "{\"name\":\"Ada\"}");
                assertThat(ok.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
                assertThat(ok.output()).isEqualTo("{\"greeting\":\"Hello, Ada!\"}");

                DescribeExecutionResponse failed = run(sfn, sm, "{}");
                assertThat(failed.status()).isEqualTo(ExecutionStatus.FAILED);
                assertThat(failed.error()).isEqualTo("Greeter.NoName");
            }
        }
    }

    private static DescribeExecutionResponse run(SfnClient sfn, String sm, String input) throws InterruptedException {
        String exec = sfn.startExecution(b -> b.stateMachineArn(sm).input(input)).executionArn();
        for (int i = 0; i < 200; i++) {
            DescribeExecutionResponse d = sfn.describeExecution(b -> b.executionArn(exec));
            if (d.status() != ExecutionStatus.RUNNING) return d;
            Thread.sleep(50);
        }
        throw new AssertionError("still running: " + exec);
    }
}
