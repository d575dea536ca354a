package dev.stride.service.sns;

import dev.stride.engine.spi.RecordStore;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiConsumer;

/** A record store in maps, shared by "restarts" of the service in a test. */
final class MapRecordStore implements RecordStore {
    private final Map<String, TreeMap<String, String>> tables = new ConcurrentHashMap<>();
    int commits;

    @Override
    public synchronized void commit(List<Write> writes) {
        commits++;
        for (Write w : writes) {
            TreeMap<String, String> table = tables.computeIfAbsent(w.table(), t -> new TreeMap<>());
            if (w.value() == null) table.remove(w.key());
            else table.put(w.key(), w.value());
        }
    }

    @Override
    public synchronized void scan(String table, BiConsumer<String, String> each) {
        new TreeMap<>(tables.getOrDefault(table, new TreeMap<>())).forEach(each);
    }

    synchronized Set<String> keys(String table) { return Set.copyOf(tables.getOrDefault(table, new TreeMap<>()).keySet()); }

    synchronized int size(String table) { return tables.getOrDefault(table, new TreeMap<>()).size(); }
}
