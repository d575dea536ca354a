package dev.stride.cli;

import static dev.stride.cli.ExampleHarness.stride;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.sfn.SfnClient;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;

/**
 * examples/approval-messages end to end on a real server, each path: approved through the link,
 * rejected from the command line, and nobody answering. Each run uses its own resources (the
 * example suffixes names on a shared server); the test finds them by the run's own output.
 */
class ExampleApprovalMessagesTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    @TempDir
    static Path dir;
    private static ServerProcess server;
    private static SqsClient sqs;
    private static SfnClient sfn;

    @BeforeAll
    static void start() throws Exception {
        server = ServerProcess.start(dir.resolve("data"));
        sqs = ExampleHarness.sqs(server.endpoint());
        sfn = ExampleHarness.sfn(server.endpoint());
    }

    @AfterAll
    static void stop() throws Exception {
        sqs.close();
        sfn.close();
        server.close();
    }

    @Test
    void approvingThroughTheLinkCarriesOutTheRequestAndTellsTheRequester() throws Exception {
        ExampleHarness.Result r = run();
        assertThat(r.output()).contains("reviewer: to approve:  aws stepfunctions --endpoint-url " + server.endpoint() + " send-task-success --task-token ",
                "reviewer: opened the approve link: HTTP 200, \"Approve this request?\"", "reviewer: pressed Approve: HTTP 200, \"Done: approved\"",
                "-> Carry Out Request (Pass)");
        assertThat(r.lastLine()).isEqualTo("SUCCEEDED");
        JsonNode outcome = outcomeMessage(r);
        assertThat(outcome.path("outcome").asText()).isEqualTo("approved");
        assertThat(outcome.path("answer").path("via").asText()).isEqualTo("link");
        assertThat(executionStatus(r)).isEqualTo("SUCCEEDED");
    }

    @Test
    void rejectingFromTheCommandLineEndsTheExecutionRejected() throws Exception {
        ExampleHarness.Result r = run("--reject");
        assertThat(r.output()).contains("reviewer: rejected from the command line (SendTaskSuccess)", "-> Notify Rejected (Task)");
        assertThat(r.lastLine()).isEqualTo("FAILED: Rejected: The reviewer rejected the request");
        assertThat(outcomeMessage(r).path("outcome").asText()).isEqualTo("rejected");
        assertThat(executionStatus(r)).isEqualTo("FAILED");
    }

    @Test
    void nobodyAnsweringRunsOutTheHeartbeatAndSaysSo() throws Exception {
        ExampleHarness.Result r = run("--no-answer");
        assertThat(r.output()).contains("!! TaskTimedOut States.Timeout", "-> Notify No Answer (Task)");
        assertThat(r.lastLine()).isEqualTo("FAILED: States.Timeout: Nobody answered the approval request within its heartbeat");
        assertThat(outcomeMessage(r).path("outcome").asText()).isEqualTo("no answer");
        assertThat(executionStatus(r)).isEqualTo("FAILED");
    }

    private static ExampleHarness.Result run(String... flags) {
        String[] args = new String[3 + flags.length];
        args[0] = "example";
        args[1] = "approval-messages";
        args[2] = "--endpoint=" + server.endpoint();
        System.arraycopy(flags, 0, args, 3, flags.length);
        ExampleHarness.Result r = stride(args);
        assertThat(r.exitCode()).as(r.output()).isZero();
        assertThat(r.took()).isLessThan(Duration.ofSeconds(15));
        return r;
    }

    /** The message the workflow left on the requester's queue, read by the test itself. */
    private static JsonNode outcomeMessage(ExampleHarness.Result r) throws Exception {
        String url = r.lines().stream().filter(l -> l.startsWith("Created SQS queue ")).findFirst().orElseThrow();
        String name = url.substring("Created SQS queue ".length()).split(" ")[0];
        String queueUrl = sqs.getQueueUrl(b -> b.queueName(name)).queueUrl();
        List<Message> got = sqs.receiveMessage(b -> b.queueUrl(queueUrl).waitTimeSeconds(1)).messages();
        assertThat(got).as("messages on " + name).hasSize(1);
        return JSON.readTree(got.getFirst().body());
    }

    private static String executionStatus(ExampleHarness.Result r) {
        String line = r.lines().stream().filter(l -> l.startsWith("Execution ")).findFirst().orElseThrow();
        String arn = line.split(" ")[1];
        return sfn.describeExecution(b -> b.executionArn(arn)).statusAsString();
    }
}
