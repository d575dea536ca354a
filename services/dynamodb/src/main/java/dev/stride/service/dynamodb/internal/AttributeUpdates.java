package dev.stride.service.dynamodb.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.stride.service.dynamodb.expression.AttributeValues;
import dev.stride.service.dynamodb.expression.Update;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/**
 * UpdateItem's legacy AttributeUpdates ({@code {"n": {"Action": "ADD", "Value": {"N": "1"}}}}),
 * as an {@link Update}: PUT sets, DELETE removes (or takes elements out of a set), ADD adds to
 * a number, unions a set or appends to a list.
 */
final class AttributeUpdates implements Update {
    private record Action(String action, JsonNode value) {}

    private final Map<String, Action> actions;

    private AttributeUpdates(Map<String, Action> actions) { this.actions = actions; }

    static AttributeUpdates parse(ObjectNode updates) {
        Map<String, Action> out = new LinkedHashMap<>();
        updates.properties().forEach(e -> {
            JsonNode u = e.getValue();
            String action = u.path("Action").asText("PUT");
            JsonNode value = u.get("Value");
            if (!Set.of("PUT", "DELETE", "ADD").contains(action)) {
                throw Errors.validation("1 validation error detected: Value '" + action + "' at 'attributeUpdates." + e.getKey()
                        + ".member.action' failed to satisfy constraint: Member must satisfy enum value set: [ADD, PUT, DELETE]");
            }
            if (value != null) AttributeValues.validate(value, e.getKey());
            if (!action.equals("DELETE") && value == null) {
                throw Errors.invalidParameter("Only DELETE action is allowed when no attribute value is specified");
            }
            out.put(e.getKey(), new Action(action, value));
        });
        return new AttributeUpdates(out);
    }

    @Override
    public Set<String> touchedAttributes() { return actions.keySet(); }

    @Override
    public ObjectNode apply(ObjectNode item) {
        ObjectNode next = item.deepCopy();
        actions.forEach((name, a) -> {
            JsonNode cur = next.get(name);
            switch (a.action) {
                case "PUT" -> next.set(name, a.value);
                case "DELETE" -> {
                    if (a.value == null) next.remove(name);
                    else if (cur != null) setDifference(next, name, cur, a.value);
                }
                default -> add(next, name, cur, a.value);
            }
        });
        return next;
    }

    private static void add(ObjectNode item, String name, JsonNode cur, JsonNode value) {
        String type = Keys.typeOf(value);
        if (cur == null) {
            item.set(name, value);
            return;
        }
        if (!Keys.typeOf(cur).equals(type)) throw Errors.validation("Type mismatch for attribute to update");
        switch (type) {
            case "N" -> item.set(name, Json.object().put("N",
                    KeyBytes.parseNumber(cur.get("N").asText()).add(KeyBytes.parseNumber(value.get("N").asText())).toPlainString()));
            case "SS", "NS", "BS" -> {
                Set<String> all = new LinkedHashSet<>();
                cur.get(type).forEach(v -> all.add(v.asText()));
                value.get(type).forEach(v -> all.add(v.asText()));
                ArrayNode a = Json.array();
                all.forEach(a::add);
                item.set(name, Json.object().set(type, a));
            }
            case "L" -> {
                ArrayNode a = ((ArrayNode) cur.get("L")).deepCopy();
                a.addAll((ArrayNode) value.get("L"));
                item.set(name, Json.object().set("L", a));
            }
            default -> throw Errors.validation("One or more parameter values were invalid: ADD action is not supported for the type " + type);
        }
    }

    private static void setDifference(ObjectNode item, String name, JsonNode cur, JsonNode value) {
        String type = Keys.typeOf(value);
        if (!Keys.typeOf(cur).equals(type)) throw Errors.validation("Type mismatch for attribute to update");
        Set<String> remove = new LinkedHashSet<>();
        value.get(type).forEach(v -> remove.add(v.asText()));
        ArrayNode a = Json.array();
        cur.get(type).forEach(v -> {
            if (!remove.contains(v.asText())) a.add(v.asText());
        });
        if (a.isEmpty()) item.remove(name);
        else item.set(name, Json.object().set(type, a));
    }
}
