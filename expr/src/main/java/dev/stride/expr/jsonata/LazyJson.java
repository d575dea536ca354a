package dev.stride.expr.jsonata;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.AbstractList;
import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;

/**
 * Read-only views of Jackson values in the shapes the JSONata library expects (Map, List),
 * converting each member only when the expression touches it. Binding {@code $states} this way
 * costs nothing for the parts an expression does not read, e.g. a large execution input in the
 * context object of every Map item.
 */
final class LazyJson {
    private LazyJson() {}

    /** The library value of a node: scalars converted at once, containers as lazy views. */
    static Object of(JsonNode node) {
        if (node == null) return null;
        if (node.isObject()) return new ObjectView(node);
        if (node.isArray()) return new ArrayView(node);
        return Values.toLibrary(node);
    }

    static final class ObjectView extends AbstractMap<String, Object> {
        private final JsonNode node;
        private Map<String, Object> converted;

        ObjectView(JsonNode node) { this.node = node; }

        @Override
        public Object get(Object key) {
            if (!(key instanceof String k)) return null;
            if (converted != null) return converted.get(k);
            JsonNode child = node.get(k);
            return child == null ? null : of(child);
        }

        @Override
        public boolean containsKey(Object key) { return key instanceof String k && node.has(k); }

        @Override
        public int size() { return node.size(); }

        @Override
        public Set<Entry<String, Object>> entrySet() {
            if (converted == null) {
                Map<String, Object> m = new java.util.LinkedHashMap<>(Math.max(4, node.size() * 4 / 3 + 1));
                for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
                    var e = it.next();
                    m.put(e.getKey(), of(e.getValue()));
                }
                converted = m;
            }
            return new AbstractSet<>() {
                @Override public Iterator<Entry<String, Object>> iterator() { return converted.entrySet().iterator(); }
                @Override public int size() { return converted.size(); }
            };
        }
    }

    static final class ArrayView extends AbstractList<Object> {
        private final JsonNode node;
        private final Object[] cache;

        ArrayView(JsonNode node) {
            this.node = node;
            this.cache = new Object[node.size()];
        }

        @Override
        public Object get(int index) {
            Object v = cache[index];
            if (v == null) {
                v = of(node.get(index));
                cache[index] = v;
            }
            return v;
        }

        @Override
        public int size() { return node.size(); }
    }
}
