package dev.stride.service.sns;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.stride.service.JsonProtocol;
import dev.stride.service.ServiceCall;
import dev.stride.service.ServiceException;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Calls into an SnsService the way a Task state does, for tests. */
final class Sns {
    static final String REGION = "us-east-1";
    static final String ACCOUNT = "123456789012";
    static final String ENDPOINT = "http://localhost:8083";

    final SnsService service;

    Sns(SnsService service) { this.service = service; }

    static ObjectNode params(String json) {
        try {
            return (ObjectNode) JsonProtocol.MAPPER.readTree(json);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    JsonNode call(String action, String json) { return call(action, json, null); }

    JsonNode call(String action, String json, String idempotencyKey) {
        return service.call(new ServiceCall(action, params(json), REGION, ACCOUNT, ENDPOINT, idempotencyKey));
    }

    String topic(String name) { return call("CreateTopic", "{\"Name\":\"" + name + "\"}").get("TopicArn").asText(); }

    String fifoTopic(String name, boolean contentDedup) {
        return call("CreateTopic", "{\"Name\":\"" + name + "\",\"Attributes\":{\"FifoTopic\":\"true\",\"ContentBasedDeduplication\":\""
                + contentDedup + "\"}}").get("TopicArn").asText();
    }

    String subscribeQueue(String topicArn, String queue, String attributesJson) {
        return call("Subscribe", "{\"TopicArn\":\"" + topicArn + "\",\"Protocol\":\"sqs\",\"Endpoint\":\"arn:aws:sqs:" + REGION + ":"
                + ACCOUNT + ":" + queue + "\",\"Attributes\":" + attributesJson + "}").get("SubscriptionArn").asText();
    }

    static void assertError(ThrowingCallable call, String code, String message) {
        assertThatThrownBy(call).isInstanceOfSatisfying(ServiceException.class, e -> {
            assertThat(e.code()).isEqualTo(code);
            assertThat(e.getMessage()).isEqualTo(message);
        });
    }
}
