package dev.stride.service.sns;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.stride.service.sns.internal.Tables;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class DurabilityTest {
    final MapRecordStore store = new MapRecordStore();
    final RecordingSqs sqs = new RecordingSqs();
    final HookServer hook = new HookServer();

    DurabilityTest() throws Exception {}

    @AfterEach
    void close() { hook.close(); }

    SnsService start(Duration retryDelay) {
        return new SnsService(SnsService.Options.builder().store(store).sqs(sqs).retryDelay(retryDelay).deliveryAttempts(5).build());
    }

    @Test
    void a_new_service_over_the_same_records_has_the_topics_and_subscriptions() throws Exception {
        String topic;
        String queueSub;
        try (SnsService first = start(Duration.ofMillis(10))) {
            Sns sns = new Sns(first);
            topic = sns.call("CreateTopic", "{\"Name\":\"kept\",\"Attributes\":{\"DisplayName\":\"Kept\"},\"Tags\":[{\"Key\":\"k\",\"Value\":\"v\"}]}")
                    .get("TopicArn").asText();
            queueSub = sns.subscribeQueue(topic, "q", "{\"FilterPolicy\":\"{\\\"a\\\":[\\\"yes\\\"]}\"}");
            sns.call("Subscribe", "{\"TopicArn\":\"" + topic + "\",\"Protocol\":\"http\",\"Endpoint\":\"" + hook.url() + "\"}");
            String token = hook.next().json().get("Token").asText();
            sns.call("ConfirmSubscription", "{\"TopicArn\":\"" + topic + "\",\"Token\":\"" + token + "\"}");
        }
        try (SnsService second = start(Duration.ofMillis(10))) {
            Sns sns = new Sns(second);
            JsonNode attributes = sns.call("GetTopicAttributes", "{\"TopicArn\":\"" + topic + "\"}").get("Attributes");
            assertThat(attributes.get("DisplayName").asText()).isEqualTo("Kept");
            assertThat(attributes.get("SubscriptionsConfirmed").asText()).isEqualTo("2");
            assertThat(sns.call("ListTagsForResource", "{\"ResourceArn\":\"" + topic + "\"}").at("/Tags/0/Key").asText()).isEqualTo("k");

            sns.call("Publish", "{\"TopicArn\":\"" + topic + "\",\"Message\":\"no\",\"MessageAttributes\":{\"a\":{\"DataType\":\"String\",\"StringValue\":\"no\"}}}");
            sns.call("Publish", "{\"TopicArn\":\"" + topic + "\",\"Message\":\"yes\",\"MessageAttributes\":{\"a\":{\"DataType\":\"String\",\"StringValue\":\"yes\"}}}");
            assertThat(sqs.sent).hasSize(1);
            assertThat(sqs.sent.get(0).idempotencyKey()).endsWith(queueSub);
            // http deliveries run in parallel, so the two may arrive in either order (as in AWS)
            assertThat(List.of(hook.next().json().get("Message").asText(), hook.next().json().get("Message").asText()))
                    .containsExactlyInAnyOrder("no", "yes");
        }
    }

    @Test
    void a_pending_http_delivery_resumes_after_a_restart() throws Exception {
        String topic;
        String messageId;
        try (SnsService first = start(Duration.ofMinutes(10))) {
            Sns sns = new Sns(first);
            topic = sns.topic("resume");
            sns.call("Subscribe", "{\"TopicArn\":\"" + topic + "\",\"Protocol\":\"http\",\"Endpoint\":\"" + hook.url() + "\"}");
            String token = hook.next().json().get("Token").asText();
            sns.call("ConfirmSubscription", "{\"TopicArn\":\"" + topic + "\",\"Token\":\"" + token + "\"}");
            hook.status.set(503);
            messageId = sns.call("Publish", "{\"TopicArn\":\"" + topic + "\",\"Message\":\"owed\"}").get("MessageId").asText();
            assertThat(hook.next().json().get("MessageId").asText()).isEqualTo(messageId); // the failed first attempt
        }
        // the confirmation's record may be left too (closing can cut its clean-up short); it is dropped on resume as confirmed
        assertThat(store.keys(Tables.PENDING)).anyMatch(k -> k.startsWith(messageId + "/"));

        hook.status.set(200);
        try (SnsService second = start(Duration.ofMinutes(10))) {
            HookServer.Post resumed = hook.next();
            assertThat(resumed.json().get("MessageId").asText()).isEqualTo(messageId);
            assertThat(resumed.json().get("Message").asText()).isEqualTo("owed");
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
            while (store.size(Tables.PENDING) > 0 && System.nanoTime() < deadline) Thread.sleep(10);
            assertThat(store.size(Tables.PENDING)).isZero();
        }
    }

    @Test
    void fifo_deduplication_survives_a_restart() {
        String topic;
        JsonNode first;
        String publish;
        try (SnsService one = start(Duration.ofMillis(10))) {
            Sns sns = new Sns(one);
            topic = sns.fifoTopic("d.fifo", true);
            sns.subscribeQueue(topic, "d.fifo", "{}");
            publish = "{\"TopicArn\":\"" + topic + "\",\"Message\":\"once\",\"MessageGroupId\":\"g\"}";
            first = sns.call("Publish", publish);
        }
        try (SnsService two = start(Duration.ofMillis(10))) {
            assertThat(new Sns(two).call("Publish", publish)).isEqualTo(first);
        }
        assertThat(sqs.sent).hasSize(1);
    }
}
