package dev.stride.integrations;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A Lambda function run in this JVM, for {@code lambda:invoke} and function-ARN Task states.
 * Name it in stride.yaml ({@code functions: {name: {class: fully.qualified.Name}}}; it then needs a
 * public no-argument constructor) or register an instance with {@link Integrations.Builder#function}.
 * It runs on a virtual thread of its own and may block; an interrupt means the task was stopped or
 * timed out. Throw {@link FunctionError} to choose the error name Step Functions sees; any other
 * exception is reported with its class name as the error type, as the AWS Java runtime does.
 */
@FunctionalInterface
public interface LocalFunction {
    JsonNode invoke(JsonNode event, Context context) throws Exception;

    /** What a function learns about its invocation; executionArn and stateName are null when no Task state invoked it (SNS). */
    record Context(String functionName, String qualifier, String requestId, String executionArn, String stateName) {}
}
