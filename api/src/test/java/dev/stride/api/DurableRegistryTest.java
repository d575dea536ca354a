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
    void aRedriveIsKeptAcrossARestartAndOldRecordsReadAsNeverRedriven() {
        MapStore store = new MapStore();
        DurableRegistry before = new DurableRegistry(store);
        String sm = "arn:aws:states:us-east-1:123456789012:stateMachine:m";
        String arn = "arn:aws:states:us-east-1:123456789012:execution:m:e";
        before.addExecution(new ExecutionEntry(arn, "e", sm, null, null, false, "{}", "role", "rev", 1, "{}", 2));
        before.updateExecution(arn, e -> e.redriven(2, 5_000));
        // a record written before redrives were kept has no redrive members
        store.put("execution", arn + "2", """
                {"arn":"%s2","name":"e2","stateMachineArn":"%s","express":false,"definition":"{}","roleArn":"role",
                 "revisionId":"rev","machineUpdateMillis":1,"input":"{}","startMillis":3}""".formatted(arn, sm));

        DurableRegistry after = new DurableRegistry(store);

        assertThat(after.execution(arn).orElseThrow().redriveCount()).isEqualTo(2);
        assertThat(after.execution(arn).orElseThrow().redriveMillis()).isEqualTo(5_000);
        assertThat(after.execution(arn + "2").orElseThrow().redriveCount()).isZero();
        assertThat(after.executions(sm)).extracting(ExecutionEntry::redriveCount).containsExactly(2, 0);
        assertThat(before.executions(sm)).extracting(ExecutionEntry::redriveCount).containsExactly(2);
    }
}
