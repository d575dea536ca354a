package dev.stride.service.passthrough;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.stride.service.JsonProtocol;
import dev.stride.service.ServiceRequest;
import dev.stride.service.ServiceResponse;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class RemoteServiceServeTest {
    private static final String SECRET = "remote-secret";
    private FakeRemote fake;
    private RemoteService sqs;

    @BeforeEach
    void start() throws Exception {
        fake = new FakeRemote();
        sqs = RemoteService.of(StubService.sqs(), Remote.of(fake.endpoint(), "eu-west-1", "AKIDREMOTE", SECRET));
    }

    @AfterEach
    void stop() {
        sqs.close();
        fake.close();
    }

    /** A request as an SDK client sends it to Stride, signed for Stride with the client's own keys. */
    private static ServiceRequest clientRequest(String method, String path, String query, String target, String body) {
        Map<String, List<String>> headers = new java.util.LinkedHashMap<>();
        headers.put("Host", List.of("localhost:8083"));
        headers.put("Authorization", List.of("AWS4-HMAC-SHA256 Credential=AKIDLOCAL/20240101/us-east-1/sqs/aws4_request, "
                + "SignedHeaders=host;x-amz-date, Signature=" + "0".repeat(64)));
        headers.put("X-Amz-Date", List.of("20240101T000000Z"));
        headers.put("X-Amz-Security-Token", List.of("local-token"));
        headers.put("Content-Length", List.of(String.valueOf(body.length())));
        headers.put("Content-Type", List.of(target == null ? "application/x-www-form-urlencoded" : "application/x-amz-json-1.0"));
        headers.put("User-Agent", List.of("aws-sdk-java/2 test"));
        if (target != null) headers.put("X-Amz-Target", List.of(target));
        return new ServiceRequest(method, path, query, headers, body.getBytes(StandardCharsets.UTF_8), "us-east-1", "000000000000",
                "http://localhost:8083");
    }

    @Test
    void a_client_request_reaches_the_remote_as_it_came_with_its_body_path_and_query() {
        fake.answer(200, "application/x-amz-json-1.0", "{\"MessageId\":\"m-1\"}", Map.of("x-amzn-RequestId", "req-1", "Server", "fake"));
        String body = "{\"QueueUrl\":\"http://localhost:8083/000000000000/orders\",\"MessageBody\":\"hello\"}";

        ServiceResponse reply = sqs.serve(clientRequest("POST", "/000000000000/orders", "a=1&b=two%20words", "AmazonSQS.SendMessage", body));

        FakeRemote.Recorded got = fake.last();
        assertThat(got.method()).isEqualTo("POST");
        assertThat(got.rawPath()).isEqualTo("/000000000000/orders");
        assertThat(got.rawQuery()).isEqualTo("a=1&b=two%20words");
        assertThat(got.text()).isEqualTo(body);
        assertThat(got.header("x-amz-target")).isEqualTo("AmazonSQS.SendMessage");
        assertThat(got.header("content-type")).isEqualTo("application/x-amz-json-1.0");
        assertThat(got.header("user-agent")).isEqualTo("aws-sdk-java/2 test");
        assertThat(got.header("host")).isEqualTo(fake.endpoint().getAuthority());
        assertThat(got.header("x-amz-security-token")).as("the client's token is Stride's, not the remote's").isNull();

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.contentType()).isEqualTo("application/x-amz-json-1.0");
        assertThat(new String(reply.body(), StandardCharsets.UTF_8)).isEqualTo("{\"MessageId\":\"m-1\"}");
        assertThat(reply.headers()).containsEntry("x-amzn-requestid", "req-1").doesNotContainKey("Server");
    }

    @Test
    void the_forwarded_request_is_signed_for_the_remote_region_and_credentials() throws Exception {
        String today = DateTimeFormatter.ofPattern("yyyyMMdd").withZone(ZoneOffset.UTC).format(Instant.now());

        sqs.serve(clientRequest("POST", "/", "Action=ListQueues&Version=2012-11-05", "AmazonSQS.ListQueues", "{}"));

        FakeRemote.Recorded got = fake.last();
        SigV4Check.Parsed auth = SigV4Check.parse(got.header("authorization"));
        assertThat(auth.accessKey()).isEqualTo("AKIDREMOTE");
        assertThat(auth.region()).isEqualTo("eu-west-1");
        assertThat(auth.service()).isEqualTo("sqs");
        assertThat(auth.date()).isEqualTo(today);
        assertThat(auth.signedHeaders()).contains("host", "x-amz-date", "x-amz-target", "content-type");
        assertThat(auth.signature()).isEqualTo(SigV4Check.expected(got, SECRET));
        assertThat(got.header("x-amz-date")).isNotEqualTo("20240101T000000Z");
    }

    @Test
    void temporary_credentials_send_their_session_token_and_sign_it() throws Exception {
        try (RemoteService withToken = RemoteService.of(StubService.sns(),
                new Remote(fake.endpoint(), "ap-southeast-2", "ASIATEMP", SECRET, "the-session-token"))) {
            fake.answer(200, "text/xml", "<PublishResponse/>", Map.of());

            withToken.serve(clientRequest("POST", "/", null, null, "Action=Publish&TopicArn=arn&Message=hi"));

            FakeRemote.Recorded got = fake.last();
            assertThat(got.header("x-amz-security-token")).isEqualTo("the-session-token");
            SigV4Check.Parsed auth = SigV4Check.parse(got.header("authorization"));
            assertThat(auth.service()).isEqualTo("sns");
            assertThat(auth.region()).isEqualTo("ap-southeast-2");
            assertThat(auth.signedHeaders()).contains("x-amz-security-token");
            assertThat(auth.signature()).isEqualTo(SigV4Check.expected(got, SECRET));
            assertThat(got.text()).isEqualTo("Action=Publish&TopicArn=arn&Message=hi");
        }
    }

    @Test
    void the_remotes_error_reply_comes_back_unchanged_with_its_query_error_header() {
        String error = "{\"__type\":\"com.amazonaws.sqs#QueueDoesNotExist\",\"message\":\"The specified queue does not exist.\"}";
        fake.answer(400, "application/x-amz-json-1.0", error,
                Map.of("x-amzn-query-error", "AWS.SimpleQueueService.NonExistentQueue;Sender"));

        ServiceResponse reply = sqs.serve(clientRequest("POST", "/", null, "AmazonSQS.GetQueueUrl", "{\"QueueName\":\"nope\"}"));

        assertThat(reply.status()).isEqualTo(400);
        assertThat(new String(reply.body(), StandardCharsets.UTF_8)).isEqualTo(error);
        assertThat(reply.headers()).containsValue("AWS.SimpleQueueService.NonExistentQueue;Sender");
    }

    @Test
    void an_endpoint_with_a_path_keeps_it_before_the_requests_path() throws Exception {
        try (RemoteService prefixed = RemoteService.of(StubService.sqs(),
                Remote.of(URI.create(fake.endpoint() + "/proxy/"), "eu-west-1", "AKIDREMOTE", SECRET))) {
            prefixed.serve(clientRequest("GET", "/000000000000/my queue", null, "AmazonSQS.GetQueueAttributes", ""));

            FakeRemote.Recorded got = fake.last();
            assertThat(got.method()).isEqualTo("GET");
            assertThat(got.rawPath()).isEqualTo("/proxy/000000000000/my%20queue");
            assertThat(got.body()).isEmpty();
        }
    }

    @Test
    void an_unreachable_remote_is_a_503_in_the_requests_protocol_naming_the_endpoint() throws Exception {
        URI closed;
        try (FakeRemote gone = new FakeRemote()) {
            closed = gone.endpoint();
        }
        try (RemoteService down = RemoteService.of(StubService.sqs(), Remote.of(closed, "eu-west-1", "AKIDREMOTE", SECRET))) {
            ServiceResponse json = down.serve(clientRequest("POST", "/", null, "AmazonSQS.ListQueues", "{}"));
            ServiceResponse query = down.serve(clientRequest("POST", "/", null, null, "Action=ListQueues"));

            assertThat(json.status()).isEqualTo(503);
            JsonNode body = JsonProtocol.MAPPER.readTree(json.body());
            assertThat(body.path("__type").asText()).isEqualTo("ServiceUnavailable");
            assertThat(body.path("message").asText()).contains(closed.toString());
            assertThat(query.status()).isEqualTo(503);
            assertThat(new String(query.body(), StandardCharsets.UTF_8)).contains("<Code>ServiceUnavailable</Code>").contains(closed.toString());
        }
    }

    @Test
    void it_keeps_the_local_services_routing_identity() {
        assertThat(sqs.signingName()).isEqualTo("sqs");
        assertThat(sqs.targetPrefixes()).containsExactly("AmazonSQS.");
        assertThat(sqs.queryActions()).contains("SendMessage");
        assertThat(sqs.remote().toString()).doesNotContain(SECRET);
    }

    @Test
    void with_no_endpoint_it_signs_for_and_goes_to_awss_own_regional_endpoint() {
        assertThat(dev.stride.service.passthrough.internal.RemoteEndpoint.of(Remote.of(null, "eu-west-1", "a", "b"), "sqs"))
                .isEqualTo(URI.create("https://sqs.eu-west-1.amazonaws.com"));
        assertThat(dev.stride.service.passthrough.internal.RemoteEndpoint.of(Remote.of(null, "us-east-2", "a", "b"), "sns"))
                .isEqualTo(URI.create("https://sns.us-east-2.amazonaws.com"));
    }
}
