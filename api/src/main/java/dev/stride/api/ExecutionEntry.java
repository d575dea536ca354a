package dev.stride.api;

/**
 * What the API remembers about an execution beyond the engine's view: the definition and role it
 * ran with (DescribeStateMachineForExecution), the input text (StartExecution idempotency), order,
 * and its redrives.
 *
 * @param versionArn        the version ARN it ran (given directly or picked by an alias), or null
 * @param aliasArn          the alias ARN it was started through, or null
 * @param machineUpdateMillis when the definition it ran was written (the machine's update or creation date)
 * @param redriveCount      how many times RedriveExecution reopened it (0 until then)
 * @param redriveMillis     when it was last redriven, or 0
 */
record ExecutionEntry(String arn, String name, String stateMachineArn, String versionArn, String aliasArn, boolean express,
                      String definition, String roleArn, String revisionId, long machineUpdateMillis,
                      String input, long startMillis, int redriveCount, long redriveMillis) {

    ExecutionEntry(String arn, String name, String stateMachineArn, String versionArn, String aliasArn, boolean express,
                   String definition, String roleArn, String revisionId, long machineUpdateMillis,
                   String input, long startMillis) {
        this(arn, name, stateMachineArn, versionArn, aliasArn, express, definition, roleArn, revisionId,
                machineUpdateMillis, input, startMillis, 0, 0);
    }

    ExecutionEntry startedAt(long millis) {
        return new ExecutionEntry(arn, name, stateMachineArn, versionArn, aliasArn, express, definition, roleArn,
                revisionId, machineUpdateMillis, input, millis, redriveCount, redriveMillis);
    }

    ExecutionEntry redriven(int count, long atMillis) {
        return new ExecutionEntry(arn, name, stateMachineArn, versionArn, aliasArn, express, definition, roleArn,
                revisionId, machineUpdateMillis, input, startMillis, count, atMillis);
    }
}
