package dev.stride.service.sqs.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Reads and checks the MessageAttributes (and MessageSystemAttributes) of a send, with AWS's
 * rules and texts, and picks the ones a receive asks for. Attributes are kept sorted by name:
 * the order the MD5 needs.
 */
final class MessageAttributes {
    static final int MAX_COUNT = 10;
    private static final int MAX_NAME = 256;

    private MessageAttributes() {}

    static List<MessageAttribute> parse(ObjectNode map) {
        if (map.isEmpty()) return List.of();
        if (map.size() > MAX_COUNT) {
            throw Errors.invalidValue("Number of message attributes [" + map.size() + "] exceeds the allowed maximum [" + MAX_COUNT + "].");
        }
        List<MessageAttribute> out = new ArrayList<>(map.size());
        for (Iterator<Map.Entry<String, JsonNode>> it = map.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            checkName(e.getKey());
            out.add(value(e.getKey(), e.getValue()));
        }
        Collections.sort(out);
        return List.copyOf(out);
    }

    /** The system attributes of a send: AWS accepts only AWSTraceHeader, a String. */
    static List<MessageAttribute> parseSystem(ObjectNode map) {
        if (map.isEmpty()) return List.of();
        List<MessageAttribute> out = new ArrayList<>(1);
        for (Iterator<Map.Entry<String, JsonNode>> it = map.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            if (!e.getKey().equals("AWSTraceHeader")) {
                throw Errors.invalidValue("Message system attribute name '" + e.getKey() + "' is invalid.");
            }
            MessageAttribute a = value(e.getKey(), e.getValue());
            if (!a.dataType().equals("String")) {
                throw Errors.invalidValue("Message system attribute 'AWSTraceHeader' must be of type String.");
            }
            out.add(a);
        }
        return List.copyOf(out);
    }

    private static void checkName(String name) {
        boolean ok = !name.isEmpty() && name.length() <= MAX_NAME && name.charAt(0) != '.' && name.charAt(name.length() - 1) != '.'
                && !name.contains("..");
        for (int i = 0; ok && i < name.length(); i++) {
            char c = name.charAt(i);
            ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' || c == '-' || c == '.';
        }
        if (!ok) throw Errors.invalidValue("Message (user) attribute name '" + name + "' is invalid. It can contain alphanumeric characters, hyphens, underscores and periods, and cannot start or end with a period or hold two periods in a row.");
        String lower = name.toLowerCase(Locale.ROOT);
        if (lower.startsWith("aws.") || lower.startsWith("amazon.")) {
            throw Errors.invalidValue("You can't use message attribute names beginning with 'AWS.' or 'Amazon.'. These strings are reserved for internal use.");
        }
    }

    private static MessageAttribute value(String name, JsonNode v) {
        String type = v == null ? null : Params.text(v, "DataType");
        if (type == null || type.isEmpty()) {
            throw Errors.invalidValue("The message attribute '" + name + "' must contain non-empty message attribute type.");
        }
        String base = type.indexOf('.') < 0 ? type : type.substring(0, type.indexOf('.'));
        switch (base) {
            case "String", "Number" -> {
                String s = Params.text(v, "StringValue");
                if (s == null || s.isEmpty()) throw emptyValue(name, base);
                Bodies.checkCharacters(s);
                if (base.equals("Number")) checkNumber(name, s);
                return new MessageAttribute(name, type, s, null);
            }
            case "Binary" -> {
                String b = Params.text(v, "BinaryValue");
                if (b == null || b.isEmpty()) throw emptyValue(name, base);
                try {
                    return new MessageAttribute(name, type, null, Base64.getMimeDecoder().decode(b));
                } catch (IllegalArgumentException e) {
                    throw Errors.invalidValue("The message attribute '" + name + "' has an invalid binary value: it is not base64.");
                }
            }
            default -> throw Errors.invalidValue("The message attribute '" + name
                    + "' has an invalid message attribute type, the set of supported type prefixes is Binary, Number, and String.");
        }
    }

    private static RuntimeException emptyValue(String name, String base) {
        return Errors.invalidValue("The message attribute '" + name + "' must contain non-empty message attribute value for message attribute type '" + base + "'.");
    }

    private static void checkNumber(String name, String s) {
        try {
            BigDecimal n = new BigDecimal(s.trim());
            if (n.precision() > 38) throw new NumberFormatException();
        } catch (NumberFormatException e) {
            throw Errors.invalidValue("Can't cast the value of message (user) attribute '" + name + "' to a number.");
        }
    }

    static int size(List<MessageAttribute> attributes) {
        int n = 0;
        for (MessageAttribute a : attributes) n += a.size();
        return n;
    }

    /** The attributes a receive asks for: names, {@code All} or {@code .*}, or prefixes {@code foo.*}. */
    static List<MessageAttribute> select(List<MessageAttribute> all, List<String> wanted) {
        if (all.isEmpty() || wanted.isEmpty()) return List.of();
        for (String w : wanted) if (w.equals("All") || w.equals(".*")) return all;
        List<MessageAttribute> out = new ArrayList<>(all.size());
        for (MessageAttribute a : all) {
            for (String w : wanted) {
                boolean match = w.endsWith(".*") ? a.name().startsWith(w.substring(0, w.length() - 1)) : a.name().equals(w);
                if (match) {
                    out.add(a);
                    break;
                }
            }
        }
        return out;
    }

    static ObjectNode toJson(List<MessageAttribute> attributes) {
        ObjectNode o = Json.object();
        for (MessageAttribute a : attributes) o.set(a.name(), a.toJson());
        return o;
    }
}
