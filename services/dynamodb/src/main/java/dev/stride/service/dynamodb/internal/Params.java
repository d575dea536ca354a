package dev.stride.service.dynamodb.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.stride.service.dynamodb.expression.ExpressionContext;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/** Reading an action's parameters, with the validation messages AWS's request validator writes. */
final class Params {
    private Params() {}

    static String string(ObjectNode p, String member) {
        JsonNode v = p.get(member);
        return v == null || v.isNull() ? null : v.asText();
    }

    static String required(ObjectNode p, String member) {
        String v = string(p, member);
        if (v == null) throw Errors.missingParameter(lowerFirst(member));
        return v;
    }

    static ObjectNode object(ObjectNode p, String member) {
        JsonNode v = p.get(member);
        if (v == null || v.isNull()) return null;
        if (!(v instanceof ObjectNode o)) throw Errors.validation("1 validation error detected: Value at '" + lowerFirst(member) + "' must be a map");
        return o;
    }

    static ObjectNode requiredObject(ObjectNode p, String member) {
        ObjectNode o = object(p, member);
        if (o == null) throw Errors.missingParameter(lowerFirst(member));
        return o;
    }

    static String oneOf(ObjectNode p, String member, String fallback, Set<String> allowed) {
        String v = string(p, member);
        if (v == null) return fallback;
        if (!allowed.contains(v)) {
            throw Errors.validation("1 validation error detected: Value '" + v + "' at '" + lowerFirst(member)
                    + "' failed to satisfy constraint: Member must satisfy enum value set: " + allowed.stream().sorted().toList());
        }
        return v;
    }

    static boolean bool(ObjectNode p, String member) { return p.path(member).asBoolean(false); }

    /** Limit: absent is null; otherwise at least 1 as AWS checks. */
    static Integer limit(ObjectNode p) {
        JsonNode v = p.get("Limit");
        if (v == null || v.isNull()) return null;
        int n = v.asInt();
        if (n < 1) {
            throw Errors.validation("1 validation error detected: Value '" + n + "' at 'limit' failed to satisfy constraint: "
                    + "Member must have value greater than or equal to 1");
        }
        return n;
    }

    /** The request's ExpressionAttributeNames and ExpressionAttributeValues, shared by all its expressions. */
    static ExpressionContext expressions(ObjectNode p) {
        Map<String, String> names = null;
        ObjectNode n = object(p, "ExpressionAttributeNames");
        if (n != null) {
            names = new LinkedHashMap<>();
            for (Map.Entry<String, JsonNode> e : n.properties()) names.put(e.getKey(), e.getValue().asText());
        }
        Map<String, JsonNode> values = null;
        ObjectNode v = object(p, "ExpressionAttributeValues");
        if (v != null) {
            values = new LinkedHashMap<>();
            for (Map.Entry<String, JsonNode> e : v.properties()) values.put(e.getKey(), e.getValue());
        }
        return new ExpressionContext(names, values);
    }

    static String lowerFirst(String s) { return Character.toLowerCase(s.charAt(0)) + s.substring(1); }
}
