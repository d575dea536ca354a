package dev.stride.engine.internal;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * An execution's live frames by id: an open-addressing table of int keys.
 *
 * <p>Why not a TreeMap: every Map iteration and Parallel branch creates a frame and drops it,
 * and the boxed keys and tree entries of a TreeMap were a tenth of a Map workload's time.
 * Lookups by id are the hot operations; walking every frame in id order (stop, redrive,
 * recovery, snapshots) is rare and sorts a copy.
 *
 * <p>Most executions never hold a second frame (no Map, no Parallel): until one comes, the
 * table is just that frame, and the arrays are not made.
 *
 * <p>In a snapshot it is the same JSON object of id to frame that a TreeMap gave.
 */
final class FrameTable {
    /** Null while the table holds at most one frame ({@link #sole}). */
    private int[] keys;
    private Frame[] values;
    private int soleId;
    private Frame sole;
    private int size;

    FrameTable() {}

    int size() { return size; }

    boolean isEmpty() { return size == 0; }

    private int slot(int id) {
        int mask = keys.length - 1;
        int i = home(id, mask);
        while (values[i] != null && keys[i] != id) i = (i + 1) & mask;
        return i;
    }

    /** Where an id's probe starts: ids are consecutive, so they are spread first. */
    private static int home(int id, int mask) {
        int h = id * 0x9E3779B9;
        return (h ^ h >>> 16) & mask;
    }

    Frame get(int id) {
        if (values == null) return sole != null && soleId == id ? sole : null;
        return values[slot(id)];
    }

    boolean containsKey(int id) { return get(id) != null; }

    void put(int id, Frame frame) {
        if (frame == null) throw new IllegalArgumentException("no frame for id " + id);
        if (values == null) {
            if (sole == null || soleId == id) {
                size = 1;
                soleId = id;
                sole = frame;
                return;
            }
            keys = new int[4];
            values = new Frame[4];
            size = 0;
            Frame first = sole;
            sole = null;
            putInTable(soleId, first);
        }
        putInTable(id, frame);
    }

    private void putInTable(int id, Frame frame) {
        int i = slot(id);
        if (values[i] == null) {
            if (2 * (size + 1) > keys.length) { // keep it at most half full
                grow();
                i = slot(id);
            }
            size++;
        }
        keys[i] = id;
        values[i] = frame;
    }

    Frame remove(int id) {
        if (values == null) {
            if (sole == null || soleId != id) return null;
            Frame old = sole;
            sole = null;
            size = 0;
            return old;
        }
        int mask = keys.length - 1;
        int i = slot(id);
        Frame old = values[i];
        if (old == null) return null;
        values[i] = null;
        size--;
        // Backward-shift deletion: move later members of the probe run into the gap, so that
        // lookups never need tombstones.
        for (int j = (i + 1) & mask; values[j] != null; j = (j + 1) & mask) {
            int home = home(keys[j], mask);
            boolean movable = i <= j ? home <= i || home > j : home <= i && home > j;
            if (movable) {
                keys[i] = keys[j];
                values[i] = values[j];
                values[j] = null;
                i = j;
            }
        }
        return old;
    }

    private void grow() {
        int[] oldKeys = keys;
        Frame[] oldValues = values;
        keys = new int[oldKeys.length * 2];
        values = new Frame[oldValues.length * 2];
        for (int i = 0; i < oldKeys.length; i++) {
            if (oldValues[i] != null) {
                int j = slot(oldKeys[i]);
                keys[j] = oldKeys[i];
                values[j] = oldValues[i];
            }
        }
    }

    /**
     * Every frame in table order, for walks where order does not matter (a minimum, a sum):
     * no copy and no sort. The table must not change during the walk.
     */
    Iterable<Frame> inAnyOrder() {
        if (values == null) return sole == null ? List.of() : List.of(sole);
        return () -> new java.util.Iterator<>() {
            private int next = advance(0);

            private int advance(int from) {
                while (from < values.length && values[from] == null) from++;
                return from;
            }

            @Override
            public boolean hasNext() { return next < values.length; }

            @Override
            public Frame next() {
                if (next >= values.length) throw new java.util.NoSuchElementException();
                Frame f = values[next];
                next = advance(next + 1);
                return f;
            }
        };
    }

    /** Every frame, ascending by id (outer frames before the ones they started): a copy. */
    List<Frame> inIdOrder() {
        List<Frame> all = new ArrayList<>(size);
        if (values == null) {
            if (sole != null) all.add(sole);
            return all;
        }
        for (Frame f : values) if (f != null) all.add(f);
        all.sort(Comparator.comparingInt(f -> f.id));
        return all;
    }

    /** Every frame, innermost (highest id) first: a copy. */
    List<Frame> innermostFirst() {
        List<Frame> all = inIdOrder();
        java.util.Collections.reverse(all);
        return all;
    }

    @JsonValue
    Map<Integer, Frame> asSortedMap() {
        Map<Integer, Frame> sorted = new TreeMap<>();
        for (Frame f : inIdOrder()) sorted.put(f.id, f);
        return sorted;
    }

    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    static FrameTable of(Map<Integer, Frame> frames) {
        FrameTable t = new FrameTable();
        frames.forEach(t::put);
        return t;
    }

    @Override
    public String toString() { return "FrameTable" + Arrays.toString(inIdOrder().stream().mapToInt(f -> f.id).toArray()); }
}
