package dev.stride.api;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;

/** The registry in memory; one lock keeps check-then-insert atomic (the API is not its bottleneck). */
final class MemoryRegistry implements Registry {
    private final Map<String, MachineEntry> machines = new LinkedHashMap<>();
    private final Map<String, ExecutionEntry> executions = new LinkedHashMap<>();
    private final Map<String, List<ExecutionEntry>> executionsByMachine = new LinkedHashMap<>();
    private final Map<String, ActivityEntry> activities = new LinkedHashMap<>();
    private final Map<String, Map<String, String>> tags = new LinkedHashMap<>();

    @Override
    public synchronized MachineEntry addMachine(MachineEntry machine) {
        return machines.putIfAbsent(machine.arn(), machine);
    }

    @Override
    public synchronized MachineEntry updateMachine(String arn, UnaryOperator<MachineEntry> change) {
        return machines.computeIfPresent(arn, (k, old) -> change.apply(old));
    }

    @Override
    public synchronized Optional<MachineEntry> machine(String arn) { return Optional.ofNullable(machines.get(arn)); }

    @Override
    public synchronized List<MachineEntry> machines() { return List.copyOf(machines.values()); }

    @Override
    public synchronized boolean removeMachine(String arn) {
        tags.remove(arn);
        return machines.remove(arn) != null;
    }

    @Override
    public synchronized ExecutionEntry addExecution(ExecutionEntry execution) {
        ExecutionEntry old = executions.putIfAbsent(execution.arn(), execution);
        if (old == null) {
            executionsByMachine.computeIfAbsent(execution.stateMachineArn(), k -> new ArrayList<>()).add(execution);
        }
        return old;
    }

    @Override
    public synchronized Optional<ExecutionEntry> execution(String arn) { return Optional.ofNullable(executions.get(arn)); }

    @Override
    public synchronized ExecutionEntry updateExecution(String arn, UnaryOperator<ExecutionEntry> change) {
        ExecutionEntry old = executions.get(arn);
        if (old == null) return null;
        ExecutionEntry updated = change.apply(old);
        executions.put(arn, updated);
        List<ExecutionEntry> same = executionsByMachine.get(old.stateMachineArn());
        int at = same == null ? -1 : same.indexOf(old);
        if (at >= 0) same.set(at, updated);
        return updated;
    }

    @Override
    public synchronized void removeExecution(String arn) {
        ExecutionEntry gone = executions.remove(arn);
        if (gone != null) executionsByMachine.getOrDefault(gone.stateMachineArn(), new ArrayList<>()).remove(gone);
    }

    @Override
    public synchronized List<ExecutionEntry> executions(String stateMachineArn) {
        return List.copyOf(executionsByMachine.getOrDefault(stateMachineArn, List.of()));
    }

    @Override
    public synchronized ActivityEntry addActivity(ActivityEntry activity) {
        return activities.putIfAbsent(activity.arn(), activity);
    }

    @Override
    public synchronized Optional<ActivityEntry> activity(String arn) { return Optional.ofNullable(activities.get(arn)); }

    @Override
    public synchronized List<ActivityEntry> activities() { return List.copyOf(activities.values()); }

    @Override
    public synchronized boolean removeActivity(String arn) {
        tags.remove(arn);
        return activities.remove(arn) != null;
    }

    @Override
    public synchronized Map<String, String> tags(String resourceArn) {
        return java.util.Collections.unmodifiableMap(new LinkedHashMap<>(tags.getOrDefault(resourceArn, Map.of())));
    }

    @Override
    public synchronized void putTags(String resourceArn, Map<String, String> add) {
        tags.computeIfAbsent(resourceArn, k -> new LinkedHashMap<>()).putAll(add);
    }

    @Override
    public synchronized void removeTags(String resourceArn, Collection<String> keys) {
        Map<String, String> current = tags.get(resourceArn);
        if (current != null) keys.forEach(current::remove);
    }
}
