package dev.stride.cli;

import dev.stride.expr.Json;
import dev.stride.integrations.Integrations;
import dev.stride.service.sns.LambdaInvoker;
import java.io.IOException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * SNS's lambda subscriptions invoke the functions stride.yaml declares, run by the same
 * {@link Integrations} Task states use ({@code Event} invocations: SNS does not wait for the
 * function). Those integrations are built when the server builds its engine, after the services
 * (Task states call them), so they are bound here once built. SNS resumes the deliveries a previous
 * run left owed as soon as it starts, before that: such a delivery waits for the binding rather
 * than spend its few attempts on a server still starting.
 */
final class ConfiguredFunctions implements LambdaInvoker {
    private static final long STARTUP_WAIT_SECONDS = 60;
    private final CountDownLatch bound = new CountDownLatch(1);
    private volatile Integrations integrations;

    void bind(Integrations built) {
        this.integrations = built;
        bound.countDown();
    }

    @Override
    public void invoke(String function, String event) throws IOException, InterruptedException {
        if (!bound.await(STARTUP_WAIT_SECONDS, TimeUnit.SECONDS)) {
            throw new IllegalStateException("Stride's functions were not set up in " + STARTUP_WAIT_SECONDS + " s; cannot invoke " + function);
        }
        integrations.invokeEvent(function, Json.MAPPER.readTree(event));
    }
}
