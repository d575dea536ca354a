package dev.stride.api;

import dev.stride.engine.spi.TaskCompletion;
import dev.stride.engine.spi.TaskIntegration;
import dev.stride.engine.spi.TaskInvocation;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/** A callback integration for tests: accepts .waitForTaskToken tasks and never completes them itself. */
final class HeldTasks implements TaskIntegration {
    private final BlockingQueue<TaskInvocation> started = new LinkedBlockingQueue<>();

    @Override
    public boolean accepts(String resource) { return resource.endsWith(".waitForTaskToken"); }

    @Override
    public void start(TaskInvocation invocation, TaskCompletion completion) { started.add(invocation); }

    /** The token of the next task the engine hands out, for the given execution. */
    String nextToken(String executionArn) {
        try {
            long deadline = System.currentTimeMillis() + 10_000;
            while (System.currentTimeMillis() < deadline) {
                TaskInvocation inv = started.poll(100, TimeUnit.MILLISECONDS);
                if (inv != null && inv.executionArn().equals(executionArn)) return inv.taskToken();
                if (inv != null) started.add(inv);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        throw new AssertionError("no task started for " + executionArn);
    }
}
