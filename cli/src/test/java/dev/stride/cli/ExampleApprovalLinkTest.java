package dev.stride.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.sfn.SfnClient;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;

/**
 * The approval links approval-messages hands out ({@code /_stride/tasks/TOKEN/approve|reject}):
 * opening one changes nothing, only its button does, and only for a callback task that waits.
 */
class ExampleApprovalLinkTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String ROLE = "arn:aws:iam::123456789012:role/test";
    @TempDir
    static Path dir;
    private static ServerProcess server;
    private static SqsClient sqs;
    private static SfnClient sfn;
    private static String queueUrl;
    private static String machineArn;
    private final HttpClient http = HttpClient.newHttpClient();

    @BeforeAll
    static void start() throws Exception {
        server = ServerProcess.start(dir.resolve("data"));
        sqs = ExampleHarness.sqs(server.endpoint());
        sfn = ExampleHarness.sfn(server.endpoint());
        queueUrl = sqs.createQueue(b -> b.queueName("asks")).queueUrl();
        String definition = """
                {"StartAt": "Ask <b>\\"Boss\\"</b>", "States": {"Ask <b>\\"Boss\\"</b>": {"Type": "Task",
                  "Resource": "arn:aws:states:::sqs:sendMessage.waitForTaskToken",
                  "Parameters": {"QueueUrl": "%s", "MessageBody": {"token.$": "$$.Task.Token"}}, "End": true}}}""".formatted(queueUrl);
        machineArn = sfn.createStateMachine(b -> b.name("asks").definition(definition).roleArn(ROLE)).stateMachineArn();
    }

    @AfterAll
    static void stop() throws Exception {
        sqs.close();
        sfn.close();
        server.close();
    }

    @Test
    void openingTheLinkOnlyAsksAndPressingTheButtonAnswers() throws Exception {
        String execution = sfn.startExecution(b -> b.stateMachineArn(machineArn)).executionArn();
        String token = nextToken();
        URI link = link(token, "reject");

        HttpResponse<String> page = get(link);
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("Reject this request?", "<form method=\"post\">", execution)
                .contains("Ask &lt;b&gt;&quot;Boss&quot;&lt;/b&gt;").doesNotContain("<b>\"Boss\"");
        assertThat(page.headers().firstValue("Cache-Control")).hasValue("no-store");
        assertThat(page.headers().firstValue("Referrer-Policy")).hasValue("no-referrer");
        assertThat(page.headers().firstValue("X-Frame-Options")).hasValue("DENY");
        get(link);
        http.send(HttpRequest.newBuilder(link).method("HEAD", HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.discarding());
        assertThat(http.send(HttpRequest.newBuilder(link).PUT(HttpRequest.BodyPublishers.noBody()).build(),
                HttpResponse.BodyHandlers.discarding()).statusCode()).isEqualTo(405);
        Thread.sleep(200);
        assertThat(sfn.describeExecution(b -> b.executionArn(execution)).statusAsString()).as("after GET, HEAD, PUT").isEqualTo("RUNNING");

        HttpResponse<String> pressed = post(link);
        assertThat(pressed.statusCode()).isEqualTo(200);
        assertThat(pressed.body()).contains("Done: rejected");
        assertThat(awaitOutput(execution)).isEqualTo("{\"decision\":\"rejected\",\"via\":\"link\"}");
        assertThat(get(link).statusCode()).as("a used link").isEqualTo(404);
        assertThat(post(link(token, "approve")).statusCode()).as("the other button of a used link").isEqualTo(404);
    }

    @Test
    void aLinkWithNoWaitingCallbackTaskAnswersNothing() throws Exception {
        assertThat(get(link("0b5e6c1a-2f3d-4e5f-8a9b-0c1d2e3f4a5b", "approve")).statusCode()).as("unknown token").isEqualTo(404);
        assertThat(post(link("0b5e6c1a-2f3d-4e5f-8a9b-0c1d2e3f4a5b", "approve")).statusCode()).as("unknown token, POST").isEqualTo(404);
        assertThat(get(server.endpoint().resolve("/_stride/tasks/not-a-token/approve")).statusCode()).isEqualTo(404);
        assertThat(get(server.endpoint().resolve("/_stride/tasks/")).statusCode()).isEqualTo(404);

        // An activity's task has a token too, but only its worker may answer it: not through a link.
        String activity = sfn.createActivity(b -> b.name("worker")).activityArn();
        String machine = sfn.createStateMachine(b -> b.name("uses-activity").roleArn(ROLE).definition(
                "{\"StartAt\":\"Work\",\"States\":{\"Work\":{\"Type\":\"Task\",\"Resource\":\"" + activity + "\",\"End\":true}}}"))
                .stateMachineArn();
        String execution = sfn.startExecution(b -> b.stateMachineArn(machine)).executionArn();
        String token = sfn.getActivityTask(b -> b.activityArn(activity)).taskToken();
        assertThat(token).isNotBlank();
        assertThat(post(link(token, "approve")).statusCode()).isEqualTo(404);
        assertThat(sfn.describeExecution(b -> b.executionArn(execution)).statusAsString()).isEqualTo("RUNNING");
        sfn.stopExecution(b -> b.executionArn(execution));
    }

    private static String nextToken() throws Exception {
        for (int i = 0; i < 20; i++) {
            List<Message> got = sqs.receiveMessage(b -> b.queueUrl(queueUrl).waitTimeSeconds(1)).messages();
            if (!got.isEmpty()) {
                String receipt = got.getFirst().receiptHandle();
                sqs.deleteMessage(b -> b.queueUrl(queueUrl).receiptHandle(receipt));
                return JSON.readTree(got.getFirst().body()).path("token").asText();
            }
        }
        throw new AssertionError("no task token arrived");
    }

    private static String awaitOutput(String execution) throws InterruptedException {
        for (int i = 0; i < 100; i++) {
            var d = sfn.describeExecution(b -> b.executionArn(execution));
            if (!"RUNNING".equals(d.statusAsString())) return d.output();
            Thread.sleep(50);
        }
        throw new AssertionError("the execution did not end");
    }

    private static URI link(String token, String action) {
        return server.endpoint().resolve("/_stride/tasks/" + token + "/" + action);
    }

    private HttpResponse<String> get(URI uri) throws Exception {
        return http.send(HttpRequest.newBuilder(uri).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> post(URI uri) throws Exception {
        return http.send(HttpRequest.newBuilder(uri).POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
    }
}
