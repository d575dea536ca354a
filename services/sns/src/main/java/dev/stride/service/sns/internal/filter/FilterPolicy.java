package dev.stride.service.sns.internal.filter;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A subscription's filter policy, compiled once when it is set: every key's rule must hold
 * (AND), each {@code $or} group needs one of its alternatives, and a key's value list holds when
 * any of its conditions matches any of the key's values (an array attribute or body array offers
 * each element).
 *
 * <p>With scope {@link Scope#MESSAGE_ATTRIBUTES} the keys are message attribute names; with
 * {@link Scope#MESSAGE_BODY} they are paths into the message parsed as JSON (a body that is not
 * JSON matches nothing).
 */
public final class FilterPolicy {
    public enum Scope { MESSAGE_ATTRIBUTES, MESSAGE_BODY }

    /** One key of the policy: where its values are found and what they must satisfy. */
    record KeyRule(List<String> path, List<Condition> conditions) {}

    /** A conjunction of key rules and {@code $or} groups (each a list of alternative policies). */
    record Clause(List<KeyRule> rules, List<List<Clause>> anyOf) {}

    private final Clause root;
    private final Scope scope;

    FilterPolicy(Clause root, Scope scope) {
        this.root = root;
        this.scope = scope;
    }

    /**
     * Validates and compiles a policy's JSON text.
     *
     * @throws dev.stride.service.ServiceException {@code InvalidParameter} with AWS's
     *         {@code Invalid parameter: FilterPolicy: ...} message
     */
    public static FilterPolicy compile(String json, Scope scope) {
        return new FilterPolicy(FilterPolicyParser.parse(json, scope), scope);
    }

    public Scope scope() { return scope; }

    /**
     * Whether a message passes.
     *
     * @param attributes attribute name to its value as JSON (numbers for Number attributes, an
     *                   array for String.Array ones); binary attributes are left out
     * @param body       the message body parsed as JSON, or null when it is not JSON (only read
     *                   for the message-body scope)
     */
    public boolean matches(Map<String, JsonNode> attributes, JsonNode body) {
        if (scope == Scope.MESSAGE_BODY && (body == null || !body.isObject())) return false;
        return matches(root, attributes, body);
    }

    private boolean matches(Clause clause, Map<String, JsonNode> attributes, JsonNode body) {
        for (KeyRule rule : clause.rules()) {
            List<JsonNode> values = scope == Scope.MESSAGE_ATTRIBUTES ? attributeValues(attributes, rule.path().get(0)) : bodyValues(body, rule.path());
            if (!holds(rule.conditions(), values)) return false;
        }
        for (List<Clause> group : clause.anyOf()) {
            boolean any = false;
            for (Clause alternative : group) {
                if (matches(alternative, attributes, body)) {
                    any = true;
                    break;
                }
            }
            if (!any) return false;
        }
        return true;
    }

    private static boolean holds(List<Condition> conditions, List<JsonNode> values) {
        for (Condition c : conditions) {
            if (values.isEmpty()) {
                if (c.matchesAbsent()) return true;
                continue;
            }
            for (JsonNode v : values) if (c.matches(v)) return true;
        }
        return false;
    }

    private static List<JsonNode> attributeValues(Map<String, JsonNode> attributes, String name) {
        JsonNode v = attributes.get(name);
        if (v == null) return List.of();
        if (!v.isArray()) return List.of(v);
        List<JsonNode> out = new ArrayList<>(v.size());
        v.forEach(out::add);
        return out;
    }

    /** The values at a path of the body; an array met on the way offers each of its elements. */
    private static List<JsonNode> bodyValues(JsonNode body, List<String> path) {
        List<JsonNode> current = List.of(body);
        for (String key : path) {
            List<JsonNode> next = new ArrayList<>(2);
            for (JsonNode node : current) collect(node.path(key), next);
            if (next.isEmpty()) return next;
            current = next;
        }
        return current;
    }

    private static void collect(JsonNode node, List<JsonNode> into) {
        if (node instanceof MissingNode) return;
        if (node.isArray()) node.forEach(into::add);
        else into.add(node);
    }
}
