package dev.stride.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;

class MetricsTest extends ApiFixture {
    @Test
    void theMetricsEndpointCountsExecutionsTransitionsAndRequests() throws Exception {
        String standard = createMachine("metrics-std", HELLO);
        String failing = createMachine("metrics-fail", FAILING);
        String express = createExpress("metrics-exp", HELLO);
        awaitDone(sfn.startExecution(b -> b.stateMachineArn(standard).input("{\"name\":\"m\"}")).executionArn());
        awaitDone(sfn.startExecution(b -> b.stateMachineArn(failing)).executionArn());
        sfn.startSyncExecution(b -> b.stateMachineArn(express).input("{\"name\":\"m\"}"));

        String text = poll(this::scrape, t -> t.contains("stride_executions_failed_total{type=\"STANDARD\"} 1.0"));
        assertThat(text).contains("stride_executions_started_total{type=\"STANDARD\"} 2.0");
        assertThat(text).contains("stride_executions_succeeded_total{type=\"STANDARD\"} 1.0");
        assertThat(text).contains("stride_executions_started_total{type=\"EXPRESS\"} 1.0");
        assertThat(text).contains("stride_executions_succeeded_total{type=\"EXPRESS\"} 1.0");
        assertThat(text).contains("stride_state_transitions_total{type=\"STANDARD\"} 2.0");
        assertThat(text).contains("stride_api_requests_seconds_count{action=\"StartExecution\",outcome=\"ok\"} 2");
    }

    private String scrape() {
        try {
            HttpResponse<String> r = HttpClient.newHttpClient().send(
                    HttpRequest.newBuilder(URI.create("http://localhost:" + server.port() + "/metrics")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(r.statusCode()).isEqualTo(200);
            return r.body();
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }
}
