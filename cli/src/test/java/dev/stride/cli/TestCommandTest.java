package dev.stride.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** `stride test` and `stride run --mock-config` over a Step Functions Local mock file. */
class TestCommandTest {
    @TempDir
    Path dir;

    record Result(int exit, String out) {}

    Result stride(String... args) {
        PrintStream old = System.out;
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        System.setOut(new PrintStream(buf, true));
        try {
            int exit = new CommandLine(new Main()).execute(args);
            return new Result(exit, buf.toString());
        } finally {
            System.setOut(old);
        }
    }

    Path files() throws Exception {
        Files.writeString(dir.resolve("Orders.asl.json"), """
            {"StartAt": "Charge", "States": {"Charge": {"Type": "Task", "Resource": "arn:aws:states:::lambda:invoke",
              "Parameters": {"FunctionName": "charge", "Payload.$": "$"},
              "Retry": [{"ErrorEquals": ["Lambda.TooManyRequestsException"], "IntervalSeconds": 1, "MaxAttempts": 1}],
              "OutputPath": "$.Payload", "End": true}}}
            """);
        Files.writeString(dir.resolve("MockConfigFile.json"), """
            {"StateMachines": {"Orders": {"TestCases": {
               "Retried": {"Charge": "ThrottledOnce", "Expect": {"Output": {"charged": true}}},
               "Declined": {"Charge": "Declined", "Expect": {"Error": "Payment.Declined"}},
               "Unexpected": {"Charge": "Declined"}}}},
             "MockedResponses": {
               "ThrottledOnce": {"0": {"Throw": {"Error": "Lambda.TooManyRequestsException", "Cause": "slow"}},
                                 "1": {"Return": {"StatusCode": 200, "Payload": {"charged": true}}}},
               "Declined": {"0": {"Throw": {"Error": "Payment.Declined", "Cause": "expired"}}}}}
            """);
        return dir;
    }

    @Test
    void runsEveryCaseAndPrintsOneLinePerCase() throws Exception {
        Path d = files();
        Result r = stride("test", d.resolve("Orders.asl.json").toString(), "--mock-config", d.resolve("MockConfigFile.json").toString());
        assertThat(r.out().lines()).containsExactly("PASS Retried", "PASS Declined",
                "FAIL Unexpected: expected status SUCCEEDED but was FAILED (Payment.Declined: expired)");
        assertThat(r.exit()).isEqualTo(1);
    }

    @Test
    void runsOneCaseAndExitsZeroWhenItPasses() throws Exception {
        Path d = files();
        Result r = stride("test", d.resolve("Orders.asl.json").toString(), "--mock-config", d.resolve("MockConfigFile.json").toString(),
                "--test-case", "Retried");
        assertThat(r.out().lines()).containsExactly("PASS Retried");
        assertThat(r.exit()).isZero();
    }

    @Test
    void runWithATestCaseUsesItsMocks() throws Exception {
        Path d = files();
        Result r = stride("run", d.resolve("Orders.asl.json").toString(), "--mock-config", d.resolve("MockConfigFile.json").toString(),
                "--test-case", "Retried", "--format", "json");
        assertThat(r.out()).contains("\"status\":\"SUCCEEDED\"").contains("\"output\":{\"charged\":true}");
        assertThat(r.exit()).isZero();
    }
}
