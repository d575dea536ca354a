package dev.stride.service.sns;

/**
 * Invokes a local Lambda function for a topic's lambda subscriptions (asynchronously, as SNS
 * does: the function's result is not read).
 */
@FunctionalInterface
public interface LambdaInvoker {
    /**
     * @param function the subscription's endpoint: the function's ARN (or name)
     * @param event    the SNS event, {@code {"Records":[{"EventSource":"aws:sns", ..., "Sns":{...}}]}}
     * @throws Exception when the function could not be invoked or failed; the delivery is retried
     */
    void invoke(String function, String event) throws Exception;
}
