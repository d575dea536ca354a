package dev.stride.integrations;

import java.util.Map;

/**
 * Which test case of a {@link MockConfig} an execution runs, if any. Step Functions Local names it
 * in StartExecution ({@code stateMachineArn#TestCase}); Stride's API, CLI and tests choose it per
 * execution ARN, before the execution starts.
 */
@FunctionalInterface
public interface MockSelector {
    /** The test case for the execution, or null when its tasks are not mocked. */
    Ref select(String executionArn);

    /** A machine name as the mock file spells it, and one of its test cases. */
    record Ref(String machineName, String testCaseName) {}

    /** Looks the execution up in a (typically concurrent) map filled before each start. */
    static MockSelector byExecution(Map<String, Ref> byExecutionArn) { return byExecutionArn::get; }

    /**
     * Every execution of the state machine named {@code arnMachineName} (as in its execution ARNs,
     * {@code arn:aws:states:REGION:ACCOUNT:execution:NAME:id}) runs the given test case; children of
     * other machines are not mocked.
     */
    static MockSelector forMachine(String arnMachineName, String mockMachineName, String testCaseName) {
        Ref ref = new Ref(mockMachineName, testCaseName);
        return arn -> {
            String[] parts = arn.split(":");
            return parts.length >= 7 && parts[6].equals(arnMachineName) ? ref : null;
        };
    }
}
