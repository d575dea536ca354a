package dev.stride.service.dynamodb.expression.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Arrays;

/**
 * A resolved document path such as {@code a.b[2].c}: the first element is a top-level attribute
 * name; each later one is a map key (String) or a list index (Integer). Placeholders are already
 * replaced by the names they stand for.
 */
public record DocumentPath(Object[] elements) {
    public String top() { return (String) elements[0]; }

    public int length() { return elements.length; }

    public Object element(int i) { return elements[i]; }

    public boolean isTopLevel() { return elements.length == 1; }

    /** The value at this path in {@code item}, or null when any step is missing or of the wrong type. */
    public JsonNode find(ObjectNode item) {
        if (item == null) return null;
        JsonNode current = item.get(top());
        for (int i = 1; i < elements.length && current != null; i++) {
            current = step(current, elements[i]);
        }
        return current;
    }

    /** One step down from a value: a map's key or a list's index; null when the value is not that container. */
    static JsonNode step(JsonNode value, Object element) {
        if (element instanceof String key) {
            JsonNode map = value.get("M");
            return map == null ? null : map.get(key);
        }
        JsonNode list = value.get("L");
        return list == null ? null : list.get((Integer) element);
    }

    /** DynamoDB's rendering in overlap messages: {@code [a, b, [0]]}. */
    @Override
    public String toString() {
        StringBuilder out = new StringBuilder("[");
        for (int i = 0; i < elements.length; i++) {
            if (i > 0) out.append(", ");
            if (elements[i] instanceof Integer index) out.append('[').append(index).append(']');
            else out.append(elements[i]);
        }
        return out.append(']').toString();
    }

    @Override
    public boolean equals(Object o) { return o instanceof DocumentPath p && Arrays.equals(elements, p.elements); }

    @Override
    public int hashCode() { return Arrays.hashCode(elements); }
}
