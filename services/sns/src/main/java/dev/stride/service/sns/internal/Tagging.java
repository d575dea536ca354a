package dev.stride.service.sns.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.stride.engine.spi.RecordStore.Write;
import dev.stride.service.JsonProtocol;
import dev.stride.service.ServiceCall;
import dev.stride.service.ServiceException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.UnaryOperator;

/** TagResource, UntagResource, ListTagsForResource on topics, and the tag limits CreateTopic also checks. */
public final class Tagging {
    private static final int MAX_TAGS = 50;

    private final SnsState state;
    private final Resources resources;

    public Tagging(SnsState state, Resources resources) {
        this.state = state;
        this.resources = resources;
    }

    static void check(Map<String, String> tags, int existing) {
        for (Map.Entry<String, String> t : tags.entrySet()) {
            if (t.getKey().length() > 128) throw SnsErrors.invalidParameter("Tags Reason: Tag keys must be between 1 and 128 characters in length.");
            if (t.getValue().length() > 256) throw SnsErrors.invalidParameter("Tags Reason: Tag values must be between 0 and 256 characters in length.");
        }
        if (tags.size() + existing > MAX_TAGS) {
            throw ServiceException.client("TagLimitExceeded", "Could not complete request: tag quota of per resource exceeded");
        }
    }

    public JsonNode tagResource(ServiceCall call) {
        Map<String, String> tags = Params.tags(call.params(), "Tags");
        return change(call, "TagResource", current -> {
            Map<String, String> next = new LinkedHashMap<>(current);
            long added = tags.keySet().stream().filter(k -> !current.containsKey(k)).count();
            check(tags, (int) (current.size() + added - tags.size()));
            next.putAll(tags);
            return next;
        });
    }

    public JsonNode untagResource(ServiceCall call) {
        JsonNode keys = call.params().path("TagKeys");
        return change(call, "UntagResource", current -> {
            Map<String, String> next = new LinkedHashMap<>(current);
            keys.forEach(k -> next.remove(k.asText()));
            return next;
        });
    }

    public JsonNode listTagsForResource(ServiceCall call) {
        Topic t = topic(call, "ListTagsForResource");
        ObjectNode out = JsonProtocol.MAPPER.createObjectNode();
        ArrayNode tags = out.putArray("Tags");
        t.tags().forEach((k, v) -> tags.addObject().put("Key", k).put("Value", v));
        return out;
    }

    private JsonNode change(ServiceCall call, String action, UnaryOperator<Map<String, String>> edit) {
        Topic t = topic(call, action);
        ReentrantLock lock = state.lockOf(t.arn());
        lock.lock();
        try {
            Topic current = state.topics().get(t.arn());
            if (current == null) throw SnsErrors.resourceNotFound();
            Topic next = current.withTags(edit.apply(current.tags()));
            state.store().commit(List.of(Write.put(Tables.TOPICS, next.arn(), StoredRecords.topic(next))));
            state.topics().put(next.arn(), next);
        } finally {
            lock.unlock();
        }
        return JsonProtocol.MAPPER.createObjectNode();
    }

    private Topic topic(ServiceCall call, String action) {
        try {
            return resources.topic(call, "ResourceArn", Params.text(call.params(), "ResourceArn"), action);
        } catch (ServiceException e) {
            if (e.code().equals("NotFound")) throw SnsErrors.resourceNotFound();
            throw e;
        }
    }
}
