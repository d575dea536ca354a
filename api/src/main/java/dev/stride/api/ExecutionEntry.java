package dev.stride.api;

/**
 * What the API remembers about an execution beyond the engine's view: the definition and role it
 * ran with (DescribeStateMachineForExecution), the input text (StartExecution idempotency) and order.
 *
 * @param versionArn        the version ARN it ran (given directly or picked by an alias), or null
 * @param aliasArn          the alias ARN it was started through, or null
 * @param machineUpdateMillis when the definition it ran was written (the machine's update or creation date)
 */
record ExecutionEntry(String arn, String name, String stateMachineArn, String versionArn, String aliasArn, boolean express,
                      String definition, String roleArn, String revisionId, long machineUpdateMillis,
                      String input, long startMillis) {}
