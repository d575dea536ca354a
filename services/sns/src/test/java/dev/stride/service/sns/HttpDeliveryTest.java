package dev.stride.service.sns;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.stride.service.ServiceRequest;
import dev.stride.service.ServiceResponse;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class HttpDeliveryTest {
    final HookServer hook = new HookServer();
    final SnsService service = new SnsService(SnsService.Options.builder().store(new MapRecordStore())
            .retryDelay(Duration.ofMillis(10)).deliveryAttempts(3).build());
    final Sns sns = new Sns(service);

    HttpDeliveryTest() throws Exception {}

    @AfterEach
    void close() {
        service.close();
        hook.close();
    }

    @Test
    void an_http_subscriber_confirms_by_visiting_the_subscribe_url_then_gets_notifications() throws Exception {
        String topic = sns.topic("web");
        JsonNode reply = sns.call("Subscribe", "{\"TopicArn\":\"" + topic + "\",\"Protocol\":\"http\",\"Endpoint\":\"" + hook.url() + "\"}");
        assertThat(reply.get("SubscriptionArn").asText()).isEqualTo("pending confirmation");

        HookServer.Post confirmation = hook.next();
        assertThat(confirmation.headers()).containsEntry("x-amz-sns-message-type", "SubscriptionConfirmation")
                .containsEntry("x-amz-sns-topic-arn", topic).containsEntry("content-type", "text/plain; charset=UTF-8");
        JsonNode c = confirmation.json();
        assertThat(c.get("Type").asText()).isEqualTo("SubscriptionConfirmation");
        assertThat(c.get("TopicArn").asText()).isEqualTo(topic);
        assertThat(c.get("Token").asText()).hasSizeGreaterThan(64);
        String subscribeUrl = c.get("SubscribeURL").asText();
        assertThat(subscribeUrl).startsWith("http://localhost:8083/?Action=ConfirmSubscription&TopicArn=" + topic + "&Token=");

        sns.call("Publish", "{\"TopicArn\":\"" + topic + "\",\"Message\":\"before confirmation\"}");
        assertThat(hook.posts.poll(200, TimeUnit.MILLISECONDS)).as("an unconfirmed subscription gets nothing").isNull();

        ServiceResponse confirmed = service.serve(new ServiceRequest("GET", "/", URI.create(subscribeUrl).getRawQuery(), Map.of(),
                null, Sns.REGION, Sns.ACCOUNT, Sns.ENDPOINT));
        assertThat(new String(confirmed.body())).contains("<ConfirmSubscriptionResult><SubscriptionArn>" + topic + ":");
        String subscriptionArn = sns.call("ListSubscriptionsByTopic", "{\"TopicArn\":\"" + topic + "\"}").at("/Subscriptions/0/SubscriptionArn").asText();
        assertThat(subscriptionArn).startsWith(topic + ":");

        JsonNode published = sns.call("Publish", "{\"TopicArn\":\"" + topic + "\",\"Message\":\"hello\",\"Subject\":\"s\","
                + "\"MessageAttributes\":{\"k\":{\"DataType\":\"String\",\"StringValue\":\"v\"}}}");
        HookServer.Post notification = hook.next();
        assertThat(notification.headers()).containsEntry("x-amz-sns-message-type", "Notification")
                .containsEntry("x-amz-sns-message-id", published.get("MessageId").asText())
                .containsEntry("x-amz-sns-topic-arn", topic).containsEntry("x-amz-sns-subscription-arn", subscriptionArn);
        JsonNode n = notification.json();
        assertThat(n.get("Message").asText()).isEqualTo("hello");
        assertThat(n.get("Subject").asText()).isEqualTo("s");
        assertThat(n.get("MessageId").asText()).isEqualTo(published.get("MessageId").asText());
        assertThat(n.get("Timestamp").asText()).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z");
        assertThat(n.get("SigningCertURL").asText()).startsWith("http://localhost:8083/");
        assertThat(n.get("UnsubscribeURL").asText()).isEqualTo("http://localhost:8083/?Action=Unsubscribe&SubscriptionArn=" + subscriptionArn);
        assertThat(n.at("/MessageAttributes/k/Value").asText()).isEqualTo("v");
    }

    @Test
    void a_failed_post_is_retried_with_backoff() throws Exception {
        String topic = sns.topic("flaky");
        sns.call("Subscribe", "{\"TopicArn\":\"" + topic + "\",\"Protocol\":\"http\",\"Endpoint\":\"" + hook.url() + "\"}");
        String token = hook.next().json().get("Token").asText();
        sns.call("ConfirmSubscription", "{\"TopicArn\":\"" + topic + "\",\"Token\":\"" + token + "\"}");

        hook.status.set(500);
        sns.call("Publish", "{\"TopicArn\":\"" + topic + "\",\"Message\":\"again\"}");
        HookServer.Post first = hook.next();
        hook.status.set(200);
        HookServer.Post second = hook.next();
        assertThat(second.json().get("MessageId")).isEqualTo(first.json().get("MessageId"));
        assertThat(hook.posts.poll(200, TimeUnit.MILLISECONDS)).isNull();
    }

    @Test
    void raw_http_delivery_posts_the_bare_message() throws Exception {
        String topic = sns.topic("raw");
        sns.call("Subscribe", "{\"TopicArn\":\"" + topic + "\",\"Protocol\":\"http\",\"Endpoint\":\"" + hook.url()
                + "\",\"Attributes\":{\"RawMessageDelivery\":\"true\"}}");
        String token = hook.next().json().get("Token").asText();
        sns.call("ConfirmSubscription", "{\"TopicArn\":\"" + topic + "\",\"Token\":\"" + token + "\"}");
        sns.call("Publish", "{\"TopicArn\":\"" + topic + "\",\"Message\":\"just this\"}");
        HookServer.Post p = hook.next();
        assertThat(p.body()).isEqualTo("just this");
        assertThat(p.headers()).containsEntry("x-amz-sns-rawdelivery", "true");
    }

    @Test
    void a_wrong_token_is_an_invalid_parameter() {
        String topic = sns.topic("t");
        Sns.assertError(() -> sns.call("ConfirmSubscription", "{\"TopicArn\":\"" + topic + "\",\"Token\":\"nope\"}"),
                "InvalidParameter", "Invalid parameter: Token");
    }
}
