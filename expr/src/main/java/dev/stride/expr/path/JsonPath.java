package dev.stride.expr.path;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.stride.expr.ErrorNames;
import dev.stride.expr.Json;
import dev.stride.expr.Scope;
import dev.stride.expr.StatesError;

import java.util.ArrayList;
import java.util.List;

/**
 * A compiled JSONPath in AWS's dialect (Jayway semantics). Roots: {@code $} (the input), {@code $$} (the context
 * object) and {@code $name} (a workflow variable). The text is parsed once into a list of steps; evaluation only
 * walks that list.
 */
public final class JsonPath {

    /** What the path is evaluated against. */
    public enum Root { INPUT, CONTEXT, VARIABLE }

    private final String text;
    private final Root root;
    private final String variable;
    private final Segment[] segments;
    private final boolean lengthFunction;
    private final boolean definite;
    private final boolean stepsDefinite;
    private final String canonical;

    private JsonPath(String text, Root root, String variable, Segment[] segments, boolean lengthFunction) {
        this.text = text;
        this.root = root;
        this.variable = variable;
        this.segments = segments;
        this.lengthFunction = lengthFunction;
        boolean d = true;
        for (Segment s : segments) d &= s.definite();
        this.stepsDefinite = d;
        this.definite = d || lengthFunction;
        StringBuilder sb = new StringBuilder("$");
        for (Segment s : segments) sb.append(s.canonical());
        if (lengthFunction) sb.append(".length()");
        this.canonical = sb.toString();
    }

    /** Compiles a path rooted at $ (input), $$ (context) or $name (variable). @throws IllegalArgumentException on bad syntax. */
    public static JsonPath compile(String text) {
        if (text == null) throw new IllegalArgumentException("JSONPath must not be null");
        String t = text.strip();
        if (!t.startsWith("$")) throw new IllegalArgumentException("Invalid JSONPath '" + text + "': a path must start with '$'");
        int pos = 1;
        Root root = Root.INPUT;
        String variable = null;
        if (t.startsWith("$$")) {
            root = Root.CONTEXT;
            pos = 2;
        } else if (t.length() > 1 && isVariableStart(t.charAt(1))) {
            root = Root.VARIABLE;
            while (pos < t.length() && isVariablePart(t.charAt(pos))) pos++;
            variable = t.substring(1, pos);
        }
        PathParser parser = new PathParser(t, pos, false);
        List<Segment> segments = parser.parseSegments();
        return new JsonPath(t, root, variable, segments.toArray(new Segment[0]), parser.lengthFunction);
    }

    private static boolean isVariableStart(char c) { return Character.isLetter(c) || c == '_'; }

    private static boolean isVariablePart(char c) { return Character.isLetterOrDigit(c) || c == '_'; }

    /** The path as written (surrounding whitespace removed). */
    public String text() { return text; }

    public Root root() { return root; }

    /** The variable name for a {@code $name} path, else null. */
    public String variable() { return variable; }

    /** True when the path selects at most one node (no wildcard, filter, slice, union or deep scan). */
    public boolean isDefinite() { return definite; }

    /** True for {@code $}, {@code $$} or {@code $name} alone. */
    public boolean isRootOnly() { return segments.length == 0 && !lengthFunction; }

    /** The node the path starts from in this scope, or Java null (undefined variable). */
    public JsonNode rootNode(Scope scope) {
        return switch (root) {
            case INPUT -> scope.input();
            case CONTEXT -> scope.context();
            case VARIABLE -> scope.variables() == null ? null : scope.variables().lookup(variable);
        };
    }

    /**
     * The selected value; Java null when a definite path matches nothing. An indefinite path always gives an array
     * of its matches (empty when nothing matches, as AWS does for {@code $.items[*]} over missing input).
     */
    public JsonNode read(Scope scope) {
        return read(rootNode(scope));
    }

    /** Evaluates the path against the given root node (whatever its root symbol). */
    public JsonNode read(JsonNode start) {
        if (start == null) return definite ? null : Json.NODES.arrayNode();
        if (stepsDefinite) {
            JsonNode value = readDefinite(start);
            if (lengthFunction) return value == null ? null : length(value);
            return value;
        }
        List<JsonNode> all = evaluate(segments, start, start);
        ArrayNode array = Json.NODES.arrayNode(all.size());
        array.addAll(all);
        return lengthFunction ? Json.NODES.numberNode(all.size()) : array;
    }

    private static JsonNode length(JsonNode value) {
        if (value.isContainerNode()) return Json.NODES.numberNode(value.size());
        if (value.isTextual()) return Json.NODES.numberNode(value.textValue().length());
        return null;
    }

    private JsonNode readDefinite(JsonNode node) {
        for (Segment s : segments) {
            if (s instanceof Segment.Property p) {
                node = node.isObject() ? node.get(p.name()) : null;
            } else {
                int index = ((Segment.Index) s).index();
                if (!node.isArray()) return null;
                int i = index < 0 ? node.size() + index : index;
                node = i >= 0 && i < node.size() ? node.get(i) : null;
            }
            if (node == null) return null;
        }
        return node;
    }

    /** Breadth-wise evaluation of any step list; {@code root} is what {@code $} means inside filters. */
    static List<JsonNode> evaluate(Segment[] segments, JsonNode start, JsonNode root) {
        List<JsonNode> current = new ArrayList<>(1);
        current.add(start);
        for (int i = 0; i < segments.length; i++) {
            boolean leaf = i == segments.length - 1;
            List<JsonNode> next = new ArrayList<>();
            for (JsonNode node : current) segments[i].select(node, root, leaf, next);
            if (next.isEmpty()) return next;
            current = next;
        }
        return current;
    }

    /** Jayway's rendering used in AWS messages, e.g. {@code $['a'][0]['b']}. Always starts with a single {@code $}. */
    public String canonical() { return canonical; }

    /**
     * Returns a copy of target with value placed at this (definite, $-rooted) path, creating objects as needed.
     * Only the nodes along the path are copied; target is not modified.
     *
     * @throws StatesError {@code States.ResultPathMatchFailure} when the path cannot be applied to target
     * @throws IllegalStateException when the path is not a definite {@code $} path
     */
    public JsonNode write(JsonNode target, JsonNode value) {
        if (root != Root.INPUT || !definite || lengthFunction) {
            throw new IllegalStateException("ResultPath must be a definite path rooted at '$': " + text);
        }
        if (segments.length == 0) return value;
        JsonNode result = write(target, 0, value);
        if (result == null) {
            throw new StatesError(ErrorNames.RESULT_PATH_MATCH_FAILURE,
                    "Unable to apply ReferencePath " + text + " to input " + Json.write(target == null ? Json.NODES.nullNode() : target));
        }
        return result;
    }

    /** Returns a copy of node with the value written below it, or Java null when it cannot be applied. */
    private JsonNode write(JsonNode node, int i, JsonNode value) {
        Segment s = segments[i];
        boolean last = i == segments.length - 1;
        if (s instanceof Segment.Property p) {
            if (node == null || !node.isObject()) return null;
            JsonNode child = node.get(p.name());
            JsonNode newChild;
            if (last) {
                newChild = value;
            } else {
                newChild = write(child == null ? Json.NODES.objectNode() : child, i + 1, value);
                if (newChild == null) return null;
            }
            ObjectNode copy = Json.object(node.size() + 1);
            copy.setAll((ObjectNode) node); // shallow: untouched siblings are shared, never mutated
            copy.set(p.name(), newChild);
            return copy;
        }
        int index = ((Segment.Index) s).index();
        if (node == null || !node.isArray()) return null;
        int at = index < 0 ? node.size() + index : index;
        if (at < 0 || at >= node.size()) return null;
        JsonNode newChild = last ? value : write(node.get(at), i + 1, value);
        if (newChild == null) return null;
        ArrayNode copy = Json.NODES.arrayNode(node.size());
        copy.addAll((ArrayNode) node);
        copy.set(at, newChild);
        return copy;
    }

    @Override
    public String toString() { return text; }

    @Override
    public boolean equals(Object o) { return o instanceof JsonPath p && p.text.equals(text); }

    @Override
    public int hashCode() { return text.hashCode(); }
}
