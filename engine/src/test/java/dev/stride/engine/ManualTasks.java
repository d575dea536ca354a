package dev.stride.engine;

import com.fasterxml.jackson.databind.JsonNode;
import dev.stride.engine.spi.TaskCompletion;
import dev.stride.engine.spi.TaskIntegration;
import dev.stride.engine.spi.TaskInvocation;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** A test integration that only records tasks; the test completes them through the engine by token. */
final class ManualTasks implements TaskIntegration {
    final List<TaskInvocation> received = new CopyOnWriteArrayList<>();

    @Override
    public boolean accepts(String resource) { return resource.startsWith("arn:aws:states:::test:"); }

    @Override
    public void start(TaskInvocation invocation, TaskCompletion completion) { received.add(invocation); }

    TaskInvocation find(String stateName, JsonNode input) {
        for (TaskInvocation i : received) if (i.stateName().equals(stateName) && (input == null || i.input().equals(input))) return i;
        throw new AssertionError("no task for " + stateName + " " + input + " in " + received);
    }
}
