package dev.stride.service.sns;

import static dev.stride.service.sns.Sns.assertError;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.stride.service.ServiceCall;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class PublishToSqsTest {
    final AtomicLong clock = new AtomicLong(1_700_000_000_000L);
    final RecordingSqs sqs = new RecordingSqs();
    final MapRecordStore store = new MapRecordStore();
    final SnsService service = new SnsService(SnsService.Options.builder().store(store).sqs(sqs).clockMillis(clock::get).build());
    final Sns sns = new Sns(service);

    @AfterEach
    void close() { service.close(); }

    @Test
    void a_queue_subscriber_gets_the_envelope_before_publish_returns() {
        String topic = sns.topic("orders");
        String sub = sns.subscribeQueue(topic, "q1", "{}");
        JsonNode reply = sns.call("Publish", "{\"TopicArn\":\"" + topic + "\",\"Message\":\"hello\",\"Subject\":\"greeting\","
                + "\"MessageAttributes\":{\"color\":{\"DataType\":\"String\",\"StringValue\":\"red\"}}}");

        assertThat(sqs.sent).hasSize(1);
        ServiceCall send = sqs.sent.get(0);
        assertThat(send.action()).isEqualTo("SendMessage");
        assertThat(send.params().get("QueueUrl").asText()).isEqualTo("http://localhost:8083/123456789012/q1");
        assertThat(send.idempotencyKey()).isEqualTo(reply.get("MessageId").asText() + sub);
        assertThat(send.params().has("MessageAttributes")).isFalse();
        JsonNode envelope = sqs.body(0);
        assertThat(envelope.get("Type").asText()).isEqualTo("Notification");
        assertThat(envelope.get("MessageId").asText()).isEqualTo(reply.get("MessageId").asText());
        assertThat(envelope.get("TopicArn").asText()).isEqualTo(topic);
        assertThat(envelope.get("Subject").asText()).isEqualTo("greeting");
        assertThat(envelope.get("Message").asText()).isEqualTo("hello");
        assertThat(envelope.get("Timestamp").asText()).isEqualTo("2023-11-14T22:13:20.000Z");
        assertThat(envelope.get("SignatureVersion").asText()).isEqualTo("1");
        assertThat(envelope.get("Signature").asText()).isBase64();
        assertThat(envelope.get("UnsubscribeURL").asText()).isEqualTo("http://localhost:8083/?Action=Unsubscribe&SubscriptionArn=" + sub);
        assertThat(envelope.at("/MessageAttributes/color/Type").asText()).isEqualTo("String");
        assertThat(envelope.at("/MessageAttributes/color/Value").asText()).isEqualTo("red");
        assertThat(store.commits).as("topic and subscription only: a plain publish commits nothing of its own").isEqualTo(2);
    }

    @Test
    void raw_delivery_sends_the_message_and_its_attributes_as_sqs_attributes() {
        String topic = sns.topic("raw");
        sns.subscribeQueue(topic, "q1", "{\"RawMessageDelivery\":\"true\"}");
        sns.call("Publish", "{\"TopicArn\":\"" + topic + "\",\"Message\":\"plain\",\"MessageAttributes\":{"
                + "\"n\":{\"DataType\":\"Number\",\"StringValue\":\"5\"},\"list\":{\"DataType\":\"String.Array\",\"StringValue\":\"[1,2]\"},"
                + "\"b\":{\"DataType\":\"Binary\",\"BinaryValue\":\"AQI=\"}}}");

        JsonNode params = sqs.sent.get(0).params();
        assertThat(params.get("MessageBody").asText()).isEqualTo("plain");
        assertThat(params.at("/MessageAttributes/n/DataType").asText()).isEqualTo("Number");
        assertThat(params.at("/MessageAttributes/n/StringValue").asText()).isEqualTo("5");
        assertThat(params.at("/MessageAttributes/list/DataType").asText()).isEqualTo("String");
        assertThat(params.at("/MessageAttributes/b/BinaryValue").asText()).isEqualTo("AQI=");
    }

    @Test
    void only_subscriptions_whose_filter_policy_matches_receive() {
        String topic = sns.topic("filtered");
        sns.subscribeQueue(topic, "reds", "{\"FilterPolicy\":\"{\\\"color\\\":[\\\"red\\\"]}\"}");
        sns.subscribeQueue(topic, "bigs", "{\"FilterPolicyScope\":\"MessageBody\",\"FilterPolicy\":\"{\\\"size\\\":[{\\\"numeric\\\":[\\\">\\\",10]}]}\"}");
        sns.call("Publish", "{\"TopicArn\":\"" + topic + "\",\"Message\":\"{\\\"size\\\":20}\",\"MessageAttributes\":{\"color\":{\"DataType\":\"String\",\"StringValue\":\"blue\"}}}");
        sns.call("Publish", "{\"TopicArn\":\"" + topic + "\",\"Message\":\"{\\\"size\\\":1}\",\"MessageAttributes\":{\"color\":{\"DataType\":\"String\",\"StringValue\":\"red\"}}}");

        assertThat(sqs.sent).extracting(c -> c.params().get("QueueUrl").asText())
                .containsExactly("http://localhost:8083/123456789012/bigs", "http://localhost:8083/123456789012/reds");
    }

    @Test
    void message_structure_json_sends_each_protocol_its_own_message() {
        String topic = sns.topic("structured");
        sns.subscribeQueue(topic, "q", "{}");
        sns.call("Publish", "{\"TopicArn\":\"" + topic + "\",\"MessageStructure\":\"json\",\"Message\":\"{\\\"default\\\":\\\"d\\\",\\\"sqs\\\":\\\"for sqs\\\"}\"}");
        assertThat(sqs.body(0).get("Message").asText()).isEqualTo("for sqs");

        assertError(() -> sns.call("Publish", "{\"TopicArn\":\"" + topic + "\",\"MessageStructure\":\"json\",\"Message\":\"{\\\"sqs\\\":\\\"x\\\"}\"}"),
                "InvalidParameter", "Invalid parameter: Message Structure - No default entry in JSON message body");
        assertError(() -> sns.call("Publish", "{\"TopicArn\":\"" + topic + "\",\"MessageStructure\":\"json\",\"Message\":\"nope\"}"),
                "InvalidParameter", "Invalid parameter: Message Structure - JSON message body failed to parse");
    }

    @Test
    void fifo_topics_keep_group_and_dedup_ids_and_drop_duplicates_within_five_minutes() {
        String topic = sns.fifoTopic("orders.fifo", true);
        sns.subscribeQueue(topic, "orders.fifo", "{}");
        String publish = "{\"TopicArn\":\"" + topic + "\",\"Message\":\"m1\",\"MessageGroupId\":\"g1\"}";
        JsonNode first = sns.call("Publish", publish);
        JsonNode repeat = sns.call("Publish", publish);
        JsonNode other = sns.call("Publish", "{\"TopicArn\":\"" + topic + "\",\"Message\":\"m2\",\"MessageGroupId\":\"g1\",\"MessageDeduplicationId\":\"d2\"}");

        assertThat(first.get("SequenceNumber").asText()).hasSize(20);
        assertThat(repeat).isEqualTo(first);
        assertThat(other.get("SequenceNumber").asText()).isGreaterThan(first.get("SequenceNumber").asText());
        assertThat(sqs.sent).hasSize(2);
        JsonNode params = sqs.sent.get(1).params();
        assertThat(params.get("MessageGroupId").asText()).isEqualTo("g1");
        assertThat(params.get("MessageDeduplicationId").asText()).isEqualTo("d2");
        assertThat(sqs.body(0).get("SequenceNumber").asText()).isEqualTo(first.get("SequenceNumber").asText());

        clock.addAndGet(5 * 60 * 1000 + 1);
        JsonNode later = sns.call("Publish", publish);
        assertThat(later.get("MessageId")).isNotEqualTo(first.get("MessageId"));
        assertThat(sqs.sent).hasSize(3);
    }

    @Test
    void bad_publishes_get_AWS_errors() {
        String topic = sns.topic("t");
        String fifo = sns.fifoTopic("t.fifo", false);
        assertError(() -> sns.call("Publish", "{\"TopicArn\":\"arn:aws:sns:us-east-1:123456789012:missing\",\"Message\":\"x\"}"),
                "NotFound", "Topic does not exist");
        assertError(() -> sns.call("Publish", "{\"TopicArn\":\"" + topic + "\",\"Message\":\"" + "x".repeat(256 * 1024 + 1) + "\"}"),
                "InvalidParameter", "Invalid parameter: Message too long");
        assertError(() -> sns.call("Publish", "{\"TopicArn\":\"" + topic + "\"}"), "InvalidParameter", "Invalid parameter: Empty message");
        assertError(() -> sns.call("Publish", "{\"TopicArn\":\"" + fifo + "\",\"Message\":\"x\"}"),
                "InvalidParameter", "Invalid parameter: The MessageGroupId parameter is required for FIFO topics");
        assertError(() -> sns.call("Publish", "{\"TopicArn\":\"" + fifo + "\",\"Message\":\"x\",\"MessageGroupId\":\"g\"}"),
                "InvalidParameter", "Invalid parameter: The topic should either have ContentBasedDeduplication enabled or MessageDeduplicationId provided explicitly");
        assertError(() -> sns.call("Publish", "{\"TopicArn\":\"" + topic + "\",\"Message\":\"x\",\"MessageAttributes\":{\"a\":{\"DataType\":\"Number\",\"StringValue\":\"abc\"}}}"),
                "InvalidParameter", "Invalid parameter: MessageAttributes Reason: Could not cast message attribute 'a' value to number.");
        assertError(() -> sns.call("Publish", "{\"TopicArn\":\"" + topic + "\",\"Message\":\"x\",\"MessageAttributes\":{\"a\":{\"DataType\":\"Blob\",\"StringValue\":\"abc\"}}}"),
                "InvalidParameter", "Invalid parameter: MessageAttributes Reason: The message attribute 'a' has an invalid message attribute type, the set of supported type prefixes is Binary, Number, and String.");
        assertError(() -> sns.call("Publish", "{\"TopicArn\":\"arn:aws:sns:us-east-1:999999999999:t\",\"Message\":\"x\"}"),
                "AuthorizationError", "User: arn:aws:iam::123456789012:root is not authorized to perform: SNS:Publish on resource: arn:aws:sns:us-east-1:999999999999:t");
        assertError(() -> sns.call("Publish", "{\"TopicArn\":\"not-an-arn\",\"Message\":\"x\"}"), "InvalidParameter", "Invalid parameter: TopicArn");
    }

    @Test
    void a_repeated_idempotency_key_returns_the_first_reply_without_publishing_again() {
        String topic = sns.topic("once");
        sns.subscribeQueue(topic, "q", "{}");
        JsonNode first = sns.call("Publish", "{\"TopicArn\":\"" + topic + "\",\"Message\":\"x\"}", "token-1");
        JsonNode again = sns.call("Publish", "{\"TopicArn\":\"" + topic + "\",\"Message\":\"x\"}", "token-1");
        assertThat(again).isEqualTo(first);
        assertThat(sqs.sent).hasSize(1);

        try (SnsService restarted = new SnsService(SnsService.Options.builder().store(store).sqs(sqs).clockMillis(clock::get).build())) {
            JsonNode afterRestart = new Sns(restarted).call("Publish", "{\"TopicArn\":\"" + topic + "\",\"Message\":\"x\"}", "token-1");
            assertThat(afterRestart).isEqualTo(first);
        }
        assertThat(sqs.sent).hasSize(1);
    }

    @Test
    void publish_batch_reports_each_entry() {
        String topic = sns.topic("batch");
        sns.subscribeQueue(topic, "q", "{}");
        JsonNode reply = sns.call("PublishBatch", "{\"TopicArn\":\"" + topic + "\",\"PublishBatchRequestEntries\":["
                + "{\"Id\":\"a\",\"Message\":\"one\"},{\"Id\":\"b\"},{\"Id\":\"c\",\"Message\":\"three\"}]}");
        assertThat(reply.get("Successful")).extracting(n -> n.get("Id").asText()).containsExactly("a", "c");
        assertThat(reply.at("/Failed/0/Id").asText()).isEqualTo("b");
        assertThat(reply.at("/Failed/0/Code").asText()).isEqualTo("InvalidParameter");
        assertThat(reply.at("/Failed/0/SenderFault").asBoolean()).isTrue();
        assertThat(sqs.sent).hasSize(2);

        assertError(() -> sns.call("PublishBatch", "{\"TopicArn\":\"" + topic + "\",\"PublishBatchRequestEntries\":[{\"Id\":\"a\",\"Message\":\"1\"},{\"Id\":\"a\",\"Message\":\"2\"}]}"),
                "BatchEntryIdsNotDistinct", "Two or more batch entries in the request have the same Id.");
        assertError(() -> sns.call("PublishBatch", "{\"TopicArn\":\"" + topic + "\",\"PublishBatchRequestEntries\":[]}"),
                "EmptyBatchRequest", "The batch request doesn't contain any entries.");
    }

    @Test
    void a_failed_queue_delivery_goes_to_the_dead_letter_queue() {
        String topic = sns.topic("dlq");
        sns.subscribeQueue(topic, "gone", "{\"RedrivePolicy\":\"{\\\"deadLetterTargetArn\\\":\\\"arn:aws:sqs:us-east-1:123456789012:dead\\\"}\"}");
        sqs.missingQueueUrl = "http://localhost:8083/123456789012/gone";
        JsonNode reply = sns.call("Publish", "{\"TopicArn\":\"" + topic + "\",\"Message\":\"x\"}");
        assertThat(reply.get("MessageId").asText()).isNotEmpty();
        assertThat(sqs.sent).extracting(c -> c.params().get("QueueUrl").asText()).containsExactly("http://localhost:8083/123456789012/dead");
    }
}
