package dev.stride.service.dynamodb.internal;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.stride.engine.spi.RecordStore.Write;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;

/**
 * One table's items in memory: a sorted map from {@link Key} to the item's JSON bytes, its
 * secondary indexes, and the counters DescribeTable reports.
 *
 * <p>Locking: a write to an item holds the lock of its stripe (chosen by the partition key's
 * hash) while it reads the old item, checks its condition, changes the map and the indexes and
 * appends its record to the journal; so writes to one item are ordered the same in memory and
 * in the store, while writes to other partitions run in parallel. Reads take no lock: the maps
 * are concurrent and the stored bytes never change. {@link #structure} is held shared by every
 * write and exclusively by what changes the table's shape (adding or dropping an index, deleting
 * the table), so those see no write half done.
 */
final class Table {
    private static final int STRIPES = 64;

    volatile TableSchema schema;
    final ConcurrentSkipListMap<Key, byte[]> items = new ConcurrentSkipListMap<>();
    volatile Map<String, Index> indexes;
    final AtomicLong itemCount = new AtomicLong();
    final AtomicLong sizeBytes = new AtomicLong();
    final ReentrantReadWriteLock structure = new ReentrantReadWriteLock();
    volatile boolean deleted;
    private final ReentrantLock[] stripes = new ReentrantLock[STRIPES];

    Table(TableSchema schema) {
        this.schema = schema;
        Map<String, Index> ix = new LinkedHashMap<>();
        for (IndexSchema i : schema.indexes()) ix.put(i.name(), new Index(i));
        this.indexes = Map.copyOf(ix);
        for (int i = 0; i < STRIPES; i++) stripes[i] = new ReentrantLock();
    }

    /** The stripe a key's writes lock: its number sorts lock acquisition in transactions. */
    int stripeOf(Key k) { return k.hash & (STRIPES - 1); }

    ReentrantLock stripe(int n) { return stripes[n]; }

    Index index(String name) { return indexes.get(name); }

    /** The table key of a stored item (whose key attributes were checked when it was written). */
    Key keyOf(ObjectNode item) {
        KeySchema k = schema.key();
        byte[] p = KeyBytes.of(item.get(k.partition()), k.partitionType());
        byte[] s = k.hasSort() ? KeyBytes.of(item.get(k.sort()), k.sortType()) : Key.NONE;
        return Key.table(p, s);
    }

    /**
     * Replaces the item at {@code key} (the caller holds its stripe): {@code newItem} null deletes
     * it. Keeps indexes and counters in step and adds the record write to {@code out}.
     */
    void write(Key key, ObjectNode oldItem, long oldSize, ObjectNode newItem, byte[] newBytes, long newSize, List<Write> out) {
        String recordKey = Records.itemKey(schema, key);
        if (newItem == null) {
            if (items.remove(key) != null) {
                itemCount.decrementAndGet();
                sizeBytes.addAndGet(-oldSize);
            }
            out.add(Write.delete(Records.ITEMS, recordKey));
        } else {
            if (items.put(key, newBytes) == null) itemCount.incrementAndGet();
            sizeBytes.addAndGet(newSize - oldSize);
            out.add(Write.put(Records.ITEMS, recordKey, Json.text(newBytes)));
        }
        KeySchema tableKey = schema.key();
        for (Index ix : indexes.values()) ix.update(key, oldItem, oldSize, newItem, newBytes, newSize, tableKey);
    }

    /** Loads an item read back from the store (no record written, no lock: recovery runs alone). */
    void restore(ObjectNode item, byte[] bytes, long size) {
        Key key = keyOf(item);
        if (items.put(key, bytes) == null) itemCount.incrementAndGet();
        sizeBytes.addAndGet(size);
        for (Index ix : indexes.values()) ix.update(key, null, 0, item, bytes, size, schema.key());
    }
}
