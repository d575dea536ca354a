package dev.stride.integrations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.stride.engine.ExecutionStatus;
import dev.stride.engine.ExecutionView;
import dev.stride.expr.Json;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Lambda Task states run against real local functions: a python process, an HTTP server, a Java class. */
class LambdaIntegrationTest {
    static final String PY = """
        import json, sys
        event = json.load(sys.stdin)
        if event.get("fail"):
            print(json.dumps({"errorType": "ValueError", "errorMessage": "bad order " + str(event["id"]), "stackTrace": ["fn.py line 5"]}))
            sys.exit(1)
        print("a log line before the result")
        print(json.dumps({"total": event["qty"] * 2, "fn": __import__("os").environ["AWS_LAMBDA_FUNCTION_NAME"]}))
        """;

    @TempDir
    Path dir;

    Integrations.Builder withPythonFunction() throws Exception {
        Files.writeString(dir.resolve("fn.py"), PY);
        Files.writeString(dir.resolve("stride.yaml"), """
            functions:
              double:
                command: [python3, fn.py]
              crash:
                command: "echo something broke >&2; exit 3"
            """);
        return Integrations.builder().config(dir.resolve("stride.yaml"));
    }

    @Test
    void lambdaInvokeRunsACommandAndWrapsThePayloadAsAwsDoes() throws Exception {
        try (Runner r = new Runner(withPythonFunction())) {
            String arn = r.start("""
                {"StartAt": "Call", "States": {"Call": {"Type": "Task", "Resource": "arn:aws:states:::lambda:invoke",
                  "Parameters": {"FunctionName": "arn:aws:lambda:us-east-1:123456789012:function:double", "Payload": {"qty.$": "$.qty"}},
                  "ResultSelector": {"payload.$": "$.Payload", "status.$": "$.StatusCode", "version.$": "$.ExecutedVersion"}, "End": true}}}
                """, "{\"qty\": 21}");
            ExecutionView v = r.await(arn);
            assertThat(v.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
            assertThat(v.output()).isEqualTo(Json.parse("{\"payload\": {\"total\": 42, \"fn\": \"double\"}, \"status\": 200, \"version\": \"$LATEST\"}"));
            JsonNode raw = r.outputOf(arn, "TaskSucceeded");
            assertThat(raw.fieldNames()).toIterable().containsExactly("ExecutedVersion", "Payload", "SdkHttpMetadata", "SdkResponseMetadata", "StatusCode");
            assertThat(raw.at("/SdkHttpMetadata/HttpStatusCode").intValue()).isEqualTo(200);
            assertThat(r.types(arn)).containsSubsequence("TaskStateEntered", "TaskScheduled", "TaskStarted", "TaskSucceeded", "TaskStateExited", "ExecutionSucceeded");
            assertThat(r.event(arn, "TaskScheduled").details().get("resourceType").textValue()).isEqualTo("lambda");
        }
    }

    @Test
    void aFunctionErrorIsNamedByItsErrorTypeWithLambdasErrorJsonAsCause() throws Exception {
        try (Runner r = new Runner(withPythonFunction())) {
            String arn = r.start("""
                {"StartAt": "Call", "States": {
                  "Call": {"Type": "Task", "Resource": "arn:aws:lambda:us-east-1:123456789012:function:double",
                    "Catch": [{"ErrorEquals": ["ValueError"], "ResultPath": "$.error", "Next": "Handled"}], "End": true},
                  "Handled": {"Type": "Pass", "End": true}}}
                """, "{\"fail\": true, \"id\": 7}");
            ExecutionView v = r.await(arn);
            assertThat(v.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
            assertThat(v.output().at("/error/Error").textValue()).isEqualTo("ValueError");
            JsonNode cause = Json.parse(v.output().at("/error/Cause").textValue());
            assertThat(cause.fieldNames()).toIterable().containsExactly("errorMessage", "errorType", "requestId", "stackTrace");
            assertThat(cause.get("errorMessage").textValue()).isEqualTo("bad order 7");
            assertThat(cause.get("stackTrace").get(0).textValue()).isEqualTo("fn.py line 5");
            assertThat(r.types(arn)).containsSubsequence("LambdaFunctionScheduled", "LambdaFunctionStarted", "LambdaFunctionFailed", "TaskStateExited");
        }
    }

    @Test
    void aCommandThatExitsNonZeroFailsWithRuntimeExitErrorAndItsStderr() throws Exception {
        try (Runner r = new Runner(withPythonFunction())) {
            ExecutionView v = r.run("""
                {"StartAt": "Call", "States": {"Call": {"Type": "Task", "Resource": "arn:aws:lambda:us-east-1:123456789012:function:crash", "End": true}}}
                """, "{}");
            assertThat(v.status()).isEqualTo(ExecutionStatus.FAILED);
            assertThat(v.error()).isEqualTo("Runtime.ExitError");
            assertThat(Json.parse(v.cause()).get("errorMessage").textValue()).contains("exit status 3").contains("something broke");
        }
    }

    @Test
    void aFunctionArnCallsAnHttpFunctionAndReturnsTheRawPayload() throws Exception {
        try (TestHttpServer server = new TestHttpServer().on("/2015-03-31/functions/function/invocations",
                req -> new TestHttpServer.Answer(200, "application/json", "{\"echo\": " + req.body() + "}"));
             Runner r = new Runner(Integrations.builder().config(StrideConfig.parse(
                     "functions: {'arn:aws:lambda:eu-west-1:111111111111:function:echo': {http: '"
                             + server.url("/2015-03-31/functions/function/invocations") + "'}}", dir, System::getenv)))) {
            String arn = r.start("""
                {"StartAt": "Call", "States": {"Call": {"Type": "Task", "Resource": "arn:aws:lambda:us-east-1:123456789012:function:echo:live", "End": true}}}
                """, "{\"a\": 1}");
            ExecutionView v = r.await(arn);
            assertThat(v.output()).isEqualTo(Json.parse("{\"echo\": {\"a\": 1}}"));
            assertThat(r.types(arn)).containsSubsequence("LambdaFunctionScheduled", "LambdaFunctionStarted", "LambdaFunctionSucceeded");
            assertThat(r.outputOf(arn, "LambdaFunctionSucceeded")).isEqualTo(Json.parse("{\"echo\": {\"a\": 1}}"));
        }
    }

    public static final class Greeter implements LocalFunction {
        @Override
        public JsonNode invoke(JsonNode event, Context ctx) throws Exception {
            if (event.path("name").asText().isEmpty()) throw new FunctionError("NameMissing", "who?");
            return Json.NODES.objectNode().put("greeting", "hello " + event.get("name").asText()).put("qualifier", ctx.qualifier());
        }
    }

    @Test
    void aJavaClassFunctionIsFoundByNameAndQualifierAndItsFunctionErrorsAreTaskErrors() throws Exception {
        String config = "functions: {greeter: {class: " + Greeter.class.getName() + "}}";
        try (Runner r = new Runner(Integrations.builder().config(StrideConfig.parse(config, dir, System::getenv)))) {
            ExecutionView ok = r.run("""
                {"StartAt": "Call", "States": {"Call": {"Type": "Task", "Resource": "arn:aws:states:::lambda:invoke",
                  "Parameters": {"FunctionName": "greeter", "Qualifier": "prod", "Payload.$": "$"}, "OutputPath": "$.Payload", "End": true}}}
                """, "{\"name\": \"Ada\"}");
            assertThat(ok.output()).isEqualTo(Json.parse("{\"greeting\": \"hello Ada\", \"qualifier\": \"prod\"}"));
            ExecutionView failed = r.run("""
                {"StartAt": "Call", "States": {"Call": {"Type": "Task", "Resource": "arn:aws:states:::lambda:invoke",
                  "Parameters": {"FunctionName": "greeter", "Payload": {}}, "End": true}}}
                """, "{}");
            assertThat(failed.error()).isEqualTo("NameMissing");
            assertThat(Json.parse(failed.cause()).get("errorMessage").textValue()).isEqualTo("who?");
        }
    }

    @Test
    void anUnconfiguredFunctionFailsWithResourceNotFoundAndSaysHowToConfigureIt() throws Exception {
        try (Runner r = new Runner(Integrations.builder().function("other", (e, c) -> e))) {
            ExecutionView v = r.run("""
                {"StartAt": "Call", "States": {"Call": {"Type": "Task", "Resource": "arn:aws:states:::lambda:invoke",
                  "Parameters": {"FunctionName": "missing"}, "End": true}}}
                """, "{}");
            assertThat(v.error()).isEqualTo("Lambda.ResourceNotFoundException");
            assertThat(v.cause()).startsWith("Function not found: arn:aws:lambda:us-east-1:123456789012:function:missing")
                    .contains("functions:").contains("stride.yaml").contains("configured: other");
        }
    }

    @Test
    void anEventInvocationFromOutsideATaskFindsTheFunctionByArnAndAliasAndDoesNotWait() throws Exception {
        BlockingQueue<Object[]> calls = new LinkedBlockingQueue<>();
        CountDownLatch release = new CountDownLatch(1);
        try (Integrations integrations = Integrations.builder().function("notify", (event, ctx) -> {
            boolean returnedFirst = release.await(5, TimeUnit.SECONDS); // false had invokeEvent waited for the function
            calls.add(new Object[] {event, ctx, returnedFirst});
            return null;
        }).build()) {
            integrations.invokeEvent("arn:aws:lambda:eu-west-1:111122223333:function:notify:live", Json.parse("{\"Records\": []}"));
            release.countDown();
            Object[] call = calls.poll(5, TimeUnit.SECONDS);
            assertThat(call).isNotNull();
            assertThat(call[2]).isEqualTo(true);
            assertThat(call[0]).isEqualTo(Json.parse("{\"Records\": []}"));
            LocalFunction.Context ctx = (LocalFunction.Context) call[1];
            assertThat(ctx.functionName()).isEqualTo("notify");
            assertThat(ctx.qualifier()).isEqualTo("live");
            assertThat(ctx.executionArn()).isNull();
            assertThatThrownBy(() -> integrations.invokeEvent("missing", Json.NODES.objectNode()))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("Function not found: ");
        }
    }

    @Test
    void waitForTaskTokenInvokesTheFunctionThenWaitsForSendTaskSuccess() throws Exception {
        List<String> tokens = new java.util.concurrent.CopyOnWriteArrayList<>();
        Integrations.Builder b = Integrations.builder().function("approve", (event, ctx) -> {
            tokens.add(event.get("token").textValue());
            return Json.NODES.objectNode().put("queued", true);
        });
        try (Runner r = new Runner(b)) {
            String arn = r.start("""
                {"StartAt": "Ask", "States": {"Ask": {"Type": "Task", "Resource": "arn:aws:states:::lambda:invoke.waitForTaskToken",
                  "Parameters": {"FunctionName": "approve", "Payload": {"token.$": "$$.Task.Token"}}, "End": true}}}
                """, "{}");
            Runner.waitFor(() -> !tokens.isEmpty() && r.types(arn).contains("TaskSubmitted"));
            assertThat(r.describeStatus(arn)).isEqualTo(ExecutionStatus.RUNNING);
            assertThat(r.engine.sendTaskSuccess(tokens.get(0), Json.parse("{\"approved\": true}"))).isTrue();
            ExecutionView v = r.await(arn);
            assertThat(v.output()).isEqualTo(Json.parse("{\"approved\": true}"));
            assertThat(r.types(arn)).containsSubsequence("TaskScheduled", "TaskStarted", "TaskSubmitted", "TaskSucceeded");
            assertThat(r.outputOf(arn, "TaskSubmitted").at("/Payload/queued").booleanValue()).isTrue();
        }
    }

    @Test
    void aTaskTimeoutKillsTheRunningProcess() throws Exception {
        Path marker = dir.resolve("finished");
        Files.writeString(dir.resolve("stride.yaml"), "functions: {slow: {command: \"sleep 5; touch finished\"}}");
        try (Runner r = new Runner(Integrations.builder().config(dir.resolve("stride.yaml")))) {
            long t0 = System.nanoTime();
            ExecutionView v = r.run("""
                {"StartAt": "Call", "States": {"Call": {"Type": "Task", "Resource": "arn:aws:lambda:us-east-1:123456789012:function:slow",
                  "TimeoutSeconds": 1, "End": true}}}
                """, "{}");
            assertThat(v.error()).isEqualTo("States.Timeout");
            assertThat(System.nanoTime() - t0).isLessThan(4_000_000_000L);
            Thread.sleep(5500);
            assertThat(marker).doesNotExist();
        }
    }

}
