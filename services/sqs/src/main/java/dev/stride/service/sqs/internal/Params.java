package dev.stride.service.sqs.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads an action's parameters. The JSON protocol sends numbers as numbers; the query protocol
 * (decoded into the same shape) and Step Functions payloads may send them as strings, so both
 * are read alike.
 */
final class Params {
    private Params() {}

    /** The text of a member, or null when absent or JSON null. */
    static String text(JsonNode params, String name) {
        JsonNode n = params.get(name);
        if (n == null || n.isNull()) return null;
        return n.isTextual() ? n.textValue() : n.toString();
    }

    static String required(JsonNode params, String name) {
        String v = text(params, name);
        if (v == null || v.isEmpty()) throw Errors.missing(name);
        return v;
    }

    /** An integer member, or {@code fallback} when absent; {@code reason} says AWS's range when it is no integer. */
    static int integer(JsonNode params, String name, int fallback, String reason) {
        JsonNode n = params.get(name);
        if (n == null || n.isNull()) return fallback;
        if (n.isIntegralNumber() && n.canConvertToInt()) return n.intValue();
        String s = n.asText().trim();
        try {
            return Integer.parseInt(s);
        } catch (NumberFormatException e) {
            throw Errors.invalidParameter(name, s, reason);
        }
    }

    /** An integer member that must lie in [min, max]; AWS's text for a value outside. */
    static int ranged(JsonNode params, String name, int fallback, int min, int max, String reason) {
        int v = integer(params, name, fallback, reason);
        if (v < min || v > max) throw Errors.invalidParameter(name, v, reason);
        return v;
    }

    static boolean has(JsonNode params, String name) {
        JsonNode n = params.get(name);
        return n != null && !n.isNull();
    }

    /** A list of strings (AttributeNames, TagKeys, ...); a lone string counts as a list of one. */
    static List<String> strings(JsonNode params, String name) {
        JsonNode n = params.get(name);
        List<String> out = new ArrayList<>();
        if (n == null || n.isNull()) return out;
        if (n.isArray()) {
            for (JsonNode e : n) out.add(e.asText());
        } else {
            out.add(n.asText());
        }
        return out;
    }

    /** A map member as an object node, empty when absent. */
    static ObjectNode object(JsonNode params, String name) {
        JsonNode n = params.get(name);
        if (n instanceof ObjectNode o) return o;
        if (n == null || n.isNull()) return Json.MAPPER.createObjectNode();
        throw Errors.invalidValue("The parameter " + name + " must be a map.");
    }

    /** The elements of a list member, each an object (batch entries). */
    static List<ObjectNode> objects(JsonNode params, String name) {
        JsonNode n = params.get(name);
        List<ObjectNode> out = new ArrayList<>();
        if (n == null || n.isNull()) return out;
        if (!n.isArray()) throw Errors.invalidValue("The parameter " + name + " must be a list.");
        for (JsonNode e : n) {
            if (!(e instanceof ObjectNode o)) throw Errors.invalidValue("Each element of " + name + " must be a structure.");
            out.add(o);
        }
        return out;
    }
}
