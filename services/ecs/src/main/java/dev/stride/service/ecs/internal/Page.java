package dev.stride.service.ecs.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.stride.service.JsonProtocol;
import java.util.List;

/** ECS paging: maxResults (1-100) and an opaque nextToken, an offset here. */
final class Page {
    private Page() {}

    static ObjectNode of(List<JsonNode> items, ObjectNode p, String member) {
        int max = p.path("maxResults").asInt(100);
        if (max < 1 || max > 100) throw EcsErrors.invalid("maxResults must be between 1 and 100.");
        int from = 0;
        String token = p.path("nextToken").textValue();
        if (token != null && !token.isEmpty()) {
            try {
                from = Integer.parseInt(token);
            } catch (NumberFormatException e) {
                throw EcsErrors.invalid("Invalid nextToken.");
            }
        }
        ObjectNode out = JsonProtocol.MAPPER.createObjectNode();
        ArrayNode list = out.putArray(member);
        for (int i = from; i < Math.min(items.size(), from + max); i++) list.add(items.get(i));
        if (from + max < items.size()) out.put("nextToken", Integer.toString(from + max));
        return out;
    }
}
