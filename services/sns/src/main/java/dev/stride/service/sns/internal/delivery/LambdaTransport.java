package dev.stride.service.sns.internal.delivery;

import dev.stride.service.sns.LambdaInvoker;

/** Invokes a subscribed Lambda function with the SNS event; without an invoker every delivery fails. */
public final class LambdaTransport implements Transport {
    private final LambdaInvoker invoker;

    public LambdaTransport(LambdaInvoker invoker) { this.invoker = invoker; }

    @Override
    public void send(PendingDelivery d) throws Exception {
        if (invoker == null) throw new IllegalStateException("no Lambda functions are configured; cannot invoke " + d.endpoint());
        invoker.invoke(d.endpoint(), d.body());
    }
}
