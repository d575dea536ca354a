package dev.stride.service.dynamodb.internal;

import java.util.Arrays;

/**
 * Where an item sits in a table's (or an index's) sorted map: the partition key's hash first,
 * as DynamoDB spreads partitions by hash (so a Scan's segments are contiguous ranges of it), then
 * the partition key, the sort key and, in an index, the table's own key to tell apart items
 * that share an index key. Parts are {@link KeyBytes}; an absent sort key is empty.
 *
 * <p>{@link #MAX} is a bound that sorts after every real part, {@link #NONE} (empty) before or
 * level with every one, so ranges for Query and Scan are built from real keys and these two.
 */
final class Key implements Comparable<Key> {
    static final byte[] NONE = new byte[0];
    static final byte[] MAX = new byte[0];

    final int hash;
    final byte[] partition;
    final byte[] sort;
    final byte[] tablePartition;
    final byte[] tableSort;

    Key(int hash, byte[] partition, byte[] sort, byte[] tablePartition, byte[] tableSort) {
        this.hash = hash;
        this.partition = partition;
        this.sort = sort;
        this.tablePartition = tablePartition;
        this.tableSort = tableSort;
    }

    static Key table(byte[] partition, byte[] sort) { return new Key(hashOf(partition), partition, sort, NONE, NONE); }

    static Key index(byte[] partition, byte[] sort, Key tableKey) {
        return new Key(hashOf(partition), partition, sort, tableKey.partition, tableKey.sort);
    }

    /** The first possible key with a hash at or above {@code hash} (segment bounds). */
    static Key hashBound(int hash) { return new Key(hash, NONE, NONE, NONE, NONE); }

    /** The table key part of an index key. */
    Key tableKey() { return table(tablePartition, tableSort); }

    /** A well-mixed hash (murmur3's finaliser over the array hash) so partitions spread evenly over segments. */
    static int hashOf(byte[] partition) {
        int h = Arrays.hashCode(partition);
        h ^= h >>> 16;
        h *= 0x85ebca6b;
        h ^= h >>> 13;
        h *= 0xc2b2ae35;
        h ^= h >>> 16;
        return h;
    }

    @Override
    public int compareTo(Key o) {
        int c = Integer.compareUnsigned(hash, o.hash);
        if (c != 0) return c;
        c = part(partition, o.partition);
        if (c != 0) return c;
        c = part(sort, o.sort);
        if (c != 0) return c;
        c = part(tablePartition, o.tablePartition);
        return c != 0 ? c : part(tableSort, o.tableSort);
    }

    private static int part(byte[] a, byte[] b) {
        if (a == b) return 0;
        if (a == MAX) return 1;
        if (b == MAX) return -1;
        return Arrays.compareUnsigned(a, b);
    }

    @Override
    public boolean equals(Object o) { return o instanceof Key k && compareTo(k) == 0; }

    @Override
    public int hashCode() { return 31 * (31 * hash + Arrays.hashCode(sort)) + Arrays.hashCode(tableSort); }
}
