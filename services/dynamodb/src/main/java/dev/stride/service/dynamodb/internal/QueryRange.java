package dev.stride.service.dynamodb.internal;

import com.fasterxml.jackson.databind.JsonNode;
import dev.stride.service.dynamodb.expression.KeyCondition;
import java.util.Arrays;
import java.util.Collections;
import java.util.NavigableMap;
import java.util.concurrent.ConcurrentSkipListMap;

/**
 * The part of a sorted map a Query's key condition selects. Bounds are keys made of the
 * partition key, a sort key bound and the table-key tie breakers set to {@link Key#NONE} (before
 * every item of that sort value) or {@link Key#MAX} (after every one), so "{@code > v}" starts
 * after the last item whose sort key is v, and "{@code < v}" stops before the first.
 */
final class QueryRange {
    private QueryRange() {}

    static NavigableMap<Key, byte[]> of(NavigableMap<Key, byte[]> map, KeySchema key, KeyCondition kc, Key start, boolean forward) {
        byte[] p = KeyBytes.of(kc.partitionValue(), key.partitionType());
        if (p == null) throw Errors.keyMismatch();
        int hash = Key.hashOf(p);
        Key lo = new Key(hash, p, Key.NONE, Key.NONE, Key.NONE);
        Key hi = new Key(hash, p, Key.MAX, Key.MAX, Key.MAX);
        boolean loIn = true, hiIn = true;
        byte[] prefix = null;
        KeyCondition.Op op = kc.sortOp();
        if (op != null) {
            JsonNode[] v = kc.sortValues();
            byte[] a = sortBytes(v[0], key);
            switch (op) {
                case EQ -> { lo = before(hash, p, a); hi = after(hash, p, a); }
                case LT -> { hi = before(hash, p, a); hiIn = false; }
                case LE -> hi = after(hash, p, a);
                case GT -> { lo = after(hash, p, a); loIn = false; }
                case GE -> lo = before(hash, p, a);
                case BETWEEN -> { lo = before(hash, p, a); hi = after(hash, p, sortBytes(v[1], key)); }
                case BEGINS_WITH -> { lo = before(hash, p, a); prefix = a; }
            }
        }
        if (lo.compareTo(hi) > 0) return Collections.emptyNavigableMap();
        NavigableMap<Key, byte[]> range = map.subMap(lo, loIn, hi, hiIn);
        if (prefix != null) range = prefixed(range, prefix);
        if (start != null) range = forward ? after(range, start) : beforeStart(range, start);
        return forward ? range : range.descendingMap();
    }

    private static byte[] sortBytes(JsonNode v, KeySchema key) {
        byte[] b = KeyBytes.of(v, key.sortType());
        if (b == null) throw Errors.keyMismatch();
        return b;
    }

    private static Key before(int hash, byte[] p, byte[] s) { return new Key(hash, p, s, Key.NONE, Key.NONE); }

    private static Key after(int hash, byte[] p, byte[] s) { return new Key(hash, p, s, Key.MAX, Key.MAX); }

    /** begins_with: from the prefix up to the first sort key that does not start with it. */
    private static NavigableMap<Key, byte[]> prefixed(NavigableMap<Key, byte[]> range, byte[] prefix) {
        byte[] end = successor(prefix);
        if (end == null) return range;
        Key first = range.isEmpty() ? null : range.firstKey();
        if (first == null) return range;
        Key bound = new Key(first.hash, first.partition, end, Key.NONE, Key.NONE);
        return range.headMap(bound, false);
    }

    /** The smallest byte string greater than every string starting with {@code prefix}, or null when there is none (all 0xFF). */
    private static byte[] successor(byte[] prefix) {
        for (int i = prefix.length - 1; i >= 0; i--) {
            if ((prefix[i] & 0xFF) != 0xFF) {
                byte[] out = Arrays.copyOf(prefix, i + 1);
                out[i]++;
                return out;
            }
        }
        return null;
    }

    private static NavigableMap<Key, byte[]> after(NavigableMap<Key, byte[]> range, Key start) {
        if (range.isEmpty()) return range;
        if (start.compareTo(range.firstKey()) < 0) return range;
        if (start.compareTo(range.lastKey()) >= 0) return new ConcurrentSkipListMap<>();
        return range.tailMap(start, false);
    }

    private static NavigableMap<Key, byte[]> beforeStart(NavigableMap<Key, byte[]> range, Key start) {
        if (range.isEmpty()) return range;
        if (start.compareTo(range.lastKey()) > 0) return range;
        if (start.compareTo(range.firstKey()) <= 0) return new ConcurrentSkipListMap<>();
        return range.headMap(start, false);
    }
}
