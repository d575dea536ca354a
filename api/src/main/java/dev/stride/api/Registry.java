package dev.stride.api;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * The API's own records: state machines (with versions and aliases), activities and tags, in
 * memory ({@link MemoryRegistry}) or written through to a store ({@link DurableRegistry}).
 * Executions are not here: see {@link Executions}. Lists come back in insertion order.
 */
interface Registry {
    /** Inserts the machine unless its ARN is taken; returns the existing entry, or null when inserted. */
    MachineEntry addMachine(MachineEntry machine);

    /** Atomically replaces a machine; returns the new entry, or null when it does not exist. */
    MachineEntry updateMachine(String arn, UnaryOperator<MachineEntry> change);

    Optional<MachineEntry> machine(String arn);

    List<MachineEntry> machines();

    boolean removeMachine(String arn);

    /** Inserts the activity unless its ARN is taken; returns the existing entry, or null when inserted. */
    ActivityEntry addActivity(ActivityEntry activity);

    Optional<ActivityEntry> activity(String arn);

    List<ActivityEntry> activities();

    boolean removeActivity(String arn);

    Map<String, String> tags(String resourceArn);

    void putTags(String resourceArn, Map<String, String> tags);

    void removeTags(String resourceArn, Collection<String> keys);
}
