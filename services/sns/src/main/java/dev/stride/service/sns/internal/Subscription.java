package dev.stride.service.sns.internal;

import dev.stride.service.sns.internal.filter.FilterPolicy;
import java.util.HashMap;
import java.util.Map;

/**
 * A subscription: where a topic's messages go and which of them. Immutable; its filter policy
 * is compiled once, when the subscription is made or its FilterPolicy set.
 *
 * @param attributes the attributes set on it (RawMessageDelivery, FilterPolicy, ...)
 * @param confirmed  false while an http/https/email endpoint has not confirmed
 * @param token      the confirmation token sent to the endpoint (null for sqs and lambda, which need none)
 * @param filter     the compiled FilterPolicy, or null to take every message
 */
public record Subscription(String arn, String topicArn, String protocol, String endpoint, String owner,
                           Map<String, String> attributes, boolean confirmed, String token, FilterPolicy filter) {
    public Subscription {
        attributes = Map.copyOf(attributes);
    }

    /** A subscription whose filter is compiled from its attributes. */
    public static Subscription of(String arn, String topicArn, String protocol, String endpoint, String owner,
                                  Map<String, String> attributes, boolean confirmed, String token) {
        return new Subscription(arn, topicArn, protocol, endpoint, owner, attributes, confirmed, token, compileFilter(attributes));
    }

    public boolean raw() { return "true".equalsIgnoreCase(attributes.get("RawMessageDelivery")); }

    public Subscription withAttribute(String name, String value) {
        Map<String, String> next = new HashMap<>(attributes);
        if (value == null || value.isEmpty()) next.remove(name);
        else next.put(name, value);
        return of(arn, topicArn, protocol, endpoint, owner, next, confirmed, token);
    }

    /** Confirmed; the token stays so that visiting the SubscribeURL again answers as the first time. */
    public Subscription confirm() { return new Subscription(arn, topicArn, protocol, endpoint, owner, attributes, true, token, filter); }

    static FilterPolicy compileFilter(Map<String, String> attributes) {
        String policy = attributes.get("FilterPolicy");
        if (policy == null || policy.isBlank()) return null;
        FilterPolicy.Scope scope = "MessageBody".equals(attributes.get("FilterPolicyScope"))
                ? FilterPolicy.Scope.MESSAGE_BODY : FilterPolicy.Scope.MESSAGE_ATTRIBUTES;
        return FilterPolicy.compile(policy, scope);
    }
}
