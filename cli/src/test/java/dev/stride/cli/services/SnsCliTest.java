package dev.stride.cli.services;

import static dev.stride.cli.services.SqsCliTest.texts;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.stride.cli.ServerProcess;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real {@code aws sns} command line against a real {@code stride server}, delivering into its
 * SQS queues (read back with {@code aws sqs}). Holds for aws-cli v1 and v2 (see {@link AwsCli}).
 */
class SnsCliTest {
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

    private static String topicArn(String name) { return "arn:aws:sns:us-east-1:" + ACCOUNT + ":" + name; }

    private static String queueArn(String name) { return "arn:aws:sqs:us-east-1:" + ACCOUNT + ":" + name; }

    /** Creates the queue; its URL. */
    private static String queue(String name) {
        return aws.json("sqs", "create-queue", "--queue-name", name).path("QueueUrl").asText();
    }

    @Test
    void aPublishReachesASubscribedQueueInTheSnsEnvelope() {
        String topic = aws.json("sns", "create-topic", "--name", "cli-jobs").path("TopicArn").asText();
        assertThat(topic).isEqualTo(topicArn("cli-jobs"));
        String url = queue("cli-job-events");
        String sub = aws.json("sns", "subscribe", "--topic-arn", topic, "--protocol", "sqs", "--notification-endpoint",
                queueArn("cli-job-events")).path("SubscriptionArn").asText();
        assertThat(sub).startsWith(topic + ":");

        String id = aws.json("sns", "publish", "--topic-arn", topic, "--subject", "done", "--message", "job 7 finished",
                "--message-attributes", "{\"status\":{\"DataType\":\"String\",\"StringValue\":\"SUCCEEDED\"}}")
                .path("MessageId").asText();
        JsonNode got = aws.json("sqs", "receive-message", "--queue-url", url, "--wait-time-seconds", "1").path("Messages");
        assertThat(got).hasSize(1);
        JsonNode envelope = AwsCli.readJson(got.get(0).path("Body").asText());
        assertThat(envelope.path("Type").asText()).isEqualTo("Notification");
        assertThat(envelope.path("MessageId").asText()).isEqualTo(id);
        assertThat(envelope.path("TopicArn").asText()).isEqualTo(topic);
        assertThat(envelope.path("Subject").asText()).isEqualTo("done");
        assertThat(envelope.path("Message").asText()).isEqualTo("job 7 finished");
        assertThat(envelope.path("MessageAttributes").path("status").path("Value").asText()).isEqualTo("SUCCEEDED");
    }

    @Test
    void aFilterPolicySetOnASubscriptionKeepsOutAMessageItDoesNotMatch() {
        String topic = aws.json("sns", "create-topic", "--name", "cli-orders").path("TopicArn").asText();
        String url = queue("cli-red-orders");
        String sub = aws.json("sns", "subscribe", "--topic-arn", topic, "--protocol", "sqs", "--notification-endpoint",
                queueArn("cli-red-orders"), "--attributes", "RawMessageDelivery=true").path("SubscriptionArn").asText();
        aws.json("sns", "set-subscription-attributes", "--subscription-arn", sub, "--attribute-name", "FilterPolicy",
                "--attribute-value", "{\"color\":[\"red\"]}");
        JsonNode attrs = aws.json("sns", "get-subscription-attributes", "--subscription-arn", sub).path("Attributes");
        assertThat(AwsCli.readJson(attrs.path("FilterPolicy").asText())).isEqualTo(AwsCli.readJson("{\"color\":[\"red\"]}"));
        assertThat(attrs.path("RawMessageDelivery").asText()).isEqualTo("true");

        for (String color : new String[] {"blue", "red"}) {
            aws.json("sns", "publish", "--topic-arn", topic, "--message", color + " order", "--message-attributes",
                    "{\"color\":{\"DataType\":\"String\",\"StringValue\":\"" + color + "\"}}");
        }
        // Delivery to a local queue is done when Publish returns, so a plain receive sees all there is.
        JsonNode got = aws.json("sqs", "receive-message", "--queue-url", url, "--max-number-of-messages", "10",
                "--message-attribute-names", "All").path("Messages");
        assertThat(texts(got, "Body")).containsExactly("red order");
        assertThat(got.get(0).path("MessageAttributes").path("color").path("StringValue").asText()).isEqualTo("red");
    }

    @Test
    void aTopicIsListedDescribedUnsubscribedAndDeleted() {
        String topic = aws.json("sns", "create-topic", "--name", "cli-listed").path("TopicArn").asText();
        queue("cli-listed-q");
        String sub = aws.json("sns", "subscribe", "--topic-arn", topic, "--protocol", "sqs", "--notification-endpoint",
                queueArn("cli-listed-q")).path("SubscriptionArn").asText();
        assertThat(texts(aws.json("sns", "list-topics").path("Topics"), "TopicArn")).contains(topic);
        JsonNode subs = aws.json("sns", "list-subscriptions-by-topic", "--topic-arn", topic).path("Subscriptions");
        assertThat(subs).hasSize(1);
        assertThat(subs.get(0).path("SubscriptionArn").asText()).isEqualTo(sub);
        assertThat(subs.get(0).path("Protocol").asText()).isEqualTo("sqs");
        assertThat(subs.get(0).path("Endpoint").asText()).isEqualTo(queueArn("cli-listed-q"));

        aws.json("sns", "set-topic-attributes", "--topic-arn", topic, "--attribute-name", "DisplayName",
                "--attribute-value", "Listed jobs");
        JsonNode attrs = aws.json("sns", "get-topic-attributes", "--topic-arn", topic).path("Attributes");
        assertThat(attrs.path("TopicArn").asText()).isEqualTo(topic);
        assertThat(attrs.path("DisplayName").asText()).isEqualTo("Listed jobs");
        assertThat(attrs.path("SubscriptionsConfirmed").asText()).isEqualTo("1");

        aws.json("sns", "unsubscribe", "--subscription-arn", sub);
        assertThat(aws.json("sns", "list-subscriptions-by-topic", "--topic-arn", topic).path("Subscriptions")).isEmpty();
        aws.json("sns", "delete-topic", "--topic-arn", topic);
        assertThat(aws.fails("sns", "get-topic-attributes", "--topic-arn", topic).stderr()).contains("(NotFound)");
    }

    @Test
    void aTopicIsTaggedAndUntagged() {
        String topic = aws.json("sns", "create-topic", "--name", "cli-tagged").path("TopicArn").asText();
        aws.json("sns", "tag-resource", "--resource-arn", topic, "--tags", "Key=team,Value=ops", "Key=tier,Value=gold");
        aws.json("sns", "untag-resource", "--resource-arn", topic, "--tag-keys", "tier");
        JsonNode tags = aws.json("sns", "list-tags-for-resource", "--resource-arn", topic).path("Tags");
        assertThat(tags).hasSize(1);
        assertThat(tags.get(0).path("Key").asText()).isEqualTo("team");
        assertThat(tags.get(0).path("Value").asText()).isEqualTo("ops");
    }

    @Test
    void aMissingTopicIsNotFound() {
        AwsCli.Result r = aws.fails("sns", "publish", "--topic-arn", topicArn("cli-missing"), "--message", "x");
        assertThat(r.stderr()).contains("(NotFound)").contains("Publish");
    }

    @Test
    void aFifoTopicDeliversToAFifoQueueInOrder() {
        String topic = aws.json("sns", "create-topic", "--name", "cli-steps.fifo", "--attributes",
                "FifoTopic=true,ContentBasedDeduplication=true").path("TopicArn").asText();
        assertThat(topic).isEqualTo(topicArn("cli-steps.fifo"));
        String url = aws.json("sqs", "create-queue", "--queue-name", "cli-steps-sub.fifo", "--attributes", "FifoQueue=true")
                .path("QueueUrl").asText();
        aws.json("sns", "subscribe", "--topic-arn", topic, "--protocol", "sqs", "--notification-endpoint",
                queueArn("cli-steps-sub.fifo"), "--attributes", "RawMessageDelivery=true");
        for (int i = 1; i <= 3; i++) {
            aws.json("sns", "publish", "--topic-arn", topic, "--message", "m" + i, "--message-group-id", "g");
        }
        JsonNode got = aws.json("sqs", "receive-message", "--queue-url", url, "--max-number-of-messages", "10",
                "--attribute-names", "All").path("Messages");
        assertThat(texts(got, "Body")).containsExactly("m1", "m2", "m3");
        assertThat(got.get(0).path("Attributes").path("MessageGroupId").asText()).isEqualTo("g");
    }
}
