package dev.stride.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.stride.engine.spi.MetadataChange;
import dev.stride.engine.spi.MetadataStore;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.function.UnaryOperator;

/**
 * The registry on a durable {@link MetadataStore}: reads come from memory, every change is
 * written through before the call returns, and a restart loads everything back.
 */
final class DurableRegistry implements Registry {
    private static final ObjectMapper JSON = new ObjectMapper().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);
    private static final String MACHINE = "machine";
    private static final String ACTIVITY = "activity";
    private static final String TAGS = "tags";

    private final MemoryRegistry memory = new MemoryRegistry();
    private final MetadataStore store;
    /**
     * Every change goes through it, queued under this registry's lock so the store sees them in
     * order (tag writes of many resources share commits).
     */
    private final MetadataJournal journal;

    DurableRegistry(MetadataStore store) {
        this.store = store;
        this.journal = new MetadataJournal(store);
        store.all(MACHINE).values().forEach(j -> memory.addMachine(read(j, MachineEntry.class)));
        store.all(ACTIVITY).values().forEach(j -> memory.addActivity(read(j, ActivityEntry.class)));
        store.all(TAGS).forEach((arn, j) -> memory.putTags(arn, readTags(j)));
    }

    @Override
    public synchronized MachineEntry addMachine(MachineEntry machine) {
        MachineEntry existing = memory.addMachine(machine);
        if (existing == null) await(put(MACHINE, machine.arn(), write(machine)));
        return existing;
    }

    @Override
    public synchronized MachineEntry updateMachine(String arn, UnaryOperator<MachineEntry> change) {
        MachineEntry updated = memory.updateMachine(arn, change);
        if (updated != null) await(put(MACHINE, arn, write(updated)));
        return updated;
    }

    @Override
    public Optional<MachineEntry> machine(String arn) { return memory.machine(arn); }

    @Override
    public List<MachineEntry> machines() { return memory.machines(); }

    @Override
    public synchronized boolean removeMachine(String arn) {
        boolean removed = memory.removeMachine(arn);
        if (removed) {
            await(remove(MACHINE, arn));
            await(remove(TAGS, arn));
        }
        return removed;
    }

    @Override
    public synchronized ActivityEntry addActivity(ActivityEntry activity) {
        ActivityEntry existing = memory.addActivity(activity);
        if (existing == null) await(put(ACTIVITY, activity.arn(), write(activity)));
        return existing;
    }

    @Override
    public Optional<ActivityEntry> activity(String arn) { return memory.activity(arn); }

    @Override
    public List<ActivityEntry> activities() { return memory.activities(); }

    @Override
    public synchronized boolean removeActivity(String arn) {
        boolean removed = memory.removeActivity(arn);
        if (removed) {
            await(remove(ACTIVITY, arn));
            await(remove(TAGS, arn));
        }
        return removed;
    }

    @Override
    public Map<String, String> tags(String resourceArn) { return memory.tags(resourceArn); }

    @Override
    public synchronized void putTags(String resourceArn, Map<String, String> tags) {
        memory.putTags(resourceArn, tags);
        await(put(TAGS, resourceArn, write(memory.tags(resourceArn))));
    }

    @Override
    public synchronized void removeTags(String resourceArn, Collection<String> keys) {
        memory.removeTags(resourceArn, keys);
        await(put(TAGS, resourceArn, write(memory.tags(resourceArn))));
    }

    private CompletableFuture<Void> put(String kind, String key, String json) { return journal.submit(new MetadataChange(kind, key, json)); }

    private CompletableFuture<Void> remove(String kind, String key) { return journal.submit(new MetadataChange(kind, key, null)); }

    /** Returns once the change is durable; a failed write is the caller's error, as a direct write's was. */
    private static void await(CompletableFuture<Void> written) {
        if (written == null) return;
        try {
            written.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while the registry was being written", e);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
        }
    }

    private static String write(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialise " + value.getClass().getSimpleName() + ": " + e.getMessage(), e);
        }
    }

    private static <T> T read(String json, Class<T> type) {
        try {
            return JSON.readValue(json, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored " + type.getSimpleName() + " cannot be read: " + e.getOriginalMessage(), e);
        }
    }

    private static Map<String, String> readTags(String json) {
        try {
            return JSON.readValue(json, new TypeReference<Map<String, String>>() {});
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored tags cannot be read: " + e.getOriginalMessage(), e);
        }
    }
}
