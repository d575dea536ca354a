package dev.stride.service.dynamodb.expression.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** Writes and removes values at document paths of an item the caller owns (a copy). */
final class DocumentWriter {
    private DocumentWriter() {}

    /** Sets the value at {@code path}; an index past a list's end appends. The parent must exist. */
    static void set(ObjectNode item, DocumentPath path, JsonNode value) {
        if (path.isTopLevel()) {
            item.set(path.top(), value);
            return;
        }
        JsonNode parent = parent(item, path);
        if (parent == null) throw Errors.invalidPathForUpdate();
        Object last = path.element(path.length() - 1);
        if (last instanceof String key) {
            if (!(parent.get("M") instanceof ObjectNode map)) throw Errors.invalidPathForUpdate();
            map.set(key, value);
        } else {
            if (!(parent.get("L") instanceof ArrayNode list)) throw Errors.invalidPathForUpdate();
            int index = (Integer) last;
            if (index < list.size()) list.set(index, value);
            else list.add(value);
        }
    }

    /** Removes the value at {@code path}; nothing happens when it is not there. */
    static void remove(ObjectNode item, DocumentPath path) {
        if (path.isTopLevel()) {
            item.remove(path.top());
            return;
        }
        JsonNode parent = parent(item, path);
        if (parent == null) return;
        Object last = path.element(path.length() - 1);
        if (last instanceof String key) {
            if (!(parent.get("M") instanceof ObjectNode map)) throw Errors.invalidPathForUpdate();
            map.remove(key);
        } else {
            if (!(parent.get("L") instanceof ArrayNode list)) throw Errors.invalidPathForUpdate();
            int index = (Integer) last;
            if (index < list.size()) list.remove(index);
        }
    }

    /** The value holding the path's last element, or null when a step on the way is missing. */
    private static JsonNode parent(ObjectNode item, DocumentPath path) {
        JsonNode current = item.get(path.top());
        for (int i = 1; i < path.length() - 1 && current != null; i++) {
            JsonNode next = DocumentPath.step(current, path.element(i));
            if (next == null && AttributeKind.of(current) != AttributeKind.M && AttributeKind.of(current) != AttributeKind.L) {
                throw Errors.invalidPathForUpdate();
            }
            current = next;
        }
        return current;
    }
}
