package dev.stride.engine.internal;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;

/**
 * The ids of an execution's ready frames, in order: a ring of ints. A deque of boxed Integers
 * allocated a box for every frame id past 127 each time a frame became ready (every Map
 * iteration and Parallel branch). In a snapshot it is the same JSON array of ids.
 */
final class IntDeque {
    private int[] ring = new int[2];
    private int head; // index of the first element
    private int size;

    IntDeque() {}

    boolean isEmpty() { return size == 0; }

    int size() { return size; }

    void addLast(int id) {
        if (size == ring.length) grow();
        ring[(head + size) & (ring.length - 1)] = id;
        size++;
    }

    void addFirst(int id) {
        if (size == ring.length) grow();
        head = (head - 1) & (ring.length - 1);
        ring[head] = id;
        size++;
    }

    /** The first id, removed; -1 when empty (frame ids are never negative). */
    int pollFirst() {
        if (size == 0) return -1;
        int id = ring[head];
        head = (head + 1) & (ring.length - 1);
        size--;
        return id;
    }

    boolean contains(int id) {
        for (int i = 0; i < size; i++) if (ring[(head + i) & (ring.length - 1)] == id) return true;
        return false;
    }

    /** Removes the first occurrence of the id; false when absent. */
    boolean remove(int id) {
        int mask = ring.length - 1;
        for (int i = 0; i < size; i++) {
            if (ring[(head + i) & mask] == id) {
                for (int k = i; k < size - 1; k++) ring[(head + k) & mask] = ring[(head + k + 1) & mask];
                size--;
                return true;
            }
        }
        return false;
    }

    void clear() {
        head = 0;
        size = 0;
    }

    private void grow() {
        int[] bigger = new int[ring.length * 2];
        for (int i = 0; i < size; i++) bigger[i] = ring[(head + i) & (ring.length - 1)];
        ring = bigger;
        head = 0;
    }

    @JsonValue
    int[] toArray() {
        int[] out = new int[size];
        for (int i = 0; i < size; i++) out[i] = ring[(head + i) & (ring.length - 1)];
        return out;
    }

    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    static IntDeque of(int[] ids) {
        IntDeque d = new IntDeque();
        for (int id : ids) d.addLast(id);
        return d;
    }

    @Override
    public String toString() { return Arrays.toString(toArray()); }
}
