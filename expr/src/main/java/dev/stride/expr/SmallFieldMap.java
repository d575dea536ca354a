package dev.stride.expr;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.Arrays;
import java.util.ConcurrentModificationException;
import java.util.Iterator;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Set;

/**
 * The members of a small JSON object, in insertion order, in one array: keys at even indexes,
 * values at odd ones. Lookups scan the array.
 *
 * <p>Why: nearly every state builds an object of a few members (a Parameters template, the copy
 * a ResultPath makes). Backed by Jackson's default LinkedHashMap, each costs a map, a hash table
 * and an entry per member, and hashing on every put; profiles of short executions showed that
 * building them was the largest single cost. Meant for objects of up to {@link #SMALL} members
 * ({@link Json#object(int)} picks it); it stays correct past that, only slower.
 */
final class SmallFieldMap extends AbstractMap<String, JsonNode> {
    /** Up to this many members an array scan beats hashing. */
    static final int SMALL = 8;

    private Object[] slots;
    private int size;
    private int modCount;

    SmallFieldMap(int expected) {
        slots = new Object[Math.max(2, 2 * expected)];
    }

    @Override
    public int size() { return size; }

    @Override
    public boolean isEmpty() { return size == 0; }

    private int indexOf(Object key) {
        Object[] s = slots;
        int end = 2 * size;
        for (int i = 0; i < end; i += 2) if (s[i] == key) return i; // keys are usually the definition's own strings
        if (key == null) return -1;
        for (int i = 0; i < end; i += 2) if (key.equals(s[i])) return i;
        return -1;
    }

    @Override
    public JsonNode get(Object key) {
        int i = indexOf(key);
        return i < 0 ? null : (JsonNode) slots[i + 1];
    }

    @Override
    public boolean containsKey(Object key) { return indexOf(key) >= 0; }

    @Override
    public JsonNode put(String key, JsonNode value) {
        Objects.requireNonNull(key, "JSON member names are never null");
        int i = indexOf(key);
        if (i >= 0) {
            JsonNode old = (JsonNode) slots[i + 1];
            slots[i + 1] = value;
            return old; // a replaced member keeps its place, as in LinkedHashMap
        }
        int at = 2 * size;
        if (at == slots.length) slots = Arrays.copyOf(slots, slots.length * 2);
        slots[at] = key;
        slots[at + 1] = value;
        size++;
        modCount++;
        return null;
    }

    /** ObjectNode.setAll lands here: copying another small object into an empty one is one array copy. */
    @Override
    public void putAll(Map<? extends String, ? extends JsonNode> m) {
        if (m instanceof SmallFieldMap other) {
            if (size == 0) {
                if (slots.length < 2 * other.size) slots = new Object[2 * other.size + 2];
                System.arraycopy(other.slots, 0, slots, 0, 2 * other.size);
                size = other.size;
                modCount++;
            } else {
                for (int i = 0; i < 2 * other.size; i += 2) put((String) other.slots[i], (JsonNode) other.slots[i + 1]);
            }
            return;
        }
        m.forEach(this::put);
    }

    /** Visits the members without allocating entries (ObjectNode.forEachEntry, the payload quota's walk). */
    @Override
    public void forEach(java.util.function.BiConsumer<? super String, ? super JsonNode> action) {
        int expected = modCount;
        for (int i = 0; i < 2 * size; i += 2) {
            action.accept((String) slots[i], (JsonNode) slots[i + 1]);
            if (modCount != expected) throw new ConcurrentModificationException();
        }
    }

    @Override
    public JsonNode remove(Object key) {
        int i = indexOf(key);
        if (i < 0) return null;
        JsonNode old = (JsonNode) slots[i + 1];
        removeAt(i);
        return old;
    }

    private void removeAt(int i) {
        int end = 2 * size;
        System.arraycopy(slots, i + 2, slots, i, end - i - 2);
        slots[end - 2] = null;
        slots[end - 1] = null;
        size--;
        modCount++;
    }

    @Override
    public void clear() {
        Arrays.fill(slots, 0, 2 * size, null);
        size = 0;
        modCount++;
    }

    @Override
    public Set<Map.Entry<String, JsonNode>> entrySet() {
        return new AbstractSet<>() {
            @Override
            public int size() { return size; }

            @Override
            public Iterator<Map.Entry<String, JsonNode>> iterator() { return new Members(); }
        };
    }

    /** Iterates the members in order; entries write through, and {@code remove} is supported. */
    private final class Members implements Iterator<Map.Entry<String, JsonNode>> {
        private int next; // slot index of the next member
        private int last = -1;
        private int expectedMod = modCount;

        @Override
        public boolean hasNext() { return next < 2 * size; }

        @Override
        public Map.Entry<String, JsonNode> next() {
            if (modCount != expectedMod) throw new ConcurrentModificationException();
            if (next >= 2 * size) throw new NoSuchElementException();
            last = next;
            next += 2;
            return new Member(last);
        }

        @Override
        public void remove() {
            if (last < 0) throw new IllegalStateException();
            if (modCount != expectedMod) throw new ConcurrentModificationException();
            removeAt(last);
            next = last;
            last = -1;
            expectedMod = modCount;
        }
    }

    private final class Member implements Map.Entry<String, JsonNode> {
        private final int at;

        Member(int at) { this.at = at; }

        @Override
        public String getKey() { return (String) slots[at]; }

        @Override
        public JsonNode getValue() { return (JsonNode) slots[at + 1]; }

        @Override
        public JsonNode setValue(JsonNode value) {
            JsonNode old = getValue();
            slots[at + 1] = value;
            return old;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Map.Entry<?, ?> e && Objects.equals(getKey(), e.getKey()) && Objects.equals(getValue(), e.getValue());
        }

        @Override
        public int hashCode() { return Objects.hashCode(getKey()) ^ Objects.hashCode(getValue()); }

        @Override
        public String toString() { return getKey() + "=" + getValue(); }
    }
}
