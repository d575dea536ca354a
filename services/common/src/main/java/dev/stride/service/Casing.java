package dev.stride.service;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Locale;
import java.util.Set;

/**
 * Batch and ECS name members camelCase on the wire ({@code jobQueue}); Task states and Step
 * Functions' outputs name them PascalCase ({@code JobQueue}). These convert one to the other, all
 * the way down, except inside members that are maps of the user's own keys (job parameters,
 * tags, log driver options), whose keys are data.
 */
public final class Casing {
    private Casing() {}

    public static JsonNode camel(JsonNode n, Set<String> mapMembers) { return convert(n, false, mapMembers); }

    public static JsonNode pascal(JsonNode n, Set<String> mapMembers) { return convert(n, true, mapMembers); }

    private static JsonNode convert(JsonNode n, boolean upper, Set<String> maps) {
        if (n instanceof ArrayNode a) {
            ArrayNode out = JsonNodeFactory.instance.arrayNode();
            a.forEach(item -> out.add(convert(item, upper, maps)));
            return out;
        }
        if (!(n instanceof ObjectNode o)) return n;
        ObjectNode out = JsonNodeFactory.instance.objectNode();
        o.properties().forEach(e -> {
            String camel = lowerFirst(e.getKey());
            JsonNode v = maps.contains(camel) ? e.getValue() : convert(e.getValue(), upper, maps);
            out.set(upper ? upperFirst(e.getKey()) : camel, v);
        });
        return out;
    }

    private static String lowerFirst(String s) { return s.isEmpty() ? s : s.substring(0, 1).toLowerCase(Locale.ROOT) + s.substring(1); }

    private static String upperFirst(String s) { return s.isEmpty() ? s : s.substring(0, 1).toUpperCase(Locale.ROOT) + s.substring(1); }
}
