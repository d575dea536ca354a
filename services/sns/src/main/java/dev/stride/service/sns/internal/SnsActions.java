package dev.stride.service.sns.internal;

import com.fasterxml.jackson.databind.JsonNode;
import dev.stride.service.ServiceCall;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/** The action table: every SNS action this service answers, by its API name. */
public final class SnsActions {
    private final Map<String, Function<ServiceCall, JsonNode>> actions = new LinkedHashMap<>();

    public SnsActions(TopicActions topics, SubscriptionActions subscriptions, PublishAction publish,
                      PublishBatchAction publishBatch, Tagging tagging) {
        actions.put("CreateTopic", topics::createTopic);
        actions.put("DeleteTopic", topics::deleteTopic);
        actions.put("ListTopics", topics::listTopics);
        actions.put("GetTopicAttributes", topics::getTopicAttributes);
        actions.put("SetTopicAttributes", topics::setTopicAttributes);
        actions.put("Subscribe", subscriptions::subscribe);
        actions.put("ConfirmSubscription", subscriptions::confirmSubscription);
        actions.put("Unsubscribe", subscriptions::unsubscribe);
        actions.put("ListSubscriptions", subscriptions::listSubscriptions);
        actions.put("ListSubscriptionsByTopic", subscriptions::listSubscriptionsByTopic);
        actions.put("GetSubscriptionAttributes", subscriptions::getSubscriptionAttributes);
        actions.put("SetSubscriptionAttributes", subscriptions::setSubscriptionAttributes);
        actions.put("Publish", publish::publish);
        actions.put("PublishBatch", publishBatch::publishBatch);
        actions.put("TagResource", tagging::tagResource);
        actions.put("UntagResource", tagging::untagResource);
        actions.put("ListTagsForResource", tagging::listTagsForResource);
    }

    public Set<String> names() { return Set.copyOf(actions.keySet()); }

    public boolean has(String action) { return actions.containsKey(action); }

    public JsonNode run(ServiceCall call) {
        Function<ServiceCall, JsonNode> action = actions.get(call.action());
        if (action == null) throw SnsErrors.invalidAction(call.action());
        return action.apply(call);
    }
}
