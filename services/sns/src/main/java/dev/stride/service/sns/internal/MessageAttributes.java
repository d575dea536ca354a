package dev.stride.service.sns.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.DoubleNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.stride.service.JsonProtocol;
import java.math.BigDecimal;
import java.util.Base64;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Reads and checks a Publish's {@code MessageAttributes} ({@code {name: {DataType, StringValue,
 * BinaryValue}}}) and turns them into what filter policies and deliveries need.
 */
public final class MessageAttributes {
    private static final int MAX_ATTRIBUTES = 10;
    private static final int MAX_NAME_LENGTH = 256;

    private MessageAttributes() {}

    /** The attributes of a request, checked; an empty map when there are none. */
    public static Map<String, MessageAttribute> read(JsonNode params) {
        JsonNode node = params.get("MessageAttributes");
        if (node == null || node.isNull() || node.isEmpty()) return Map.of();
        if (!node.isObject()) throw reason("MessageAttributes must be a map");
        if (node.size() > MAX_ATTRIBUTES) {
            throw reason("Number of message attributes [" + node.size() + "] exceeds the allowed maximum [" + MAX_ATTRIBUTES + "].");
        }
        Map<String, MessageAttribute> out = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> e : node.properties()) out.put(checkName(e.getKey()), attribute(e.getKey(), e.getValue()));
        return Collections.unmodifiableMap(out);
    }

    private static String checkName(String name) {
        boolean valid = !name.isEmpty() && name.length() <= MAX_NAME_LENGTH && !name.startsWith(".") && !name.endsWith(".")
                && !name.contains("..") && !name.toLowerCase().startsWith("aws.") && !name.toLowerCase().startsWith("amazon.");
        for (int i = 0; valid && i < name.length(); i++) {
            char c = name.charAt(i);
            valid = Character.isLetterOrDigit(c) || c == '_' || c == '-' || c == '.';
        }
        if (!valid) throw reason("Message attribute name '" + name + "' is invalid.");
        return name;
    }

    private static MessageAttribute attribute(String name, JsonNode v) {
        String type = Params.text(v, "DataType");
        if (type == null || type.isEmpty()) throw reason("The message attribute '" + name + "' must contain non-empty message attribute type.");
        String string = Params.text(v, "StringValue");
        String binary = Params.text(v, "BinaryValue");
        if (!type.startsWith("String") && !type.startsWith("Number") && !type.startsWith("Binary")) {
            throw reason("The message attribute '" + name + "' has an invalid message attribute type, the set of supported type prefixes is Binary, Number, and String.");
        }
        MessageAttribute a = new MessageAttribute(type, string, binary);
        String value = a.binary() ? binary : string;
        if (value == null || value.isEmpty()) {
            throw reason("The message attribute '" + name + "' must contain non-empty message attribute value for message attribute type '" + type + "'.");
        }
        if (a.number()) checkNumber(name, string);
        if (a.binary()) checkBase64(name, binary);
        if (a.stringArray()) checkArray(name, string);
        return a;
    }

    private static void checkNumber(String name, String value) {
        try {
            new BigDecimal(value.trim());
        } catch (NumberFormatException e) {
            throw reason("Could not cast message attribute '" + name + "' value to number.");
        }
    }

    private static void checkBase64(String name, String value) {
        try {
            Base64.getDecoder().decode(value);
        } catch (IllegalArgumentException e) {
            throw reason("The message attribute '" + name + "' with type 'Binary' must be base64 encoded.");
        }
    }

    private static void checkArray(String name, String value) {
        JsonNode parsed = parseArray(value);
        if (parsed == null) throw reason("The message attribute '" + name + "' with type 'String.Array' must be a valid JSON array.");
        for (JsonNode element : parsed) {
            if (element.isContainerNode()) {
                throw reason("The message attribute '" + name + "' with type 'String.Array' must contain only strings, numbers, true, false or null.");
            }
        }
    }

    private static JsonNode parseArray(String value) {
        try {
            JsonNode n = JsonProtocol.MAPPER.readTree(value);
            return n != null && n.isArray() ? n : null;
        } catch (JsonProcessingException e) {
            return null;
        }
    }

    /** The values a filter policy sees: text, numbers for Number, the array for String.Array; binary left out. */
    public static Map<String, JsonNode> forFilter(Map<String, MessageAttribute> attributes) {
        if (attributes.isEmpty()) return Map.of();
        Map<String, JsonNode> out = new HashMap<>();
        attributes.forEach((name, a) -> {
            if (a.binary()) return;
            if (a.number()) out.put(name, DoubleNode.valueOf(Double.parseDouble(a.stringValue().trim())));
            else if (a.stringArray()) out.put(name, parseArray(a.stringValue()));
            else out.put(name, TextNode.valueOf(a.stringValue()));
        });
        return out;
    }

    /** The SQS SendMessage shape for raw delivery; SQS has no String.Array type, so it arrives as String. */
    public static ObjectNode forSqs(Map<String, MessageAttribute> attributes) {
        ObjectNode out = JsonProtocol.MAPPER.createObjectNode();
        attributes.forEach((name, a) -> {
            ObjectNode v = out.putObject(name);
            v.put("DataType", a.stringArray() ? "String" : a.dataType());
            if (a.binary()) v.put("BinaryValue", a.binaryValue());
            else v.put("StringValue", a.stringValue());
        });
        return out;
    }

    private static RuntimeException reason(String text) { return SnsErrors.invalidParameter("MessageAttributes Reason: " + text); }
}
