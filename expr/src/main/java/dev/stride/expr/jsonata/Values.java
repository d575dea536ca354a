package dev.stride.expr.jsonata;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Converts between Jackson trees and the library's value model (Map, List, String, Number,
 * Boolean, {@code NULL_VALUE} for JSON null, Java null for undefined).
 */
final class Values {
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final double TWO_POW_63 = 9.223372036854775807E18;

    private Values() {}

    /** Signals a value that has no JSON form (a function, a regex, ...). */
    static final class NotJson extends RuntimeException {
        NotJson() { super(null, null, false, false); }
    }

    static Object toLibrary(JsonNode node) {
        if (node == null) {
            return null;
        }
        switch (node.getNodeType()) {
            case NULL:
            case MISSING:
                return com.dashjoin.jsonata.Jsonata.NULL_VALUE;
            case STRING:
                return node.textValue();
            case BOOLEAN:
                return node.booleanValue();
            case NUMBER:
                return number(node);
            case ARRAY: {
                List<Object> list = new ArrayList<>(node.size());
                for (JsonNode child : node) {
                    list.add(toLibrary(child));
                }
                return list;
            }
            case OBJECT: {
                Map<String, Object> map = new LinkedHashMap<>(Math.max(4, node.size() * 4 / 3 + 1));
                Iterator<Map.Entry<String, JsonNode>> it = node.fields();
                while (it.hasNext()) {
                    Map.Entry<String, JsonNode> e = it.next();
                    map.put(e.getKey(), toLibrary(e.getValue()));
                }
                return map;
            }
            default:
                // BINARY / POJO never occur in parsed JSON; render them as their text.
                return node.asText();
        }
    }

    private static Object number(JsonNode node) {
        if (node.isInt() || node.isShort()) {
            return node.intValue();
        }
        if (node.isLong()) {
            long l = node.longValue();
            return (int) l == l ? (Object) (int) l : (Object) l;
        }
        // doubles, floats, big decimals and big integers: JSON numbers are doubles in JSONata
        return fromDouble(node.doubleValue());
    }

    /** A double as the library models it: integral values as Integer/Long, like its JSON parser. */
    static Number fromDouble(double d) {
        if (d == Math.rint(d) && Math.abs(d) < TWO_POW_63) {
            long l = (long) d;
            return (int) l == l ? (Number) (int) l : (Number) l;
        }
        return d;
    }

    /**
     * Converts a library result to JSON; Java null (undefined) gives Java null. Follows what
     * JSON.stringify does in jsonata-js: undefined object members are dropped, undefined array
     * members and non-finite numbers become null. A function anywhere throws {@link NotJson}.
     */
    static JsonNode toJson(Object value) {
        if (value == null) {
            return null;
        }
        return toJsonDefined(value);
    }

    private static JsonNode toJsonDefined(Object value) {
        if (value == null || value == com.dashjoin.jsonata.Jsonata.NULL_VALUE) {
            return NODES.nullNode();
        }
        if (value instanceof String s) {
            return NODES.textNode(s);
        }
        if (value instanceof Boolean b) {
            return NODES.booleanNode(b);
        }
        if (value instanceof Number n) {
            return numberNode(n);
        }
        if (value instanceof Map<?, ?> map) {
            ObjectNode obj = NODES.objectNode();
            for (Map.Entry<?, ?> e : map.entrySet()) {
                if (e.getValue() != null) {
                    obj.set(String.valueOf(e.getKey()), toJsonDefined(e.getValue()));
                }
            }
            return obj;
        }
        if (value instanceof List<?> list) {
            ArrayNode arr = NODES.arrayNode(list.size());
            for (Object o : list) {
                arr.add(toJsonDefined(o));
            }
            return arr;
        }
        if (value instanceof Character c) {
            return NODES.textNode(String.valueOf(c));
        }
        throw new NotJson();
    }

    static JsonNode numberNode(Number n) {
        if (n instanceof Integer || n instanceof Short || n instanceof Byte) {
            return NODES.numberNode(n.intValue());
        }
        if (n instanceof Long l) {
            return (int) (long) l == l ? NODES.numberNode((int) (long) l) : NODES.numberNode((long) l);
        }
        if (n instanceof BigInteger bi) {
            return bi.bitLength() < 64 ? numberNode(bi.longValue()) : NODES.numberNode(bi.doubleValue());
        }
        double d = n instanceof BigDecimal bd ? bd.doubleValue() : n.doubleValue();
        if (Double.isNaN(d) || Double.isInfinite(d)) {
            return NODES.nullNode(); // JSON.stringify(Infinity) is null
        }
        Number normal = fromDouble(d);
        if (normal instanceof Double) {
            if (d == Math.rint(d) && Math.abs(d) < 1e21) {
                // JavaScript prints whole numbers below 1e21 in plain digits (shortest round-trip form)
                return NODES.numberNode(new BigDecimal(Double.toString(d)).toBigInteger());
            }
            return NODES.numberNode(d);
        }
        return numberNode(normal);
    }
}
