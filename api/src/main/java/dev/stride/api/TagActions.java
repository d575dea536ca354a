package dev.stride.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Tags on state machines and activities: TagResource, UntagResource, ListTagsForResource. */
final class TagActions {
    static final int MAX_TAGS = 50;
    private final ApiContext ctx;

    TagActions(ApiContext ctx) { this.ctx = ctx; }

    void register(Map<String, Operation> table) {
        table.put("TagResource", this::tag);
        table.put("UntagResource", this::untag);
        table.put("ListTagsForResource", this::list);
    }

    private JsonNode tag(Request r) {
        String arn = existing(r.required("resourceArn"));
        Map<String, String> add = tags(r.node("tags"));
        Map<String, String> all = new LinkedHashMap<>(ctx.registry.tags(arn));
        all.putAll(add);
        if (all.size() > MAX_TAGS) throw ApiError.TOO_MANY_TAGS.with("Too many tags: the limit is " + MAX_TAGS + " per resource");
        ctx.registry.putTags(arn, add);
        return Wire.object();
    }

    private JsonNode untag(Request r) {
        String arn = existing(r.required("resourceArn"));
        JsonNode keys = r.node("tagKeys");
        if (keys == null) throw ApiError.constraint("null", "tagKeys", "Member must not be null");
        List<String> remove = new ArrayList<>();
        keys.forEach(k -> remove.add(k.asText()));
        ctx.registry.removeTags(arn, remove);
        return Wire.object();
    }

    private JsonNode list(Request r) {
        String arn = existing(r.required("resourceArn"));
        ObjectNode out = Wire.object();
        ArrayNode list = out.putArray("tags");
        ctx.registry.tags(arn).forEach((k, v) -> list.addObject().put("key", k).put("value", v));
        return out;
    }

    /** The ARN of an existing state machine or activity, or ResourceNotFound. */
    private String existing(String text) {
        Arn arn = Arn.parse(text, "stateMachine", "activity");
        boolean found = arn.type().equals("activity")
                ? ctx.registry.activity(text).isPresent()
                : arn.qualifier() == null && ctx.registry.machine(text).isPresent();
        if (!found || !ctx.visible(text)) throw ApiError.RESOURCE_NOT_FOUND.quoting("Resource not found", text);
        return text;
    }

    /** A request's {@code tags: [{key, value}]} list, checked against the model's limits. */
    static Map<String, String> tags(JsonNode list) {
        Map<String, String> out = new LinkedHashMap<>();
        if (list == null) return out;
        if (!list.isArray()) throw ApiError.SERIALIZATION.with("Expected a list for member 'tags'");
        for (JsonNode t : list) {
            String key = t.path("key").asText(null);
            String value = t.path("value").asText("");
            if (key == null || key.isEmpty() || key.length() > 128) {
                throw ApiError.constraint("'" + key + "'", "tags.member.key", "Member must have length between 1 and 128");
            }
            Request.bounded("tags.member.value", value, 256);
            out.put(key, value);
        }
        if (out.size() > MAX_TAGS) throw ApiError.TOO_MANY_TAGS.with("Too many tags: the limit is " + MAX_TAGS + " per resource");
        return out;
    }
}
