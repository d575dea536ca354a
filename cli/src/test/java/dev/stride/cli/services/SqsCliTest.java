package dev.stride.cli.services;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.stride.cli.ServerProcess;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real {@code aws sqs} command line against a real {@code stride server}: what a user types
 * and what they read back in its JSON output. Holds for aws-cli v1 and v2 (see {@link AwsCli}).
 */
class SqsCliTest {
    private static final String ACCOUNT = "123456789012";
    @TempDir
    static Path data;
    @TempDir
    static Path cliDir;
    static ServerProcess server;
    static AwsCli aws;

    @BeforeAll
    static void start() throws Exception {
        AwsCli.Installation installed = AwsCli.installed();
        server = ServerProcess.start(data);
        aws = AwsCli.against(installed, server.endpoint(), cliDir);
    }

    @AfterAll
    static void stop() throws Exception {
        if (server != null) server.close();
    }

    private static String url(String name) { return server.endpoint() + "/" + ACCOUNT + "/" + name; }

    @Test
    void aQueueIsCreatedFoundByNameAndPrefixTaggedAndDeleted() {
        String url = aws.json("sqs", "create-queue", "--queue-name", "cli-orders").path("QueueUrl").asText();
        assertThat(url).isEqualTo(url("cli-orders"));
        aws.json("sqs", "create-queue", "--queue-name", "cli-other");
        assertThat(aws.json("sqs", "get-queue-url", "--queue-name", "cli-orders").path("QueueUrl").asText()).isEqualTo(url);
        assertThat(texts(aws.json("sqs", "list-queues", "--queue-name-prefix", "cli-or").path("QueueUrls"))).containsExactly(url);

        aws.json("sqs", "tag-queue", "--queue-url", url, "--tags", "team=payments,tier=gold");
        JsonNode tags = aws.json("sqs", "list-queue-tags", "--queue-url", url).path("Tags");
        assertThat(tags.path("team").asText()).isEqualTo("payments");
        assertThat(tags.path("tier").asText()).isEqualTo("gold");

        aws.json("sqs", "delete-queue", "--queue-url", url);
        assertNonExistentQueue(aws.fails("sqs", "get-queue-url", "--queue-name", "cli-orders"));
    }

    @Test
    void messagesSentAloneAndInABatchAreReceivedMadeVisibleAgainDeletedAndPurged() {
        String url = aws.json("sqs", "create-queue", "--queue-name", "cli-work").path("QueueUrl").asText();
        String body = "hello from the cli";
        JsonNode sent = aws.json("sqs", "send-message", "--queue-url", url, "--message-body", body, "--message-attributes",
                "{\"kind\":{\"DataType\":\"String\",\"StringValue\":\"greeting\"},"
                        + "\"blob\":{\"DataType\":\"Binary\",\"BinaryValue\":\"xyz\"}}");
        assertThat(sent.path("MD5OfMessageBody").asText()).isEqualTo(md5(body));
        assertThat(sent.path("MD5OfMessageAttributes").asText()).hasSize(32);
        assertThat(sent.path("MessageId").asText()).isNotBlank();

        JsonNode batch = aws.json("sqs", "send-message-batch", "--queue-url", url, "--entries",
                "[{\"Id\":\"one\",\"MessageBody\":\"first\"},{\"Id\":\"two\",\"MessageBody\":\"second\"}]");
        Map<String, String> md5ById = new HashMap<>();
        batch.path("Successful").forEach(e -> md5ById.put(e.path("Id").asText(), e.path("MD5OfMessageBody").asText()));
        assertThat(md5ById).isEqualTo(Map.of("one", md5("first"), "two", md5("second")));
        assertThat(batch.path("Failed")).isEmpty(); // v1 prints [], v2 leaves it out

        JsonNode received = aws.json("sqs", "receive-message", "--queue-url", url, "--max-number-of-messages", "10",
                "--wait-time-seconds", "1", "--attribute-names", "All", "--message-attribute-names", "All").path("Messages");
        Map<String, JsonNode> byBody = new HashMap<>();
        received.forEach(m -> byBody.put(m.path("Body").asText(), m));
        assertThat(byBody).containsOnlyKeys(body, "first", "second");
        JsonNode hello = byBody.get(body);
        assertThat(hello.path("MessageId").asText()).isEqualTo(sent.path("MessageId").asText());
        assertThat(hello.path("MD5OfBody").asText()).isEqualTo(md5(body));
        assertThat(hello.path("MessageAttributes").path("kind").path("StringValue").asText()).isEqualTo("greeting");
        assertThat(hello.path("MessageAttributes").path("blob").path("BinaryValue").asText()).isEqualTo("eHl6"); // base64 of xyz
        assertThat(hello.path("Attributes").path("ApproximateReceiveCount").asText()).isEqualTo("1");
        assertThat(hello.path("Attributes").path("SentTimestamp").asText()).containsOnlyDigits();

        aws.json("sqs", "delete-message", "--queue-url", url, "--receipt-handle", hello.path("ReceiptHandle").asText());
        aws.json("sqs", "change-message-visibility", "--queue-url", url, "--receipt-handle",
                byBody.get("first").path("ReceiptHandle").asText(), "--visibility-timeout", "0");
        JsonNode counts = aws.json("sqs", "get-queue-attributes", "--queue-url", url, "--attribute-names",
                "ApproximateNumberOfMessages", "ApproximateNumberOfMessagesNotVisible").path("Attributes");
        assertThat(counts.path("ApproximateNumberOfMessages").asText()).isEqualTo("1");
        assertThat(counts.path("ApproximateNumberOfMessagesNotVisible").asText()).isEqualTo("1");

        JsonNode again = aws.json("sqs", "receive-message", "--queue-url", url, "--attribute-names", "All").path("Messages");
        assertThat(again).hasSize(1);
        assertThat(again.get(0).path("Body").asText()).isEqualTo("first");
        assertThat(again.get(0).path("Attributes").path("ApproximateReceiveCount").asText()).isEqualTo("2");

        aws.json("sqs", "purge-queue", "--queue-url", url);
        JsonNode after = aws.json("sqs", "get-queue-attributes", "--queue-url", url, "--attribute-names", "All").path("Attributes");
        assertThat(after.path("ApproximateNumberOfMessages").asText()).isEqualTo("0");
        assertThat(after.path("ApproximateNumberOfMessagesNotVisible").asText()).isEqualTo("0");
    }

    @Test
    void aFifoQueueCreatedWithAttributesDropsADuplicateAndKeepsTheGroupsOrder() {
        String url = aws.json("sqs", "create-queue", "--queue-name", "cli-steps.fifo", "--attributes",
                "FifoQueue=true,ContentBasedDeduplication=true").path("QueueUrl").asText();
        assertThat(url).isEqualTo(url("cli-steps.fifo"));
        JsonNode attrs = aws.json("sqs", "get-queue-attributes", "--queue-url", url, "--attribute-names", "All").path("Attributes");
        assertThat(attrs.path("FifoQueue").asText()).isEqualTo("true");
        assertThat(attrs.path("ContentBasedDeduplication").asText()).isEqualTo("true");
        assertThat(attrs.path("QueueArn").asText()).isEqualTo("arn:aws:sqs:us-east-1:" + ACCOUNT + ":cli-steps.fifo");

        // The same body again within five minutes, even in the same batch, is a duplicate: accepted
        // with the first one's id, never delivered twice.
        JsonNode batch = aws.json("sqs", "send-message-batch", "--queue-url", url, "--entries",
                "[{\"Id\":\"a\",\"MessageBody\":\"step 1\",\"MessageGroupId\":\"g\"},"
                        + "{\"Id\":\"b\",\"MessageBody\":\"step 2\",\"MessageGroupId\":\"g\"},"
                        + "{\"Id\":\"c\",\"MessageBody\":\"step 3\",\"MessageGroupId\":\"g\"},"
                        + "{\"Id\":\"again\",\"MessageBody\":\"step 1\",\"MessageGroupId\":\"g\"}]");
        Map<String, JsonNode> byId = new HashMap<>();
        batch.path("Successful").forEach(e -> byId.put(e.path("Id").asText(), e));
        assertThat(byId).containsOnlyKeys("a", "b", "c", "again");
        assertThat(byId.get("a").path("SequenceNumber").asText()).isNotBlank();
        assertThat(byId.get("again").path("MessageId").asText()).isEqualTo(byId.get("a").path("MessageId").asText());

        JsonNode got = aws.json("sqs", "receive-message", "--queue-url", url, "--max-number-of-messages", "10",
                "--attribute-names", "All").path("Messages");
        assertThat(texts(got, "Body")).containsExactly("step 1", "step 2", "step 3");
        assertThat(got.get(0).path("Attributes").path("MessageGroupId").asText()).isEqualTo("g");
    }

    @Test
    void aRedrivePolicySetByTheCliMovesAPoisonMessageToTheDeadLetterQueue() {
        String dlq = aws.json("sqs", "create-queue", "--queue-name", "cli-dead").path("QueueUrl").asText();
        String dlqArn = aws.json("sqs", "get-queue-attributes", "--queue-url", dlq, "--attribute-names", "QueueArn")
                .path("Attributes").path("QueueArn").asText();
        String url = aws.json("sqs", "create-queue", "--queue-name", "cli-poison").path("QueueUrl").asText();
        aws.json("sqs", "set-queue-attributes", "--queue-url", url, "--attributes",
                "{\"RedrivePolicy\":\"{\\\"deadLetterTargetArn\\\":\\\"" + dlqArn + "\\\",\\\"maxReceiveCount\\\":\\\"1\\\"}\"}");
        JsonNode policy = AwsCli.readJson(aws.json("sqs", "get-queue-attributes", "--queue-url", url, "--attribute-names",
                "RedrivePolicy").path("Attributes").path("RedrivePolicy").asText());
        assertThat(policy.path("deadLetterTargetArn").asText()).isEqualTo(dlqArn);
        assertThat(policy.path("maxReceiveCount").asText()).isEqualTo("1");

        aws.json("sqs", "send-message", "--queue-url", url, "--message-body", "poison");
        assertThat(aws.json("sqs", "receive-message", "--queue-url", url, "--visibility-timeout", "0").path("Messages")).hasSize(1);
        assertThat(aws.json("sqs", "receive-message", "--queue-url", url).path("Messages")).isEmpty();
        assertThat(texts(aws.json("sqs", "receive-message", "--queue-url", dlq, "--wait-time-seconds", "1").path("Messages"),
                "Body")).containsExactly("poison");
    }

    @Test
    void theSameEndpointAnswersStepFunctions() {
        assertThat(aws.json("stepfunctions", "list-state-machines").path("stateMachines").isArray()).isTrue();
    }

    /**
     * v1 (JSON protocol: the code comes from the x-amzn-query-error header) and v2.9 (query
     * protocol) print AWS.SimpleQueueService.NonExistentQueue; a CLI reading only the JSON
     * error type would print QueueDoesNotExist.
     */
    private static void assertNonExistentQueue(AwsCli.Result r) {
        assertThat(r.stderr()).containsAnyOf("AWS.SimpleQueueService.NonExistentQueue", "QueueDoesNotExist");
    }

    static List<String> texts(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.asText()));
        return out;
    }

    static List<String> texts(JsonNode array, String field) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.path(field).asText()));
        return out;
    }

    static String md5(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new AssertionError(e);
        }
    }
}
