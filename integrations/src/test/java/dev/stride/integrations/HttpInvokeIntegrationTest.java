package dev.stride.integrations;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.stride.engine.ExecutionStatus;
import dev.stride.engine.ExecutionView;
import dev.stride.expr.Json;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The HTTP Task against a real HTTP server started by the test. */
class HttpInvokeIntegrationTest {
    static final String CONN = "arn:aws:events:us-east-1:123456789012:connection/api/0001";

    static String task(String parameters) {
        return """
            {"StartAt": "Call", "States": {"Call": {"Type": "Task", "Resource": "arn:aws:states:::http:invoke",
              "Parameters": %s, "End": true}}}
            """.formatted(parameters);
    }

    @Test
    void aGetSendsQueryParametersHeadersAndTheApiKeyAndReturnsAwsResponseShape() throws Exception {
        try (TestHttpServer server = new TestHttpServer().on("/items", req ->
                new TestHttpServer.Answer(200, "application/json", "{\"items\": [1, 2]}"));
             Runner r = new Runner(Integrations.builder().connection(CONN,
                     new Connection(new Connection.ApiKey("x-api-key", "s3cret"), java.util.Map.of("X-Team", "core"), java.util.Map.of("tenant", "t1"))))) {
            String arn = r.start(task("""
                {"ApiEndpoint": "%s", "Method": "GET", "Authentication": {"ConnectionArn": "%s"},
                 "Headers": {"X-Trace": "abc"}, "QueryParameters": {"q": "red shoes", "ids": [1, 2]}}
                """.formatted(server.url("/items"), CONN)), "{}");
            ExecutionView v = r.await(arn);
            assertThat(v.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
            assertThat(v.output().fieldNames()).toIterable().containsExactly("Headers", "ResponseBody", "StatusCode", "StatusText");
            assertThat(v.output().get("ResponseBody")).isEqualTo(Json.parse("{\"items\": [1, 2]}"));
            assertThat(v.output().get("StatusCode").intValue()).isEqualTo(200);
            assertThat(v.output().get("StatusText").textValue()).isEqualTo("OK");
            assertThat(v.output().at("/Headers/content-type/0").textValue()).isEqualTo("application/json");
            TestHttpServer.Request req = server.requests.get(0);
            assertThat(URLDecoder.decode(req.query(), StandardCharsets.UTF_8)).isEqualTo("tenant=t1&q=red shoes&ids[0]=1&ids[1]=2");
            assertThat(req.headers().getFirst("x-api-key")).isEqualTo("s3cret");
            assertThat(req.headers().getFirst("X-Team")).isEqualTo("core");
            assertThat(req.headers().getFirst("X-Trace")).isEqualTo("abc");
            assertThat(req.headers().getFirst("User-Agent")).startsWith("Amazon|StepFunctions|HttpInvoke|");
            assertThat(r.types(arn)).containsSubsequence("TaskScheduled", "TaskStarted", "TaskSucceeded");
            assertThat(r.event(arn, "TaskScheduled").details().get("resourceType").textValue()).isEqualTo("http");
        }
    }

    @Test
    void aUrlEncodedBodyFollowsTheArrayFormatAndBasicAuthIsSent() throws Exception {
        try (TestHttpServer server = new TestHttpServer().on("/form", req -> new TestHttpServer.Answer(201, "text/plain", "made"));
             Runner r = new Runner(Integrations.builder().connection(CONN, Connection.of(new Connection.Basic("ada", "pw"))))) {
            ExecutionView v = r.run(task("""
                {"ApiEndpoint": "%s", "Method": "POST", "Authentication": {"ConnectionArn": "%s"},
                 "RequestBody": {"name": "a b", "tags": ["x", "y"], "owner": {"id": 7}},
                 "Transform": {"RequestBodyEncoding": "URL_ENCODED", "RequestEncodingOptions": {"ArrayFormat": "BRACKETS"}}}
                """.formatted(server.url("/form"), CONN)), "{}");
            assertThat(v.output().get("ResponseBody").textValue()).isEqualTo("made");
            assertThat(v.output().get("StatusText").textValue()).isEqualTo("Created");
            TestHttpServer.Request req = server.requests.get(0);
            assertThat(URLDecoder.decode(req.body(), StandardCharsets.UTF_8)).isEqualTo("name=a b&tags[]=x&tags[]=y&owner[id]=7");
            assertThat(req.headers().getFirst("Content-Type")).isEqualTo("application/x-www-form-urlencoded");
            assertThat(req.headers().getFirst("Authorization")).isEqualTo("Basic " + Base64.getEncoder().encodeToString("ada:pw".getBytes()));
        }
    }

    @Test
    void aJsonBodyIsPostedAsJson() throws Exception {
        try (TestHttpServer server = new TestHttpServer().on("/echo", req -> new TestHttpServer.Answer(200, "application/json", req.body()));
             Runner r = new Runner(Integrations.builder())) {
            ExecutionView v = r.run(task("""
                {"ApiEndpoint": "%s", "Method": "PUT", "RequestBody": {"n.$": "$.n"}}
                """.formatted(server.url("/echo"))), "{\"n\": [1, {\"a\": true}]}");
            assertThat(v.output().get("ResponseBody")).isEqualTo(Json.parse("{\"n\": [1, {\"a\": true}]}"));
            assertThat(server.requests.get(0).headers().getFirst("Content-Type")).startsWith("application/json");
        }
    }

    @Test
    void aNon2xxAnswerFailsWithStatesHttpStatusCodeAndCanBeRetriedAndCaught() throws Exception {
        try (TestHttpServer server = new TestHttpServer().on("/missing", req -> new TestHttpServer.Answer(404, "application/json", "{\"message\": \"no such thing\"}"));
             Runner r = new Runner(Integrations.builder())) {
            String arn = r.start("""
                {"StartAt": "Call", "States": {
                  "Call": {"Type": "Task", "Resource": "arn:aws:states:::http:invoke",
                    "Parameters": {"ApiEndpoint": "%s", "Method": "GET"},
                    "Retry": [{"ErrorEquals": ["States.Http.StatusCode.404"], "IntervalSeconds": 1, "MaxAttempts": 1}],
                    "Catch": [{"ErrorEquals": ["States.Http.StatusCode.404"], "Next": "NotFound"}], "End": true},
                  "NotFound": {"Type": "Pass", "End": true}}}
                """.formatted(server.url("/missing")), "{}");
            ExecutionView v = r.await(arn);
            assertThat(v.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
            assertThat(v.output().get("Error").textValue()).isEqualTo("States.Http.StatusCode.404");
            JsonNode cause = Json.parse(v.output().get("Cause").textValue());
            assertThat(cause.get("StatusCode").intValue()).isEqualTo(404);
            assertThat(cause.get("StatusText").textValue()).isEqualTo("Not Found");
            assertThat(cause.get("ResponseBody")).isEqualTo(Json.parse("{\"message\": \"no such thing\"}"));
            assertThat(server.requests).hasSize(2);
            assertThat(r.types(arn).stream().filter(t -> t.equals("TaskFailed")).count()).isEqualTo(2);
        }
    }

    @Test
    void anOAuthConnectionFetchesATokenOnceAndSendsItAsBearer() throws Exception {
        try (TestHttpServer server = new TestHttpServer()
                .on("/token", req -> new TestHttpServer.Answer(200, "application/json", "{\"access_token\": \"tok-1\", \"expires_in\": 3600}"))
                .on("/api", req -> new TestHttpServer.Answer(200, "application/json", "{\"auth\": \"" + req.headers().getFirst("Authorization") + "\"}"))) {
            var oauth = new Connection.OAuth(server.url("/token"), "client", "secret", List.of("read", "write"));
            try (Runner r = new Runner(Integrations.builder().connection(CONN, Connection.of(oauth)))) {
                String def = task("""
                    {"ApiEndpoint": "%s", "Method": "GET", "Authentication": {"ConnectionArn": "%s"}}
                    """.formatted(server.url("/api"), CONN));
                assertThat(r.run(def, "{}").output().at("/ResponseBody/auth").textValue()).isEqualTo("Bearer tok-1");
                assertThat(r.run(def, "{}").output().at("/ResponseBody/auth").textValue()).isEqualTo("Bearer tok-1");
                List<TestHttpServer.Request> tokenCalls = server.requests.stream().filter(q -> q.path().equals("/token")).toList();
                assertThat(tokenCalls).hasSize(1);
                assertThat(URLDecoder.decode(tokenCalls.get(0).body(), StandardCharsets.UTF_8)).isEqualTo("grant_type=client_credentials&scope=read write");
                assertThat(tokenCalls.get(0).headers().getFirst("Authorization")).isEqualTo("Basic " + Base64.getEncoder().encodeToString("client:secret".getBytes()));
            }
        }
    }

    @Test
    void anUnreachableEndpointFailsWithStatesHttpSocket() throws Exception {
        int port;
        try (var s = new java.net.ServerSocket(0)) {
            port = s.getLocalPort();
        }
        try (Runner r = new Runner(Integrations.builder())) {
            ExecutionView v = r.run(task("{\"ApiEndpoint\": \"http://127.0.0.1:" + port + "/x\", \"Method\": \"GET\"}"), "{}");
            assertThat(v.error()).isEqualTo("States.Http.Socket");
            assertThat(v.cause()).contains("127.0.0.1:" + port);
        }
    }
}
