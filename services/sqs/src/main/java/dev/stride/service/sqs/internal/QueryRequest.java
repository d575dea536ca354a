package dev.stride.service.sqs.internal;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Decodes the query protocol's flattened parameters into the JSON protocol's shape, so both
 * protocols run the same action code: {@code Attribute.1.Name/Value} becomes
 * {@code Attributes: {name: value}}, {@code MessageAttribute.1.Value.DataType} a
 * MessageAttributes map, {@code SendMessageBatchRequestEntry.2.MessageBody} an element of
 * {@code Entries}, {@code AttributeName.1} a list, and so on.
 */
public final class QueryRequest {
    /** Parameters of the request envelope and its signature, not of the action. */
    private static final Set<String> ENVELOPE = Set.of("Action", "Version", "AWSAccessKeyId", "Signature", "SignatureMethod",
            "SignatureVersion", "Timestamp", "Expires", "SecurityToken");

    private QueryRequest() {}

    /** The action's parameters from the form; {@code queuePath} (a POST to a queue URL) supplies QueueUrl when the form has none. */
    public static ObjectNode params(String action, Map<String, String> form, String queuePath, String endpoint) {
        Map<String, Object> tree = new TreeMap<>();
        for (Map.Entry<String, String> e : form.entrySet()) {
            String k = e.getKey();
            if (ENVELOPE.contains(k) || k.startsWith("X-Amz-")) continue;
            insert(tree, k.split("\\."), 0, e.getValue());
        }
        ObjectNode out = convert(tree, action);
        if (!out.has("QueueUrl") && queuePath != null && queuePath.chars().filter(c -> c == '/').count() == 2 && queuePath.length() > 1) {
            out.put("QueueUrl", (endpoint == null ? "" : endpoint) + queuePath);
        }
        return out;
    }

    @SuppressWarnings("unchecked")
    private static void insert(Map<String, Object> node, String[] parts, int i, String value) {
        if (i == parts.length - 1) {
            node.putIfAbsent(parts[i], value);
            return;
        }
        Object child = node.computeIfAbsent(parts[i], k -> new TreeMap<String, Object>(QueryRequest::byNumberThenName));
        if (child instanceof Map<?, ?> m) insert((Map<String, Object>) m, parts, i + 1, value);
    }

    /** Indexes in numeric order (10 after 9), other names alphabetically. */
    private static int byNumberThenName(String a, String b) {
        boolean na = isIndex(a), nb = isIndex(b);
        if (na && nb) return Integer.compare(Integer.parseInt(a), Integer.parseInt(b));
        if (na != nb) return na ? -1 : 1;
        return a.compareTo(b);
    }

    private static boolean isIndex(String s) {
        if (s.isEmpty() || s.length() > 9) return false;
        for (int i = 0; i < s.length(); i++) if (s.charAt(i) < '0' || s.charAt(i) > '9') return false;
        return true;
    }

    @SuppressWarnings("unchecked")
    private static ObjectNode convert(Map<String, Object> node, String action) {
        ObjectNode out = Json.object();
        for (Map.Entry<String, Object> e : node.entrySet()) {
            String name = e.getKey();
            if (e.getValue() instanceof String s) {
                out.put(name, s);
                continue;
            }
            Map<String, Object> child = (Map<String, Object>) e.getValue();
            switch (name) {
                case "Attribute" -> out.set("Attributes", map(child, "Name", "Value", false));
                case "MessageAttribute" -> out.set("MessageAttributes", map(child, "Name", "Value", true));
                case "MessageSystemAttribute" -> out.set("MessageSystemAttributes", map(child, "Name", "Value", true));
                case "Tag" -> out.set("CreateQueue".equals(action) ? "tags" : "Tags", map(child, "Key", "Value", false));
                case "AttributeName" -> out.set("AttributeNames", list(child));
                case "MessageAttributeName" -> out.set("MessageAttributeNames", list(child));
                case "MessageSystemAttributeName" -> out.set("MessageSystemAttributeNames", list(child));
                case "TagKey" -> out.set("TagKeys", list(child));
                case "AWSAccountId" -> out.set("AWSAccountIds", list(child));
                case "ActionName" -> out.set("Actions", list(child));
                default -> {
                    if (name.endsWith("BatchRequestEntry")) {
                        ArrayNode entries = out.putArray("Entries");
                        for (Object v : child.values()) if (v instanceof Map<?, ?> m) entries.add(convert((Map<String, Object>) m, action));
                    } else {
                        out.set(name, convert(child, action));
                    }
                }
            }
        }
        return out;
    }

    @SuppressWarnings("unchecked")
    private static ObjectNode map(Map<String, Object> indexed, String keyName, String valueName, boolean structValue) {
        ObjectNode out = Json.object();
        for (Object v : indexed.values()) {
            if (!(v instanceof Map<?, ?> m) || !(m.get(keyName) instanceof String key)) continue;
            Object value = m.get(valueName);
            if (structValue && value instanceof Map<?, ?> struct) out.set(key, convert((Map<String, Object>) struct, null));
            else if (value instanceof String s) out.put(key, s);
            else out.putNull(key);
        }
        return out;
    }

    private static ArrayNode list(Map<String, Object> indexed) {
        ArrayNode out = Json.MAPPER.createArrayNode();
        for (Object v : indexed.values()) if (v instanceof String s) out.add(s);
        return out;
    }
}
