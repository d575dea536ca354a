package dev.stride.service.passthrough;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.stride.service.JsonProtocol;
import dev.stride.service.ServiceCall;
import dev.stride.service.ServiceException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class RemoteServiceCallTest {
    private static final String SECRET = "remote-secret";
    private FakeRemote fake;
    private RemoteService sqs;
    private RemoteService sns;

    @BeforeEach
    void start() throws Exception {
        fake = new FakeRemote();
        Remote remote = Remote.of(fake.endpoint(), "eu-west-1", "AKIDREMOTE", SECRET);
        sqs = RemoteService.of(StubService.sqs(), remote);
        sns = RemoteService.of(StubService.sns(), remote);
    }

    @AfterEach
    void stop() {
        sqs.close();
        sns.close();
        fake.close();
    }

    private static ServiceCall call(String action, String params) throws Exception {
        return new ServiceCall(action, (ObjectNode) JsonProtocol.MAPPER.readTree(params), "us-east-1", "000000000000",
                "http://localhost:8083", null);
    }

    private static String md5(String text) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(text.getBytes(StandardCharsets.UTF_8)));
    }

    private static Map<String, String> form(String body) {
        Map<String, String> out = new LinkedHashMap<>();
        for (String pair : body.split("&")) {
            int eq = pair.indexOf('=');
            out.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8), URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
        }
        return out;
    }

    @Test
    void sqs_send_message_goes_out_as_the_json_protocol_and_its_reply_comes_back_as_the_apis_json() throws Exception {
        fake.answer(200, "application/x-amz-json-1.0",
                "{\"MessageId\":\"5fea7756-0ea4-451a-a703-a558b933e274\",\"MD5OfMessageBody\":\"" + md5("hello") + "\"}", Map.of());

        JsonNode result = sqs.call(call("SendMessage",
                "{\"QueueUrl\":\"" + fake.endpoint() + "/123456789012/orders\",\"MessageBody\":\"hello\",\"DelaySeconds\":5}"));

        FakeRemote.Recorded wire = fake.last();
        assertThat(wire.header("x-amz-target")).isEqualTo("AmazonSQS.SendMessage");
        JsonNode sent = JsonProtocol.MAPPER.readTree(wire.body());
        assertThat(sent.path("QueueUrl").asText()).endsWith("/123456789012/orders");
        assertThat(sent.path("MessageBody").asText()).isEqualTo("hello");
        assertThat(sent.path("DelaySeconds").isInt()).isTrue();
        assertThat(sent.path("DelaySeconds").asInt()).isEqualTo(5);
        SigV4Check.Parsed auth = SigV4Check.parse(wire.header("authorization"));
        assertThat(auth.accessKey()).isEqualTo("AKIDREMOTE");
        assertThat(auth.region()).isEqualTo("eu-west-1");
        assertThat(auth.service()).isEqualTo("sqs");

        assertThat(result).isEqualTo(JsonProtocol.MAPPER.readTree(
                "{\"MessageId\":\"5fea7756-0ea4-451a-a703-a558b933e274\",\"MD5OfMessageBody\":\"" + md5("hello") + "\"}"));
    }

    @Test
    void sqs_receive_message_turns_lists_maps_and_enum_keys_into_json() throws Exception {
        fake.answer(200, "application/x-amz-json-1.0", "{\"Messages\":[{\"MessageId\":\"m1\",\"ReceiptHandle\":\"rh\",\"Body\":\"hi\","
                + "\"MD5OfBody\":\"" + md5("hi") + "\",\"Attributes\":{\"SentTimestamp\":\"1700000000000\",\"ApproximateReceiveCount\":\"1\"}}]}",
                Map.of());

        JsonNode result = sqs.call(call("ReceiveMessage", "{\"QueueUrl\":\"" + fake.endpoint() + "/1/q\",\"MaxNumberOfMessages\":\"10\","
                + "\"MessageSystemAttributeNames\":[\"All\"],\"WaitTimeSeconds\":0}"));

        JsonNode sent = JsonProtocol.MAPPER.readTree(fake.last().body());
        assertThat(sent.path("MaxNumberOfMessages").asInt()).as("numeric text becomes the member's number").isEqualTo(10);
        assertThat(sent.path("MessageSystemAttributeNames").get(0).asText()).isEqualTo("All");
        JsonNode message = result.path("Messages").get(0);
        assertThat(message.path("Body").asText()).isEqualTo("hi");
        assertThat(message.path("MD5OfBody").asText()).isEqualTo(md5("hi"));
        assertThat(message.path("Attributes").path("SentTimestamp").asText()).isEqualTo("1700000000000");
        assertThat(result.has("ResponseMetadata")).isFalse();
    }

    @Test
    void sns_publish_goes_out_as_the_query_protocol_with_nested_attributes_and_blobs() throws Exception {
        fake.answer(200, "text/xml", "<PublishResponse xmlns=\"http://sns.amazonaws.com/doc/2010-03-31/\"><PublishResult>"
                + "<MessageId>94f20ce6-13c5-43a0-9a9e-ca52d816e90b</MessageId></PublishResult>"
                + "<ResponseMetadata><RequestId>r-1</RequestId></ResponseMetadata></PublishResponse>", Map.of());
        String blob = Base64.getEncoder().encodeToString(new byte[] {1, 2, 3});

        JsonNode result = sns.call(call("Publish", "{\"TopicArn\":\"arn:aws:sns:eu-west-1:123456789012:orders\",\"Message\":{\"id\":7},"
                + "\"Subject\":\"s\",\"MessageAttributes\":{\"kind\":{\"DataType\":\"String\",\"StringValue\":\"order\"},"
                + "\"raw\":{\"DataType\":\"Binary\",\"BinaryValue\":\"" + blob + "\"}}}"));

        FakeRemote.Recorded wire = fake.last();
        Map<String, String> form = form(wire.text());
        assertThat(form).containsEntry("Action", "Publish")
                .containsEntry("TopicArn", "arn:aws:sns:eu-west-1:123456789012:orders")
                .containsEntry("Message", "{\"id\":7}")
                .containsEntry("Subject", "s")
                .containsEntry("MessageAttributes.entry.1.Name", "kind")
                .containsEntry("MessageAttributes.entry.1.Value.DataType", "String")
                .containsEntry("MessageAttributes.entry.1.Value.StringValue", "order")
                .containsEntry("MessageAttributes.entry.2.Name", "raw")
                .containsEntry("MessageAttributes.entry.2.Value.BinaryValue", blob);
        assertThat(SigV4Check.parse(wire.header("authorization")).service()).isEqualTo("sns");
        assertThat(SigV4Check.expected(wire, SECRET)).isEqualTo(SigV4Check.parse(wire.header("authorization")).signature());

        assertThat(result).isEqualTo(JsonProtocol.MAPPER.readTree("{\"MessageId\":\"94f20ce6-13c5-43a0-9a9e-ca52d816e90b\"}"));
    }

    @Test
    void an_sqs_error_reply_is_a_service_exception_with_its_wire_code_and_modelled_type() {
        fake.answer(400, "application/x-amz-json-1.0",
                "{\"__type\":\"com.amazonaws.sqs#QueueDoesNotExist\",\"message\":\"The specified queue does not exist.\"}",
                Map.of("x-amzn-query-error", "AWS.SimpleQueueService.NonExistentQueue;Sender"));

        assertThatThrownBy(() -> sqs.call(call("GetQueueUrl", "{\"QueueName\":\"nope\"}")))
                .isInstanceOfSatisfying(ServiceException.class, e -> {
                    assertThat(e.code()).isEqualTo("AWS.SimpleQueueService.NonExistentQueue");
                    assertThat(e.type()).isEqualTo("QueueDoesNotExist");
                    assertThat(e.status()).isEqualTo(400);
                    assertThat(e.sender()).isTrue();
                    assertThat(e.getMessage()).isEqualTo("The specified queue does not exist.");
                });
    }

    @Test
    void an_sns_error_reply_is_a_service_exception_with_its_code() {
        fake.answer(404, "text/xml", "<ErrorResponse xmlns=\"http://sns.amazonaws.com/doc/2010-03-31/\"><Error><Type>Sender</Type>"
                + "<Code>NotFound</Code><Message>Topic does not exist</Message></Error><RequestId>r-2</RequestId></ErrorResponse>", Map.of());

        assertThatThrownBy(() -> sns.call(call("Publish", "{\"TopicArn\":\"arn:aws:sns:eu-west-1:1:gone\",\"Message\":\"m\"}")))
                .isInstanceOfSatisfying(ServiceException.class, e -> {
                    assertThat(e.code()).isEqualTo("NotFound");
                    assertThat(e.type()).isEqualTo("NotFound");
                    assertThat(e.status()).isEqualTo(404);
                    assertThat(e.getMessage()).isEqualTo("Topic does not exist");
                });
    }

    @Test
    void an_unknown_action_or_parameter_is_a_validation_exception_naming_it_and_nothing_is_sent() {
        assertThatThrownBy(() -> sqs.call(call("SendMesage", "{}")))
                .isInstanceOfSatisfying(ServiceException.class, e -> {
                    assertThat(e.code()).isEqualTo("ValidationException");
                    assertThat(e.getMessage()).contains("SendMesage");
                });
        assertThatThrownBy(() -> sqs.call(call("SendMessage", "{\"QueueUrl\":\"u\",\"MessageBody\":\"b\",\"Colour\":\"red\"}")))
                .isInstanceOfSatisfying(ServiceException.class, e -> {
                    assertThat(e.code()).isEqualTo("ValidationException");
                    assertThat(e.getMessage()).contains("'Colour'").contains("SendMessage");
                });
        assertThatThrownBy(() -> sqs.call(call("SendMessage", "{\"QueueUrl\":\"u\",\"MessageBody\":\"b\",\"DelaySeconds\":\"soon\"}")))
                .isInstanceOfSatisfying(ServiceException.class, e -> assertThat(e.getMessage()).contains("SendMessage.DelaySeconds"));
        assertThat(fake.requests).isEmpty();
    }

    @Test
    void a_service_with_no_sdk_client_on_the_classpath_fails_clearly() {
        // Step Functions' own client is not among this module's dependencies
        try (RemoteService states = RemoteService.of(new StubService("states", List.of("AWSStepFunctions."), java.util.Set.of()),
                Remote.of(fake.endpoint(), "eu-west-1", "a", "b"));
             RemoteService unknown = RemoteService.of(new StubService("quantum", List.of(), java.util.Set.of()),
                Remote.of(fake.endpoint(), "eu-west-1", "a", "b"))) {
            assertThatThrownBy(() -> states.call(call("ListStateMachines", "{}")))
                    .isInstanceOf(ServiceException.class).hasMessageContaining("SfnClient").hasMessageContaining("classpath");
            assertThatThrownBy(() -> unknown.call(call("Go", "{}")))
                    .isInstanceOf(ServiceException.class).hasMessageContaining("quantum");
        }
    }

    @Test
    void an_unreachable_remote_is_service_unavailable() throws Exception {
        java.net.URI closed;
        try (FakeRemote gone = new FakeRemote()) {
            closed = gone.endpoint();
        }
        try (RemoteService down = RemoteService.of(StubService.sns(), Remote.of(closed, "eu-west-1", "a", "b"))) {
            assertThatThrownBy(() -> down.call(call("ListTopics", "{}")))
                    .isInstanceOfSatisfying(ServiceException.class, e -> {
                        assertThat(e.code()).isEqualTo("ServiceUnavailable");
                        assertThat(e.status()).isEqualTo(503);
                        assertThat(e.getMessage()).contains(closed.toString());
                    });
        }
    }
}
