package dev.stride.api;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * The API's own records: state machines (with versions), executions per state machine,
 * activities and tags. In memory today ({@link MemoryRegistry}); a durable store implements the
 * same contract later. Lists come back in insertion order.
 */
interface Registry {
    /** Inserts the machine unless its ARN is taken; returns the existing entry, or null when inserted. */
    MachineEntry addMachine(MachineEntry machine);

    /** Atomically replaces a machine; returns the new entry, or null when it does not exist. */
    MachineEntry updateMachine(String arn, UnaryOperator<MachineEntry> change);

    Optional<MachineEntry> machine(String arn);

    List<MachineEntry> machines();

    boolean removeMachine(String arn);

    /** Inserts the execution unless its ARN is taken; returns the existing entry, or null when inserted. */
    ExecutionEntry addExecution(ExecutionEntry execution);

    Optional<ExecutionEntry> execution(String arn);

    /** Atomically replaces an execution's entry; returns the new entry, or null when it does not exist. */
    ExecutionEntry updateExecution(String arn, UnaryOperator<ExecutionEntry> change);

    /** Forgets an execution (synchronous Express executions leave nothing behind, as on AWS). */
    void removeExecution(String arn);

    List<ExecutionEntry> executions(String stateMachineArn);

    /** Inserts the activity unless its ARN is taken; returns the existing entry, or null when inserted. */
    ActivityEntry addActivity(ActivityEntry activity);

    Optional<ActivityEntry> activity(String arn);

    List<ActivityEntry> activities();

    boolean removeActivity(String arn);

    Map<String, String> tags(String resourceArn);

    void putTags(String resourceArn, Map<String, String> tags);

    void removeTags(String resourceArn, Collection<String> keys);
}
