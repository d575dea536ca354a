package dev.stride.api;

import dev.stride.asl.model.StateMachine;
import dev.stride.engine.Engine;
import dev.stride.engine.spi.TaskIntegration;
import java.util.List;
import java.util.function.Function;

/**
 * Task integrations that need the server: nested executions resolve state machines through the
 * API's registry and start children on its engine; mocked test cases are chosen by StartExecution
 * ({@code stateMachineArn#TestCase}, as Step Functions Local does).
 */
public interface TaskSetup {
    /**
     * The integrations to register before the engine is built.
     *
     * @param stateMachines compiles the current definition of a state machine ARN (null when unknown)
     */
    List<TaskIntegration> integrations(Function<String, StateMachine> stateMachines);

    /** The object store (S3) distributed Maps read items from and write results to; null: none. */
    default dev.stride.engine.spi.ObjectStorage objectStorage() { return null; }

    /** Called once the engine runs (integrations that start executions need it). */
    default void engineReady(Engine engine) {}

    /**
     * StartExecution asked for a test case of the mock configuration: the execution's tasks run it.
     *
     * @return false when there is no such test case (or no mock configuration)
     */
    default boolean useTestCase(String executionArn, String stateMachineName, String testCase) { return false; }
}
