package dev.stride.service.sns.internal.query;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.stride.service.JsonProtocol;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * Turns the query protocol's flattened form ({@code Attributes.entry.1.key},
 * {@code Tags.member.2.Value}, {@code MessageAttributes.entry.1.Value.StringValue}) into the
 * JSON shape the actions read, so both ways in end in the same code. It needs no per-action
 * table: {@code member.N} is always a list, {@code entry.N.key/value} (or {@code Name/Value})
 * always a map.
 */
public final class QueryForm {
    private QueryForm() {}

    public static ObjectNode params(Map<String, String> form) {
        Map<String, Object> tree = new LinkedHashMap<>();
        form.forEach((name, value) -> {
            if (!name.equals("Action") && !name.equals("Version")) put(tree, name.split("\\."), value);
        });
        return (ObjectNode) toJson(tree);
    }

    @SuppressWarnings("unchecked")
    private static void put(Map<String, Object> tree, String[] path, String value) {
        Map<String, Object> node = tree;
        for (int i = 0; i < path.length - 1; i++) {
            Object child = node.get(path[i]);
            if (!(child instanceof Map)) {
                child = new LinkedHashMap<String, Object>();
                node.put(path[i], child);
            }
            node = (Map<String, Object>) child;
        }
        node.putIfAbsent(path[path.length - 1], value);
    }

    @SuppressWarnings("unchecked")
    private static JsonNode toJson(Object node) {
        if (node instanceof String s) return TextNode.valueOf(s);
        Map<String, Object> map = (Map<String, Object>) node;
        if (map.size() == 1 && map.get("member") instanceof Map<?, ?> members) return list((Map<String, Object>) members);
        if (map.size() == 1 && map.get("entry") instanceof Map<?, ?> entries) return entries((Map<String, Object>) entries);
        ObjectNode out = JsonProtocol.MAPPER.createObjectNode();
        map.forEach((k, v) -> out.set(k, toJson(v)));
        return out;
    }

    private static ArrayNode list(Map<String, Object> members) {
        ArrayNode out = JsonProtocol.MAPPER.createArrayNode();
        byIndex(members).values().forEach(v -> out.add(toJson(v)));
        return out;
    }

    @SuppressWarnings("unchecked")
    private static ObjectNode entries(Map<String, Object> entries) {
        ObjectNode out = JsonProtocol.MAPPER.createObjectNode();
        for (Object e : byIndex(entries).values()) {
            if (!(e instanceof Map)) continue;
            Map<String, Object> entry = (Map<String, Object>) e;
            Object key = entry.containsKey("key") ? entry.get("key") : entry.get("Name");
            Object value = entry.containsKey("value") ? entry.get("value") : entry.get("Value");
            if (key instanceof String k) out.set(k, value == null ? TextNode.valueOf("") : toJson(value));
        }
        return out;
    }

    /** Members in the order of their 1-based index (numerically: 10 after 9). */
    private static Map<Integer, Object> byIndex(Map<String, Object> members) {
        Map<Integer, Object> out = new TreeMap<>();
        members.forEach((k, v) -> {
            try {
                out.put(Integer.parseInt(k), v);
            } catch (NumberFormatException ignored) {
                // not an index: SNS ignores it as well
            }
        });
        return out;
    }
}
