package dev.stride.api;

import dev.stride.engine.spi.TaskCompletion;
import dev.stride.engine.spi.TaskIntegration;
import dev.stride.engine.spi.TaskInvocation;

/** A request-response integration for tests: the "echo" Lambda function returns its input. */
final class EchoFunction implements TaskIntegration {
    static final String ARN = "arn:aws:lambda:us-east-1:123456789012:function:echo";

    @Override
    public boolean accepts(String resource) { return resource.equals(ARN); }

    @Override
    public void start(TaskInvocation invocation, TaskCompletion completion) { completion.succeed(invocation.input()); }
}
