package dev.stride.service.sns.internal;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A topic as the service holds it: immutable, replaced whole on every change so Publish reads
 * a consistent snapshot of its subscribers without a lock.
 *
 * @param attributes the attributes set on it (DisplayName, Policy, FifoTopic, ...); defaults are
 *                   added when they are read
 */
public record Topic(String arn, String name, String region, String account, Map<String, String> attributes,
                    Map<String, String> tags, List<Subscription> subscriptions) {
    public Topic {
        attributes = Map.copyOf(attributes);
        tags = Collections.unmodifiableMap(new LinkedHashMap<>(tags));
        subscriptions = List.copyOf(subscriptions);
    }

    public boolean fifo() { return "true".equalsIgnoreCase(attributes.get("FifoTopic")); }

    public boolean contentBasedDeduplication() { return "true".equalsIgnoreCase(attributes.get("ContentBasedDeduplication")); }

    public Topic withAttributes(Map<String, String> a) { return new Topic(arn, name, region, account, a, tags, subscriptions); }

    public Topic withTags(Map<String, String> t) { return new Topic(arn, name, region, account, attributes, t, subscriptions); }

    /** This topic with the subscription added, or put in place of the one with its ARN. */
    public Topic withSubscription(Subscription s) {
        List<Subscription> next = new ArrayList<>(subscriptions.size() + 1);
        boolean replaced = false;
        for (Subscription old : subscriptions) {
            if (old.arn().equals(s.arn())) {
                next.add(s);
                replaced = true;
            } else {
                next.add(old);
            }
        }
        if (!replaced) next.add(s);
        return new Topic(arn, name, region, account, attributes, tags, next);
    }

    public Topic withoutSubscription(String subscriptionArn) {
        List<Subscription> next = new ArrayList<>(subscriptions);
        next.removeIf(s -> s.arn().equals(subscriptionArn));
        return new Topic(arn, name, region, account, attributes, tags, next);
    }
}
