package dev.stride.service.batch;

import dev.stride.engine.spi.RecordStore;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.BiConsumer;

/** A record store in a map, shared by the services a test builds over it one after another (a "restart"). */
final class MapRecordStore implements RecordStore {
    private final Map<String, TreeMap<String, String>> tables = new TreeMap<>();

    @Override
    public synchronized void commit(List<Write> writes) {
        for (Write w : writes) {
            TreeMap<String, String> t = tables.computeIfAbsent(w.table(), k -> new TreeMap<>());
            if (w.value() == null) t.remove(w.key());
            else t.put(w.key(), w.value());
        }
    }

    @Override
    public synchronized void scan(String table, BiConsumer<String, String> each) {
        new TreeMap<>(tables.getOrDefault(table, new TreeMap<>())).forEach(each);
    }
}
