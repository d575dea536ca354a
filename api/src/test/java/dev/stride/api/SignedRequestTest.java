package dev.stride.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sfn.SfnClient;
import software.amazon.awssdk.services.sfn.model.SfnException;

/** With access keys configured, only requests SigV4-signed with one of them are served. */
class SignedRequestTest extends ApiFixture {
    @Override
    ServerConfig config() { return super.config().withAccessKeys(Map.of("stride", "stride", "AKIDOTHER", "s3cr3t/+=")); }

    @Test
    void requestsSignedWithAConfiguredKeyAreServed() {
        String sm = createMachine("signed", HELLO);
        var out = sfn.startExecution(b -> b.stateMachineArn(sm).input("{\"name\":\"sig\"}"));
        assertThat(awaitDone(out.executionArn()).output()).isEqualTo("{\"greeting\":\"hello sig\"}");
        try (SfnClient other = client(server.port(), "AKIDOTHER", "s3cr3t/+=")) {
            assertThat(other.listStateMachines().stateMachines()).isNotEmpty();
        }
    }

    @Test
    void aWrongSecretIsAnInvalidSignature() {
        try (SfnClient wrong = client(server.port(), "stride", "not-the-secret")) {
            assertThatThrownBy(wrong::listStateMachines).isInstanceOfSatisfying(SfnException.class, e -> {
                assertThat(e.awsErrorDetails().errorCode()).isEqualTo("InvalidSignatureException");
                assertThat(e.statusCode()).isEqualTo(400);
            });
        }
    }

    @Test
    void anUnknownKeyIsAnUnrecognizedClient() {
        try (SfnClient unknown = client(server.port(), "AKIDUNKNOWN", "stride")) {
            assertThatThrownBy(unknown::listStateMachines).isInstanceOfSatisfying(SfnException.class,
                    e -> assertThat(e.awsErrorDetails().errorCode()).isEqualTo("UnrecognizedClientException"));
        }
    }

    @Test
    void anUnsignedRequestIsRefusedButHealthAndMetricsStayOpen() throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        HttpResponse<String> unsigned = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + server.port() + "/"))
                .header("X-Amz-Target", "AWSStepFunctions.ListStateMachines")
                .header("Content-Type", "application/x-amz-json-1.0")
                .POST(HttpRequest.BodyPublishers.ofString("{}")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(unsigned.statusCode()).isEqualTo(400);
        assertThat(unsigned.body()).contains("MissingAuthenticationTokenException");
        HttpResponse<String> health = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + server.port() + "/health")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(health.statusCode()).isEqualTo(200);
    }
}
