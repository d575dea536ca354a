package dev.stride.cli;

import com.fasterxml.jackson.databind.JsonNode;
import dev.stride.asl.compile.DefinitionCompiler;
import dev.stride.asl.model.StateMachine;
import dev.stride.asl.validation.StateMachineType;
import dev.stride.engine.ExecutionView;
import dev.stride.engine.StartRequest;
import dev.stride.expr.Json;
import dev.stride.integrations.MockConfig;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeoutException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code stride test DEFINITION --mock-config FILE [--test-case NAME]}: runs one or every test case
 * the Step Functions Local mock config gives for the machine, all at once in one engine, and prints
 * {@code PASS name} or {@code FAIL name: reason} per case, in file order. A case passes when its
 * execution SUCCEEDED, or meets the case's {@code "Expect"} (see {@link MockConfig}). Its input is
 * the case's {@code "Input"}, else --input. Exit codes: 0 all passed, 1 any failed, 2 bad usage.
 */
@Command(name = "test", description = "Runs the test cases of a Step Functions Local mock config against a definition.")
final class TestCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "DEFINITION", description = "ASL definition file (JSON or YAML).")
    Path definition;

    @Option(names = "--mock-config", required = true, paramLabel = "FILE", description = "Step Functions Local mock config (MockConfigFile.json).")
    Path mockConfig;

    @Option(names = "--test-case", paramLabel = "NAME", description = "Run only this test case (default: all of the machine's).")
    String testCase;

    @Option(names = "--state-machine-name", paramLabel = "NAME", description = "The machine's name in the mock config (default: the file name up to its first dot).")
    String stateMachineName;

    @Option(names = "--config", paramLabel = "FILE", description = "Integrations config for unmocked states (default: stride.yaml in the working directory, if any).")
    Path config;

    @Option(names = "--input", description = "Execution input as JSON text, for cases without their own Input (default {}).", defaultValue = "{}")
    String input;

    @Option(names = "--timeout", description = "Seconds each case may run (default 60).", defaultValue = "60")
    long timeoutSeconds;

    @Override
    public Integer call() throws Exception {
        DefinitionFile def = DefinitionFile.read(definition);
        DefinitionFile.Checked checked = def.check(StateMachineType.STANDARD);
        if (checked.problem() != null) {
            System.err.println("InvalidDefinition: " + checked.problem());
            return 2;
        }
        JsonNode json = checked.json();
        JsonNode defaultInput;
        try {
            defaultInput = Json.MAPPER.readTree(input);
        } catch (Exception e) {
            System.err.println("stride: the input is not valid JSON");
            return 2;
        }
        String machineName = stateMachineName != null ? stateMachineName : def.machineName();
        MockConfig mocks = MockConfig.read(mockConfig);
        List<MockConfig.TestCase> cases = new ArrayList<>();
        if (testCase != null) {
            var one = mocks.testCase(machineName, testCase);
            if (one.isEmpty()) {
                System.err.println("stride: " + noSuchCase(mocks, machineName, testCase));
                return 2;
            }
            cases.add(one.get());
        } else {
            cases.addAll(mocks.testCases(machineName));
            if (cases.isEmpty()) {
                System.err.println("stride: the mock config has no test cases for state machine '" + machineName + "'"
                        + (mocks.machineNames().isEmpty() ? "" : " (it has: " + String.join(", ", mocks.machineNames()) + "; use --state-machine-name)"));
                return 2;
            }
        }
        StateMachine machine = DefinitionCompiler.compile(json);
        try (LocalSetup setup = new LocalSetup(config, machine, machineName, mocks)) {
            String smArn = setup.machineArn(machineName);
            List<String> arns = new ArrayList<>();
            for (MockConfig.TestCase c : cases) {
                String name = setup.executionName(smArn, machineName, c.name());
                JsonNode in = c.input() != null ? c.input() : defaultInput;
                arns.add(setup.engine.start(new StartRequest(machine, smArn, name, in, false, null)));
            }
            int failed = 0;
            for (int i = 0; i < cases.size(); i++) {
                MockConfig.TestCase c = cases.get(i);
                String reason;
                try {
                    ExecutionView v = setup.engine.await(arns.get(i), Duration.ofSeconds(timeoutSeconds));
                    reason = c.expect().mismatch(v);
                } catch (TimeoutException e) {
                    setup.engine.stop(arns.get(i), "Stride.TestTimeout", "stride test gave up");
                    reason = "still running after " + timeoutSeconds + " s";
                }
                if (reason == null) {
                    System.out.println("PASS " + c.name());
                } else {
                    System.out.println("FAIL " + c.name() + ": " + reason);
                    failed++;
                }
            }
            System.err.println((cases.size() - failed) + " passed, " + failed + " failed");
            return failed == 0 ? 0 : 1;
        }
    }

    static String noSuchCase(MockConfig mocks, String machineName, String testCase) {
        List<String> names = mocks.testCases(machineName).stream().map(MockConfig.TestCase::name).toList();
        return "the mock config has no test case '" + testCase + "' for state machine '" + machineName + "'"
                + (names.isEmpty() ? " (it has no test cases for that machine; machines: " + String.join(", ", mocks.machineNames()) + ")"
                : " (it has: " + String.join(", ", names) + ")");
    }
}
