package dev.stride.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import dev.stride.api.ServerConfig;
import dev.stride.api.StrideServer;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sfn.SfnClient;
import software.amazon.awssdk.services.sfn.model.DescribeExecutionResponse;
import software.amazon.awssdk.services.sfn.model.ExecutionStatus;

/**
 * Task patterns end to end through the API with the AWS SDK: a local Lambda function that is a
 * real process, an HTTP Task against a real HTTP server, a nested .sync:2 execution, and a Step
 * Functions Local test case chosen with {@code stateMachineArn#TestCase}.
 */
class ServerTasksTest {
    static final String ROLE = "arn:aws:iam::123456789012:role/r";

    @TempDir
    Path dir;
    HttpServer web;
    StrideServer server;
    SfnClient sfn;

    @BeforeEach
    void start() throws Exception {
        web = HttpServer.create(new InetSocketAddress("localhost", 0), 0);
        web.createContext("/greeting", ex -> {
            byte[] body = "{\"hello\":\"world\"}".getBytes(StandardCharsets.UTF_8);
            ex.getResponseHeaders().add("Content-Type", "application/json");
            ex.sendResponseHeaders(200, body.length);
            ex.getResponseBody().write(body);
            ex.close();
        });
        web.start();
        Files.writeString(dir.resolve("double.py"),
                "import json, sys\nevent = json.load(sys.stdin)\nprint(json.dumps({'doubled': event['n'] * 2}))\n");
        Path config = Files.writeString(dir.resolve("stride.yaml"),
                "functions:\n  double: {command: [python3, " + dir.resolve("double.py") + "]}\n");
        Path mocks = Files.writeString(dir.resolve("MockConfigFile.json"), """
                {"StateMachines": {"Orders": {"TestCases": {"HappyPath": {"Charge": "Charged"}}}},
                 "MockedResponses": {"Charged": {"0": {"Return": {"charged": true}}}}}
                """);
        server = StrideServer.start(ServerConfig.defaults().withPort(0)
                .withTaskSetup(new ServerTasks(config, mocks, "us-east-1", "123456789012")));
        sfn = SfnClient.builder().endpointOverride(URI.create("http://localhost:" + server.port())).region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test")))
                .httpClientBuilder(ApacheHttpClient.builder()).build();
    }

    @AfterEach
    void stop() {
        sfn.close();
        server.close();
        web.stop(0);
    }

    @Test
    void aLocalFunctionProcessAnswersALambdaTask() throws Exception {
        String sm = create("Doubler", """
                {"StartAt": "Double", "States": {"Double": {"Type": "Task",
                  "Resource": "arn:aws:lambda:us-east-1:123456789012:function:double", "End": true}}}""");
        DescribeExecutionResponse done = run(sm, "{\"n\": 21}");
        assertThat(done.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
        assertThat(done.output()).isEqualTo("{\"doubled\":42}");
        assertThat(sfn.getExecutionHistory(b -> b.executionArn(done.executionArn())).events())
                .extracting(e -> e.typeAsString()).contains("LambdaFunctionScheduled", "LambdaFunctionSucceeded");
    }

    @Test
    void anHttpTaskCallsARealEndpoint() throws Exception {
        String sm = create("Caller", """
                {"StartAt": "Call", "States": {"Call": {"Type": "Task", "Resource": "arn:aws:states:::http:invoke",
                  "Parameters": {"ApiEndpoint": "http://localhost:%d/greeting", "Method": "GET",
                    "Authentication": {"ConnectionArn": "arn:aws:events:us-east-1:123456789012:connection/local/1"}},
                  "ResultSelector": {"status.$": "$.StatusCode", "body.$": "$.ResponseBody"}, "End": true}}}"""
                .formatted(web.getAddress().getPort()));
        DescribeExecutionResponse done = run(sm, "{}");
        assertThat(done.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
        assertThat(done.output()).isEqualTo("{\"status\":200,\"body\":{\"hello\":\"world\"}}");
    }

    @Test
    void aParentRunsAChildStateMachineAndWaitsForIt() throws Exception {
        String child = create("Child", """
                {"StartAt": "Greet", "States": {"Greet": {"Type": "Pass",
                  "Parameters": {"greeting.$": "States.Format('hi {}', $.name)"}, "End": true}}}""");
        String parent = create("Parent", """
                {"StartAt": "Run", "States": {"Run": {"Type": "Task", "Resource": "arn:aws:states:::states:startExecution.sync:2",
                  "Parameters": {"StateMachineArn": "%s", "Input": {"name.$": "$.who"}},
                  "OutputPath": "$.Output", "End": true}}}""".formatted(child));
        DescribeExecutionResponse done = run(parent, "{\"who\": \"ada\"}");
        assertThat(done.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
        assertThat(done.output()).isEqualTo("{\"greeting\":\"hi ada\"}");
        assertThat(sfn.listExecutions(b -> b.stateMachineArn(child)).executions()).hasSize(1);
    }

    @Test
    void aTestCaseNamedInStartExecutionMocksTheTask() throws Exception {
        String sm = create("Orders", """
                {"StartAt": "Charge", "States": {"Charge": {"Type": "Task", "Resource": "arn:aws:states:::lambda:invoke",
                  "Parameters": {"FunctionName": "payments-not-configured", "Payload.$": "$"}, "End": true}}}""");
        String exec = sfn.startExecution(b -> b.stateMachineArn(sm + "#HappyPath").input("{}")).executionArn();
        DescribeExecutionResponse done = await(exec);
        assertThat(done.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
        assertThat(done.output()).isEqualTo("{\"charged\":true}");
        // Without the test case the same task calls the (unconfigured) function for real and fails.
        assertThat(run(sm, "{}").status()).isEqualTo(ExecutionStatus.FAILED);
    }

    private String create(String name, String definition) {
        return sfn.createStateMachine(b -> b.name(name).definition(definition).roleArn(ROLE)).stateMachineArn();
    }

    private DescribeExecutionResponse run(String sm, String input) throws InterruptedException {
        return await(sfn.startExecution(b -> b.stateMachineArn(sm).input(input)).executionArn());
    }

    private DescribeExecutionResponse await(String exec) throws InterruptedException {
        for (int i = 0; i < 200; i++) {
            DescribeExecutionResponse d = sfn.describeExecution(b -> b.executionArn(exec));
            if (d.status() != ExecutionStatus.RUNNING) return d;
            Thread.sleep(50);
        }
        throw new AssertionError("execution still running: " + exec);
    }
}
