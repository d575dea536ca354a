package dev.stride.integrations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.stride.engine.ExecutionStatus;
import dev.stride.engine.ExecutionView;
import dev.stride.expr.Json;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Test;

/** Step Functions Local mock files, read unchanged, answering mocked states per test case. */
class MockIntegrationTest {
    static final String MOCKS = """
        {
          "StateMachines": {
            "Orders": {
              "TestCases": {
                "RetryPath": {"Charge": "ThrottledThenCharged"},
                "HybridPath": {"Notify": "Notified"},
                "FailPath": {"Charge": "AlwaysDeclined", "Expect": {"Error": "Payment.Declined"}},
                "Checked": {"Charge": "ThrottledThenCharged", "Expect": {"Status": "SUCCEEDED", "Output": {"charged": true, "notified": "real"}}}
              }
            }
          },
          "MockedResponses": {
            "ThrottledThenCharged": {
              "0": {"Throw": {"Error": "Lambda.TooManyRequestsException", "Cause": "Rate exceeded"}},
              "1-2": {"Return": {"StatusCode": 200, "Payload": {"charged": true}}}
            },
            "AlwaysDeclined": {"0-9": {"Throw": {"Error": "Payment.Declined", "Cause": "card expired"}}},
            "Notified": {"0": {"Return": {"MessageId": "m-1"}}}
          }
        }
        """;
    static final String ORDERS = """
        {"StartAt": "Charge", "States": {
          "Charge": {"Type": "Task", "Resource": "arn:aws:states:::lambda:invoke",
            "Parameters": {"FunctionName": "charge", "Payload.$": "$"},
            "Retry": [{"ErrorEquals": ["Lambda.TooManyRequestsException"], "IntervalSeconds": 1, "MaxAttempts": 3}],
            "ResultSelector": {"charged.$": "$.Payload.charged"}, "Next": "Notify"},
          "Notify": {"Type": "Task", "Resource": "arn:aws:lambda:us-east-1:123456789012:function:notify", "ResultPath": "$.notified", "End": true}}}
        """;

    final MockConfig config = MockConfig.parse(MOCKS);
    final Map<String, MockSelector.Ref> cases = new ConcurrentHashMap<>();

    Runner runner() {
        return new Runner(Integrations.builder()
                .function("notify", (event, ctx) -> Json.NODES.textNode("real"))
                .function("charge", (event, ctx) -> Json.parse("{\"charged\": \"real\"}"))
                .mocks(config, MockSelector.byExecution(cases)));
    }

    String start(Runner r, String testCase) {
        String name = testCase + "-1";
        cases.put("arn:aws:states:us-east-1:123456789012:execution:Orders:" + name, new MockSelector.Ref("Orders", testCase));
        return r.start(Runner.machine(ORDERS), "Orders", name, "{}");
    }

    @Test
    void aThrowOnInvocationZeroIsRetriedAndTheReturnOnInvocationOneSucceeds() throws Exception {
        try (Runner r = runner()) {
            String arn = start(r, "RetryPath");
            ExecutionView v = r.await(arn);
            assertThat(v.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
            assertThat(v.output()).isEqualTo(Json.parse("{\"charged\": true, \"notified\": \"real\"}"));
            assertThat(r.types(arn)).containsSubsequence("TaskScheduled", "TaskStarted", "TaskFailed", "TaskScheduled", "TaskStarted", "TaskSucceeded",
                    "LambdaFunctionScheduled", "LambdaFunctionStarted", "LambdaFunctionSucceeded");
            assertThat(r.event(arn, "TaskFailed").details().get("error").textValue()).isEqualTo("Lambda.TooManyRequestsException");
            assertThat(config.testCase("Orders", "Checked").orElseThrow().expect().mismatch(v)).isNull();
        }
    }

    @Test
    void statesNotInTheTestCaseMakeRealCalls() throws Exception {
        try (Runner r = runner()) {
            ExecutionView v = r.await(start(r, "HybridPath"));
            assertThat(v.output()).isEqualTo(Json.parse("{\"charged\": \"real\", \"notified\": {\"MessageId\": \"m-1\"}}"));
        }
    }

    @Test
    void aThrowOnEveryAttemptFailsTheExecutionAsTheExpectationSays() throws Exception {
        try (Runner r = runner()) {
            ExecutionView v = r.await(start(r, "FailPath"));
            assertThat(v.error()).isEqualTo("Payment.Declined");
            assertThat(v.cause()).isEqualTo("card expired");
            MockConfig.Expectation expect = config.testCase("Orders", "FailPath").orElseThrow().expect();
            assertThat(expect.status()).isEqualTo("FAILED");
            assertThat(expect.mismatch(v)).isNull();
            assertThat(MockConfig.Expectation.SUCCEEDS.mismatch(v)).startsWith("expected status SUCCEEDED but was FAILED (Payment.Declined");
        }
    }

    @Test
    void executionsWithoutATestCaseAreNotMocked() throws Exception {
        try (Runner r = runner()) {
            ExecutionView v = r.await(r.start(Runner.machine(ORDERS), "Orders", "plain", "{}"));
            assertThat(v.output()).isEqualTo(Json.parse("{\"charged\": \"real\", \"notified\": \"real\"}"));
        }
    }

    @Test
    void anInvocationWithoutAMockFailsTheTaskAndSaysWhich() throws Exception {
        MockConfig once = MockConfig.parse("""
            {"StateMachines": {"M": {"TestCases": {"T": {"Call": "Once"}}}},
             "MockedResponses": {"Once": {"0": {"Throw": {"Error": "Boom", "Cause": "x"}}}}}
            """);
        try (Runner r = new Runner(Integrations.builder().mocks(once, MockSelector.forMachine("M", "M", "T")))) {
            ExecutionView v = r.await(r.start(Runner.machine("""
                {"StartAt": "Call", "States": {"Call": {"Type": "Task", "Resource": "arn:aws:states:::sqs:sendMessage",
                  "Retry": [{"ErrorEquals": ["Boom"], "IntervalSeconds": 1, "MaxAttempts": 1}], "End": true}}}
                """), "M", null, "{}"));
            assertThat(v.error()).isEqualTo("States.TaskFailed");
            assertThat(v.cause()).contains("no entry for invocation 1 of state 'Call'");
        }
    }

    @Test
    void mockedCallbacksAnswerWithTheReturnValue() throws Exception {
        MockConfig cb = MockConfig.parse("""
            {"StateMachines": {"M": {"TestCases": {"T": {"Ask": "Approved"}}}},
             "MockedResponses": {"Approved": {"0": {"Return": {"approved": true}}}}}
            """);
        try (Runner r = new Runner(Integrations.builder().mocks(cb, MockSelector.forMachine("M", "M", "T")))) {
            ExecutionView v = r.await(r.start(Runner.machine("""
                {"StartAt": "Ask", "States": {"Ask": {"Type": "Task", "Resource": "arn:aws:states:::sqs:sendMessage.waitForTaskToken",
                  "Parameters": {"QueueUrl": "q", "MessageBody": {"t.$": "$$.Task.Token"}}, "End": true}}}
                """), "M", null, "{}"));
            assertThat(v.output()).isEqualTo(Json.parse("{\"approved\": true}"));
        }
    }

    @Test
    void aBrokenMockFileReportsEveryProblem() {
        assertThatThrownBy(() -> MockConfig.parse("""
            {"StateMachines": {"M": {"TestCases": {"T": {"A": "Nope", "B": 3}}}},
             "MockedResponses": {"R": {"x": {"Return": 1}, "0": {"Return": 1, "Throw": {"Error": "E"}}}}}
            """))
                .hasMessageContaining("StateMachines.M.TestCases.T.A: no mocked response named 'Nope'")
                .hasMessageContaining("StateMachines.M.TestCases.T.B: expected a mocked response name")
                .hasMessageContaining("MockedResponses.R.x: expected an invocation number")
                .hasMessageContaining("MockedResponses.R.0: give exactly one of Return or Throw");
    }
}
