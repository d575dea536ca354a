package dev.stride.service.dynamodb.internal;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A secondary index's copy of the table: every item that has the index's key attributes, keyed
 * by index key then table key, holding what the index projects. An ALL projection shares the
 * table's item bytes instead of copying them (items are immutable once stored), so a GSI of
 * everything costs a map entry per item, not a second item.
 */
final class Index {
    final IndexSchema schema;
    final ConcurrentSkipListMap<Key, byte[]> entries = new ConcurrentSkipListMap<>();
    final AtomicLong itemCount = new AtomicLong();
    final AtomicLong sizeBytes = new AtomicLong();

    Index(IndexSchema schema) { this.schema = schema; }

    /** This index's key of an item with table key {@code tableKey}, or null when the item lacks the index key (or has it in another type). */
    Key keyOf(ObjectNode item, Key tableKey) {
        KeySchema k = schema.key();
        byte[] p = KeyBytes.of(item.get(k.partition()), k.partitionType());
        if (p == null) return null;
        byte[] s = Key.NONE;
        if (k.hasSort()) {
            s = KeyBytes.of(item.get(k.sort()), k.sortType());
            if (s == null) return null;
        }
        return Key.index(p, s, tableKey);
    }

    /** Moves the index entry of one item from its old to its new version (either may be null: inserted, deleted). */
    void update(Key tableKey, ObjectNode oldItem, long oldSize, ObjectNode newItem, byte[] newBytes, long newSize, KeySchema table) {
        Key oldKey = oldItem == null ? null : keyOf(oldItem, tableKey);
        Key newKey = newItem == null ? null : keyOf(newItem, tableKey);
        if (oldKey != null && entries.remove(oldKey) != null) {
            itemCount.decrementAndGet();
            sizeBytes.addAndGet(-oldSize);
        }
        if (newKey != null) {
            entries.put(newKey, schema.projectsAll() ? newBytes : Json.bytes(project(newItem, table)));
            itemCount.incrementAndGet();
            sizeBytes.addAndGet(newSize);
        }
    }

    ObjectNode project(ObjectNode item, KeySchema table) {
        if (schema.projectsAll()) return item;
        ObjectNode out = Json.object();
        item.properties().forEach(e -> {
            if (schema.projects(e.getKey(), table)) out.set(e.getKey(), e.getValue());
        });
        return out;
    }
}
