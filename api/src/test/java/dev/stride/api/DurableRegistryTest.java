package dev.stride.api;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stride.engine.spi.MetadataStore;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DurableRegistryTest {
    /** A MetadataStore in a map: enough to check what a restart reads back. */
    static final class MapStore implements MetadataStore {
        final Map<String, Map<String, String>> kinds = new LinkedHashMap<>();

        @Override
        public void put(String kind, String key, String json) { kinds.computeIfAbsent(kind, k -> new LinkedHashMap<>()).put(key, json); }

        @Override
        public void remove(String kind, String key) { kinds.getOrDefault(kind, new LinkedHashMap<>()).remove(key); }

        @Override
        public Map<String, String> all(String kind) { return new LinkedHashMap<>(kinds.getOrDefault(kind, Map.of())); }
    }

    @Test
    void tagsAndActivitiesAreReadBackAfterARestartAndExecutionsAreNotKeptHere() {
        MapStore store = new MapStore();
        DurableRegistry before = new DurableRegistry(store);
        String activity = "arn:aws:states:us-east-1:123456789012:activity:a";
        before.addActivity(new ActivityEntry(activity, "a", 1_000, null));
        before.putTags(activity, Map.of("team", "blue", "env", "dev"));
        before.removeTags(activity, java.util.List.of("env"));

        DurableRegistry after = new DurableRegistry(store);

        assertThat(after.activity(activity)).isPresent();
        assertThat(after.tags(activity)).containsExactly(Map.entry("team", "blue"));
        // Executions live in the execution store's own rows (StoredExecutions), not in metadata.
        assertThat(store.kinds.keySet()).containsExactlyInAnyOrder("activity", "tags");
    }
}
