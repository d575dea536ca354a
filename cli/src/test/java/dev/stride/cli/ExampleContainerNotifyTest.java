package dev.stride.cli;

import static dev.stride.cli.ExampleHarness.printed;
import static dev.stride.cli.ExampleHarness.stride;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.cloudwatchlogs.CloudWatchLogsClient;
import software.amazon.awssdk.services.cloudwatchlogs.model.FilteredLogEvent;
import software.amazon.awssdk.services.ecs.EcsClient;
import software.amazon.awssdk.services.ecs.model.Task;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;

/**
 * examples/container-notify end to end on a real server: the task is run twice (its first try
 * fails, the Retry runs it again, told which try it is), and the outcome is notified; with
 * {@code --fail} both tries fail and the failure is notified.
 */
class ExampleContainerNotifyTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    @TempDir
    static Path dir;
    private static ServerProcess server;
    private static EcsClient ecs;
    private static SqsClient sqs;
    private static CloudWatchLogsClient logs;

    @BeforeAll
    static void start() throws Exception {
        server = ServerProcess.start(dir.resolve("data"));
        ecs = ExampleHarness.ecs(server.endpoint());
        sqs = ExampleHarness.sqs(server.endpoint());
        logs = ExampleHarness.logs(server.endpoint());
    }

    @AfterAll
    static void stop() throws Exception {
        ecs.close();
        sqs.close();
        logs.close();
        server.close();
    }

    @Test
    void aTaskThatFailsOnceIsRetriedAndItsSuccessNotified() throws Exception {
        ExampleHarness.Result r = run();
        assertThat(r.output()).contains("!! TaskFailed States.TaskFailed", "-> Notify Success (Task)", "    | report written");
        assertThat(r.lastLine()).isEqualTo("SUCCEEDED");

        List<Task> tasks = tasks(r);
        assertThat(tasks).extracting(t -> t.containers().getFirst().exitCode()).containsExactly(1, 0);
        assertThat(tasks).extracting(t -> t.overrides().containerOverrides().getFirst().environment().getFirst().value())
                .as("RETRY_COUNT, from $$.State.RetryCount").containsExactly("0", "1");
        assertThat(tasks.get(1).createdAt()).isAfterOrEqualTo(tasks.get(0).stoppedAt());
        assertThat(logMessages(r)).contains("error: the report database is not ready yet", "report written");
        assertThat(notification(r)).isEqualTo("AWS Fargate Task started by Step Functions succeeded");
    }

    @Test
    void withFailEveryTryFailsAndTheFailureIsNotified() throws Exception {
        ExampleHarness.Result r = run("--fail");
        assertThat(r.output()).contains("-> Notify Failure (Task)").doesNotContain("-> Notify Success");
        assertThat(r.lastLine()).isEqualTo("SUCCEEDED");

        assertThat(tasks(r)).extracting(t -> t.containers().getFirst().exitCode()).containsExactly(1, 1);
        assertThat(logMessages(r)).doesNotContain("report written");
        assertThat(notification(r)).isEqualTo("AWS Fargate Task started by Step Functions failed");
    }

    private static ExampleHarness.Result run(String... flags) {
        String[] args = new String[3 + flags.length];
        args[0] = "example";
        args[1] = "container-notify";
        args[2] = "--endpoint=" + server.endpoint();
        System.arraycopy(flags, 0, args, 3, flags.length);
        ExampleHarness.Result r = stride(args);
        assertThat(r.exitCode()).as(r.output()).isZero();
        assertThat(r.took()).isLessThan(Duration.ofSeconds(15));
        return r;
    }

    /** The stopped tasks of the run's own cluster, oldest first. */
    private static List<Task> tasks(ExampleHarness.Result r) {
        String cluster = printed(r, "Created ECS cluster ");
        List<String> arns = ecs.listTasks(b -> b.cluster(cluster).desiredStatus("STOPPED")).taskArns();
        assertThat(arns).as("stopped tasks on " + cluster).hasSize(2);
        return ecs.describeTasks(b -> b.cluster(cluster).tasks(arns)).tasks().stream().sorted(Comparator.comparing(Task::createdAt)).toList();
    }

    /** Every line the run's containers logged, read as `aws logs filter-log-events` would. */
    private static List<String> logMessages(ExampleHarness.Result r) {
        String cluster = printed(r, "Created ECS cluster ");
        String suffix = cluster.substring(cluster.indexOf("FargateTaskNotification-ECSCluster") + "FargateTaskNotification-ECSCluster".length());
        return logs.filterLogEvents(b -> b.logGroupName("/ecs/container-notify" + suffix).logStreamNamePrefix("ecs/app/"))
                .events().stream().map(FilteredLogEvent::message).toList();
    }

    private static String notification(ExampleHarness.Result r) throws Exception {
        String name = r.lines().stream().filter(l -> l.startsWith("Created SNS topic ")).findFirst().orElseThrow()
                .replaceAll(".*delivering to the SQS queue ", "");
        String url = sqs.getQueueUrl(b -> b.queueName(name)).queueUrl();
        List<Message> got = sqs.receiveMessage(b -> b.queueUrl(url).maxNumberOfMessages(10).waitTimeSeconds(1)).messages();
        assertThat(got).as("messages on " + name).hasSize(1);
        return JSON.readTree(got.getFirst().body()).path("Message").asText();
    }
}
