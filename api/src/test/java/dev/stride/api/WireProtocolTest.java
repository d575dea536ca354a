package dev.stride.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The HTTP edge as any client sees it: targets, content type, error bodies, health. */
class WireProtocolTest extends ApiFixture {
    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void anUnknownActionIsUnknownOperationException() throws Exception {
        HttpResponse<String> r = post(server.port(), "AWSStepFunctions.DoSomethingNew", "{}");

        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(r.headers().firstValue("Content-Type")).hasValue(HttpEntry.CONTENT_TYPE);
        assertThat(json(r).get("__type").asText()).isEqualTo("UnknownOperationException");
    }

    @Test
    void aMissingTargetIsUnknownOperationException() throws Exception {
        assertThat(json(post(server.port(), null, "{}")).get("__type").asText()).isEqualTo("UnknownOperationException");
    }

    @Test
    void aBodyThatIsNotJsonIsSerializationException() throws Exception {
        HttpResponse<String> r = post(server.port(), "AWSStepFunctions.ListStateMachines", "{oops");

        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(json(r).get("__type").asText()).isEqualTo("SerializationException");
    }

    @Test
    void aMissingRequiredMemberIsValidationException() throws Exception {
        HttpResponse<String> r = post(server.port(), "AWSStepFunctions.DescribeStateMachine", "{}");

        assertThat(json(r).get("__type").asText()).isEqualTo("ValidationException");
        assertThat(json(r).get("message").asText()).contains("'stateMachineArn'");
    }

    @Test
    void timestampsAreEpochSecondsNumbers() throws Exception {
        createMachine("wire-dates", HELLO);

        JsonNode list = json(post(server.port(), "AWSStepFunctions.ListStateMachines", "{}"));

        assertThat(list.get("stateMachines").get(0).get("creationDate").isNumber()).isTrue();
        assertThat(list.get("stateMachines").get(0).get("creationDate").asDouble())
                .isCloseTo(System.currentTimeMillis() / 1000.0, org.assertj.core.data.Offset.offset(600.0));
    }

    @Test
    void theHealthEndpointSaysUp() throws Exception {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + server.port() + "/health")).build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.body()).isEqualTo("{\"status\":\"UP\"}");
    }

    @Test
    void aBugInAnOperationIsA500AndTheServerKeepsServing() throws Exception {
        Operations ops = new Operations(Map.of(
                "Boom", r -> { throw new IllegalStateException("expected a bug"); },
                "Fine", r -> Wire.object().put("ok", true)));
        HttpServer bare = HttpServer.create(new InetSocketAddress(0), 0);
        bare.createContext("/", new HttpEntry(ops, new Metrics(), null, new ServiceRouter(java.util.List.of()), "us-east-1", "123456789012"));
        bare.start();
        try {
            int port = bare.getAddress().getPort();
            HttpResponse<String> boom = post(port, "AWSStepFunctions.Boom", "{}");
            HttpResponse<String> fine = post(port, "AWSStepFunctions.Fine", "{}");

            assertThat(boom.statusCode()).isEqualTo(500);
            assertThat(json(boom).get("__type").asText()).isEqualTo("InternalServerError");
            assertThat(fine.statusCode()).isEqualTo(200);
            assertThat(json(fine).get("ok").asBoolean()).isTrue();
        } finally {
            bare.stop(0);
        }
    }

    private HttpResponse<String> post(int port, String target, String body) throws IOException, InterruptedException {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/"))
                .header("Content-Type", HttpEntry.CONTENT_TYPE)
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (target != null) b.header("X-Amz-Target", target);
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static JsonNode json(HttpResponse<String> r) throws IOException { return Wire.MAPPER.readTree(r.body()); }
}
