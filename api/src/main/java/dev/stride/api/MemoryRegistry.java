package dev.stride.api;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;

/** The registry in memory; one lock keeps check-then-insert atomic (the API is not its bottleneck). */
final class MemoryRegistry implements Registry {
    private final Map<String, MachineEntry> machines = new LinkedHashMap<>();
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
