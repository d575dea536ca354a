package dev.stride.integrations;

import dev.stride.engine.spi.TaskCompletion;
import dev.stride.engine.spi.TaskIntegration;
import dev.stride.engine.spi.TaskInvocation;
import dev.stride.expr.ErrorNames;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Step Functions Local's mocked service integrations. Register it as the engine's only
 * integration, wrapping the real ones: the engine picks an integration by resource alone, and
 * whether a task is mocked depends on its state and the execution's test case. A state the test
 * case maps to a mocked response answers from the mock (Return, or Throw as the task's error) for
 * every resource kind, callbacks and .sync included; any other task goes to the first real
 * integration that accepts it ("hybrid" testing, as in Step Functions Local).
 */
public final class MockIntegration implements TaskIntegration {
    private final MockConfig config;
    private final MockSelector selector;
    private final List<TaskIntegration> real;
    /** Invocations so far per execution and state: retries and loops count, as in Step Functions Local. */
    private final Map<String, Map<String, AtomicInteger>> invocations = new ConcurrentHashMap<>();

    public MockIntegration(MockConfig config, MockSelector selector, List<TaskIntegration> real) {
        this.config = config;
        this.selector = selector;
        this.real = List.copyOf(real);
    }

    @Override
    public boolean accepts(String resource) { return true; }

    @Override
    public void start(TaskInvocation inv, TaskCompletion completion) {
        MockSelector.Ref ref = selector.select(inv.rootExecutionArn());
        if (ref != null) {
            Optional<MockConfig.TestCase> tc = config.testCase(ref.machineName(), ref.testCaseName());
            if (tc.isEmpty()) {
                completion.fail(ErrorNames.TASK_FAILED, "The mock config has no test case '" + ref.testCaseName()
                        + "' for state machine '" + ref.machineName() + "'.");
                return;
            }
            String response = tc.get().states().get(inv.stateName());
            if (response != null) {
                answer(inv, response, completion);
                return;
            }
        }
        Optional<TaskIntegration> target = realFor(inv.resource());
        if (target.isEmpty()) {
            completion.fail(ErrorNames.TASK_FAILED, "No integration is configured for resource '" + inv.resource()
                    + "' and state '" + inv.stateName() + "' is not mocked" + (ref == null ? "" : " in test case '" + ref.testCaseName() + "'")
                    + ". Configure a local function, HTTP endpoint or mock for it.");
            return;
        }
        target.get().start(inv, completion);
    }

    private void answer(TaskInvocation inv, String response, TaskCompletion completion) {
        int n = invocations.computeIfAbsent(inv.rootExecutionArn(), k -> new ConcurrentHashMap<>())
                .computeIfAbsent(inv.stateName(), k -> new AtomicInteger()).getAndIncrement();
        Optional<MockConfig.MockOutcome> outcome = config.response(response, n);
        if (outcome.isEmpty()) {
            completion.fail(ErrorNames.TASK_FAILED, "The mocked response '" + response + "' has no entry for invocation " + n
                    + " of state '" + inv.stateName() + "' (invocations count from 0, retries included).");
        } else if (outcome.get().throwsError()) {
            completion.fail(outcome.get().error(), outcome.get().cause());
        } else {
            completion.succeed(outcome.get().returnValue());
        }
    }

    @Override
    public void cancel(TaskInvocation inv) { realFor(inv.resource()).ifPresent(i -> i.cancel(inv)); }

    /** Drops an ended execution's invocation counts. */
    public void forget(String executionArn) { invocations.remove(executionArn); }

    private Optional<TaskIntegration> realFor(String resource) {
        for (TaskIntegration i : real) if (i.accepts(resource)) return Optional.of(i);
        return Optional.empty();
    }
}
