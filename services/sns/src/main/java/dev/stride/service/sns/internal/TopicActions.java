package dev.stride.service.sns.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.stride.engine.spi.RecordStore.Write;
import dev.stride.service.JsonProtocol;
import dev.stride.service.ServiceCall;
import dev.stride.service.ServiceException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.locks.ReentrantLock;

/** CreateTopic, DeleteTopic, ListTopics, GetTopicAttributes, SetTopicAttributes. */
public final class TopicActions {
    private final SnsState state;
    private final Resources resources;

    public TopicActions(SnsState state, Resources resources) {
        this.state = state;
        this.resources = resources;
    }

    public JsonNode createTopic(ServiceCall call) {
        JsonNode p = call.params();
        String name = Params.required(p, "Name");
        Map<String, String> attributes = Params.stringMap(p, "Attributes");
        boolean fifo = "true".equalsIgnoreCase(attributes.get("FifoTopic"));
        if (!fifo) attributes.remove("FifoTopic");
        TopicAttributes.checkName(name, fifo);
        attributes.forEach((k, v) -> TopicAttributes.check(k, v, fifo, true));
        Map<String, String> tags = Params.tags(p, "Tags");
        Tagging.check(tags, 0);
        String arn = SnsArn.topic(call.region(), call.account(), name);
        ReentrantLock lock = state.lockOf(arn);
        lock.lock();
        try {
            Topic existing = state.topics().get(arn);
            if (existing != null) return reuse(existing, attributes, tags);
            Topic t = new Topic(arn, name, call.region(), call.account(), attributes, tags, List.of());
            state.store().commit(List.of(Write.put(Tables.TOPICS, arn, StoredRecords.topic(t))));
            state.topics().put(arn, t);
        } finally {
            lock.unlock();
        }
        return JsonProtocol.MAPPER.createObjectNode().put("TopicArn", arn);
    }

    /** CreateTopic is idempotent while what it asks for agrees with the topic that exists. */
    private static JsonNode reuse(Topic existing, Map<String, String> attributes, Map<String, String> tags) {
        for (Map.Entry<String, String> a : attributes.entrySet()) {
            String current = existing.attributes().get(a.getKey());
            boolean same = a.getValue().equals(current) || (current == null && a.getValue().equalsIgnoreCase("false"));
            if (!same) throw SnsErrors.invalidParameter("Attributes Reason: Topic already exists with different attributes");
        }
        if (!tags.isEmpty() && !tags.equals(existing.tags())) {
            throw SnsErrors.invalidParameter("Tags Reason: Topic already exists with different tags");
        }
        return JsonProtocol.MAPPER.createObjectNode().put("TopicArn", existing.arn());
    }

    /** Deletes the topic and its subscriptions; deleting a topic that does not exist is not an error, as in AWS. */
    public JsonNode deleteTopic(ServiceCall call) {
        String arn = Params.required(call.params(), "TopicArn");
        Topic t;
        try {
            t = resources.topic(call, "TopicArn", arn, "DeleteTopic");
        } catch (ServiceException e) {
            if (e.code().equals("NotFound")) return JsonProtocol.MAPPER.createObjectNode();
            throw e;
        }
        ReentrantLock lock = state.lockOf(arn);
        lock.lock();
        try {
            Topic current = state.topics().get(t.arn());
            if (current == null) return JsonProtocol.MAPPER.createObjectNode();
            List<Write> writes = new ArrayList<>();
            writes.add(Write.delete(Tables.TOPICS, arn));
            for (Subscription s : current.subscriptions()) writes.add(Write.delete(Tables.SUBSCRIPTIONS, s.arn()));
            state.store().commit(writes);
            state.topics().remove(arn);
            for (Subscription s : current.subscriptions()) state.subscriptions().remove(s.arn());
        } finally {
            lock.unlock();
        }
        return JsonProtocol.MAPPER.createObjectNode();
    }

    public JsonNode listTopics(ServiceCall call) {
        ObjectNode out = JsonProtocol.MAPPER.createObjectNode();
        ArrayNode topics = out.putArray("Topics");
        String prefix = SnsArn.prefix(call.region(), call.account());
        Paging.page(state.topics(), prefix, Params.text(call.params(), "NextToken"), out,
                t -> topics.addObject().put("TopicArn", t.arn()));
        return out;
    }

    public JsonNode getTopicAttributes(ServiceCall call) {
        Topic t = resources.topic(call, "TopicArn", Params.text(call.params(), "TopicArn"), "GetTopicAttributes");
        ObjectNode out = JsonProtocol.MAPPER.createObjectNode();
        ObjectNode attributes = out.putObject("Attributes");
        TopicAttributes.describe(t).forEach(attributes::put);
        return out;
    }

    public JsonNode setTopicAttributes(ServiceCall call) {
        JsonNode p = call.params();
        Topic t = resources.topic(call, "TopicArn", Params.text(p, "TopicArn"), "SetTopicAttributes");
        String name = Params.required(p, "AttributeName");
        String value = Params.text(p, "AttributeValue");
        if (value == null) value = "";
        TopicAttributes.check(name, value, t.fifo(), false);
        ReentrantLock lock = state.lockOf(t.arn());
        lock.lock();
        try {
            Topic current = state.topics().get(t.arn());
            if (current == null) throw SnsErrors.topicNotFound();
            Map<String, String> attributes = new HashMap<>(current.attributes());
            attributes.put(name, value);
            Topic next = current.withAttributes(attributes);
            state.store().commit(List.of(Write.put(Tables.TOPICS, next.arn(), StoredRecords.topic(next))));
            state.topics().put(next.arn(), next);
        } finally {
            lock.unlock();
        }
        return JsonProtocol.MAPPER.createObjectNode();
    }
}
