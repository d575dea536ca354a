package dev.stride.service.dynamodb.expression.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.stride.service.dynamodb.expression.Projection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A projection ready to apply. The result keeps the item's structure along each path: a map
 * keeps only the projected keys, a list only the projected elements, in their original order
 * ({@code l[3], l[1]} gives a two-element list: l[1] then l[3]).
 */
public final class ParsedProjection implements Projection {
    private final List<DocumentPath> paths;
    private final boolean topLevelOnly;

    public ParsedProjection(List<DocumentPath> paths) {
        this.paths = List.copyOf(paths);
        this.topLevelOnly = this.paths.stream().allMatch(DocumentPath::isTopLevel);
    }

    @Override
    public ObjectNode apply(ObjectNode item) {
        ObjectNode out = JsonNodes.F.objectNode();
        if (item == null) return out;
        if (topLevelOnly) {
            // the common case, AttributesToGet and "a, b, c", needs no tree
            for (DocumentPath p : paths) {
                JsonNode v = item.get(p.top());
                if (v != null) out.set(p.top(), v.deepCopy());
            }
            return out;
        }
        Map<Object, Object> tree = new LinkedHashMap<>();
        for (DocumentPath p : paths) collect(item.get(p.top()), p, 1, tree, p.top());
        for (Map.Entry<Object, Object> e : tree.entrySet()) out.set((String) e.getKey(), render(e.getValue()));
        return out;
    }

    /**
     * Records the value at {@code path} under {@code parent[key]}, building the intermediate
     * containers only once the value is known to exist; a leaf is the value itself.
     */
    private static boolean collect(JsonNode value, DocumentPath path, int depth, Map<Object, Object> parent, Object key) {
        if (value == null) return false;
        if (depth == path.length()) {
            parent.put(key, value);
            return true;
        }
        Object element = path.element(depth);
        JsonNode child = DocumentPath.step(value, element);
        if (child == null) return false;
        Container container = parent.get(key) instanceof Container c ? c : new Container(element instanceof Integer);
        if (!collect(child, path, depth + 1, container.children, element)) return false;
        parent.put(key, container);
        return true;
    }

    private static JsonNode render(Object node) {
        if (!(node instanceof Container c)) return ((JsonNode) node).deepCopy();
        ObjectNode out = JsonNodes.F.objectNode();
        if (c.list) {
            ArrayNode list = out.putArray("L");
            for (Object child : c.children.values()) list.add(render(child));
        } else {
            ObjectNode map = out.putObject("M");
            for (Map.Entry<Object, Object> e : c.children.entrySet()) map.set((String) e.getKey(), render(e.getValue()));
        }
        return out;
    }

    /** A projected map (keys in path order) or list (indexes ascending, as in the item). */
    private static final class Container {
        final boolean list;
        final Map<Object, Object> children;

        Container(boolean list) {
            this.list = list;
            this.children = list ? new TreeMap<>() : new LinkedHashMap<>();
        }
    }
}
