package dev.stride.service.sns;

import static dev.stride.service.sns.Sns.assertError;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.stride.service.ServiceCall;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class TopicsAndSubscriptionsTest {
    final SnsService service = new SnsService(SnsService.Options.builder().store(new MapRecordStore()).sqs(new RecordingSqs()).build());
    final Sns sns = new Sns(service);

    @AfterEach
    void close() { service.close(); }

    @Test
    void create_topic_is_idempotent_and_checks_names_and_attributes() {
        String arn = sns.topic("orders");
        assertThat(arn).isEqualTo("arn:aws:sns:us-east-1:123456789012:orders");
        assertThat(sns.topic("orders")).isEqualTo(arn);
        assertError(() -> sns.call("CreateTopic", "{\"Name\":\"orders\",\"Attributes\":{\"DisplayName\":\"other\"}}"),
                "InvalidParameter", "Invalid parameter: Attributes Reason: Topic already exists with different attributes");
        assertError(() -> sns.topic("bad name"), "InvalidParameter", "Invalid parameter: Topic Name");
        assertError(() -> sns.topic("x.fifo"), "InvalidParameter", "Invalid parameter: Topic Name");
        assertError(() -> sns.call("CreateTopic", "{\"Name\":\"x\",\"Attributes\":{\"FifoTopic\":\"true\"}}"),
                "InvalidParameter", "Invalid parameter: Fifo Topic names must end with .fifo and must be made up of only uppercase and "
                        + "lowercase ASCII letters, numbers, underscores, and hyphens, and must be between 1 and 256 characters long.");
    }

    @Test
    void topic_attributes_have_AWS_defaults_and_can_be_set() {
        String arn = sns.topic("t");
        sns.call("SetTopicAttributes", "{\"TopicArn\":\"" + arn + "\",\"AttributeName\":\"DisplayName\",\"AttributeValue\":\"Shown\"}");
        JsonNode a = sns.call("GetTopicAttributes", "{\"TopicArn\":\"" + arn + "\"}").get("Attributes");
        assertThat(a.get("TopicArn").asText()).isEqualTo(arn);
        assertThat(a.get("Owner").asText()).isEqualTo("123456789012");
        assertThat(a.get("DisplayName").asText()).isEqualTo("Shown");
        assertThat(a.get("SubscriptionsConfirmed").asText()).isEqualTo("0");
        assertThat(a.get("Policy").asText()).contains("__default_policy_ID").contains(arn);
        assertThat(a.get("EffectiveDeliveryPolicy").asText()).contains("defaultHealthyRetryPolicy");
        assertError(() -> sns.call("SetTopicAttributes", "{\"TopicArn\":\"" + arn + "\",\"AttributeName\":\"FifoTopic\",\"AttributeValue\":\"true\"}"),
                "InvalidParameter", "Invalid parameter: AttributeName");
        assertError(() -> sns.call("GetTopicAttributes", "{\"TopicArn\":\"arn:aws:sns:us-east-1:123456789012:nope\"}"), "NotFound", "Topic does not exist");
    }

    @Test
    void list_topics_pages_by_one_hundred_and_stays_in_its_account() {
        for (int i = 0; i < 150; i++) sns.topic(String.format("t%03d", i));
        JsonNode first = sns.call("ListTopics", "{}");
        assertThat(first.get("Topics")).hasSize(100);
        JsonNode second = sns.call("ListTopics", "{\"NextToken\":\"" + first.get("NextToken").asText() + "\"}");
        assertThat(second.get("Topics")).hasSize(50);
        assertThat(second.has("NextToken")).isFalse();
        assertThat(second.at("/Topics/49/TopicArn").asText()).endsWith(":t149");
        JsonNode otherRegion = service.call(new ServiceCall("ListTopics", Sns.params("{}"), "eu-west-1", Sns.ACCOUNT, Sns.ENDPOINT, null));
        assertThat(otherRegion.get("Topics")).isEmpty();
    }

    @Test
    void delete_topic_removes_its_subscriptions_and_is_idempotent() {
        String arn = sns.topic("gone");
        String sub = sns.subscribeQueue(arn, "q", "{}");
        sns.call("DeleteTopic", "{\"TopicArn\":\"" + arn + "\"}");
        sns.call("DeleteTopic", "{\"TopicArn\":\"" + arn + "\"}");
        assertThat(sns.call("ListSubscriptions", "{}").get("Subscriptions")).isEmpty();
        assertError(() -> sns.call("GetSubscriptionAttributes", "{\"SubscriptionArn\":\"" + sub + "\"}"), "NotFound", "Subscription does not exist");
    }

    @Test
    void subscriptions_are_listed_described_and_changed() {
        String arn = sns.topic("t");
        String sub = sns.subscribeQueue(arn, "q", "{\"RawMessageDelivery\":\"true\"}");
        assertThat(sns.subscribeQueue(arn, "q", "{\"RawMessageDelivery\":\"true\"}")).isEqualTo(sub);
        JsonNode pending = sns.call("Subscribe", "{\"TopicArn\":\"" + arn + "\",\"Protocol\":\"email\",\"Endpoint\":\"dev@example.com\"}");
        assertThat(pending.get("SubscriptionArn").asText()).isEqualTo("pending confirmation");

        JsonNode byTopic = sns.call("ListSubscriptionsByTopic", "{\"TopicArn\":\"" + arn + "\"}").get("Subscriptions");
        assertThat(byTopic).extracting(n -> n.get("SubscriptionArn").asText()).containsExactlyInAnyOrder(sub, "PendingConfirmation");

        JsonNode a = sns.call("GetSubscriptionAttributes", "{\"SubscriptionArn\":\"" + sub + "\"}").get("Attributes");
        assertThat(a.get("RawMessageDelivery").asText()).isEqualTo("true");
        assertThat(a.get("Protocol").asText()).isEqualTo("sqs");
        assertThat(a.get("PendingConfirmation").asText()).isEqualTo("false");

        sns.call("SetSubscriptionAttributes", "{\"SubscriptionArn\":\"" + sub + "\",\"AttributeName\":\"FilterPolicy\",\"AttributeValue\":\"{\\\"a\\\":[\\\"b\\\"]}\"}");
        a = sns.call("GetSubscriptionAttributes", "{\"SubscriptionArn\":\"" + sub + "\"}").get("Attributes");
        assertThat(a.get("FilterPolicy").asText()).isEqualTo("{\"a\":[\"b\"]}");
        assertThat(a.get("FilterPolicyScope").asText()).isEqualTo("MessageAttributes");
        assertError(() -> sns.call("SetSubscriptionAttributes", "{\"SubscriptionArn\":\"" + sub + "\",\"AttributeName\":\"FilterPolicy\",\"AttributeValue\":\"{\\\"a\\\":[]}\"}"),
                "InvalidParameter", "Invalid parameter: FilterPolicy: Empty arrays are not allowed");
        assertError(() -> sns.call("SetSubscriptionAttributes", "{\"SubscriptionArn\":\"" + sub + "\",\"AttributeName\":\"FilterPolicyScope\",\"AttributeValue\":\"Body\"}"),
                "InvalidParameter", "Invalid parameter: FilterPolicyScope: Invalid value [Body]. Please use either MessageBody or MessageAttributes");

        sns.call("Unsubscribe", "{\"SubscriptionArn\":\"" + sub + "\"}");
        assertThat(sns.call("ListSubscriptionsByTopic", "{\"TopicArn\":\"" + arn + "\"}").get("Subscriptions")).hasSize(1);
    }

    @Test
    void subscribe_checks_protocols_and_endpoints() {
        String arn = sns.topic("t");
        String fifo = sns.fifoTopic("f.fifo", true);
        assertError(() -> sns.call("Subscribe", "{\"TopicArn\":\"" + arn + "\",\"Protocol\":\"carrier-pigeon\",\"Endpoint\":\"x\"}"),
                "InvalidParameter", "Invalid parameter: Amazon SNS does not support this protocol string: carrier-pigeon");
        assertError(() -> sns.call("Subscribe", "{\"TopicArn\":\"" + arn + "\",\"Protocol\":\"sqs\",\"Endpoint\":\"queue\"}"),
                "InvalidParameter", "Invalid parameter: SQS endpoint ARN");
        assertError(() -> sns.call("Subscribe", "{\"TopicArn\":\"" + arn + "\",\"Protocol\":\"https\",\"Endpoint\":\"http://x\"}"),
                "InvalidParameter", "Invalid parameter: Endpoint must match the specified protocol");
        assertError(() -> sns.call("Subscribe", "{\"TopicArn\":\"" + fifo + "\",\"Protocol\":\"email\",\"Endpoint\":\"a@b.c\"}"),
                "InvalidParameter", "Invalid parameter: Endpoint Reason: FIFO SNS Topics currently only support Amazon SQS FIFO queues as endpoints");
        assertError(() -> sns.call("Subscribe", "{\"TopicArn\":\"" + arn + "\",\"Protocol\":\"lambda\",\"Endpoint\":\"arn:aws:lambda:us-east-1:123456789012:function:f\",\"Attributes\":{\"RawMessageDelivery\":\"true\"}}"),
                "InvalidParameter", "Invalid parameter: Attributes Reason: Delivery protocol [lambda] does not support raw message delivery.");
        assertError(() -> sns.subscribeQueue(arn, "q", "{\"FilterPolicy\":\"{\\\"a\\\":[{\\\"bogus\\\":1}]}\"}"),
                "InvalidParameter", "Invalid parameter: FilterPolicy: Unrecognized match type bogus");
    }

    @Test
    void topics_are_tagged_and_untagged() {
        String arn = sns.call("CreateTopic", "{\"Name\":\"tagged\",\"Tags\":[{\"Key\":\"team\",\"Value\":\"a\"}]}").get("TopicArn").asText();
        sns.call("TagResource", "{\"ResourceArn\":\"" + arn + "\",\"Tags\":[{\"Key\":\"env\",\"Value\":\"dev\"}]}");
        sns.call("UntagResource", "{\"ResourceArn\":\"" + arn + "\",\"TagKeys\":[\"team\"]}");
        JsonNode tags = sns.call("ListTagsForResource", "{\"ResourceArn\":\"" + arn + "\"}").get("Tags");
        assertThat(tags).hasSize(1);
        assertThat(tags.at("/0/Key").asText()).isEqualTo("env");
        assertError(() -> sns.call("ListTagsForResource", "{\"ResourceArn\":\"arn:aws:sns:us-east-1:123456789012:nope\"}"),
                "ResourceNotFound", "Resource does not exist");
    }
}
