package dev.stride.service.sns.internal;

import com.fasterxml.jackson.databind.JsonNode;
import dev.stride.service.sns.internal.filter.FilterPolicy;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/** What a subscription's attributes may be, and what GetSubscriptionAttributes adds to those set. */
final class SubscriptionAttributes {
    private static final Set<String> SETTABLE = Set.of("DeliveryPolicy", "FilterPolicy", "FilterPolicyScope",
            "RawMessageDelivery", "RedrivePolicy", "SubscriptionRoleArn", "ReplayPolicy");
    private static final Set<String> RAW_PROTOCOLS = Set.of("sqs", "http", "https", "firehose");

    private SubscriptionAttributes() {}

    /** Checks one attribute being set; the filter policy itself is checked when the subscription compiles it. */
    static void check(String name, String value, String protocol) {
        if (!SETTABLE.contains(name)) throw SnsErrors.invalidParameter("AttributeName");
        switch (name) {
            case "RawMessageDelivery" -> {
                if (!value.equalsIgnoreCase("true") && !value.equalsIgnoreCase("false")) throw SnsErrors.invalidParameter("RawMessageDelivery");
                if (value.equalsIgnoreCase("true") && !RAW_PROTOCOLS.contains(protocol)) {
                    throw SnsErrors.invalidParameter("Attributes Reason: Delivery protocol [" + protocol + "] does not support raw message delivery.");
                }
            }
            case "FilterPolicyScope" -> {
                if (!value.equals("MessageAttributes") && !value.equals("MessageBody")) {
                    throw SnsErrors.invalidParameter("FilterPolicyScope: Invalid value [" + value + "]. Please use either MessageBody or MessageAttributes");
                }
            }
            case "RedrivePolicy" -> checkRedrive(value);
            default -> { }
        }
    }

    private static void checkRedrive(String value) {
        if (value.isEmpty()) return;
        JsonNode policy;
        try {
            policy = StoredRecords.parse(value);
        } catch (IllegalStateException e) {
            throw SnsErrors.invalidParameter("RedrivePolicy: failed to parse JSON.");
        }
        JsonNode target = policy.get("deadLetterTargetArn");
        if (target == null || SnsArn.parse(target.asText(), "sqs") == null) {
            throw SnsErrors.invalidParameter("RedrivePolicy: deadLetterTargetArn is an invalid arn");
        }
    }

    static Map<String, String> describe(Subscription s) {
        Map<String, String> out = new LinkedHashMap<>();
        out.put("Owner", s.owner());
        out.put("RawMessageDelivery", "false");
        out.put("TopicArn", s.topicArn());
        out.put("Endpoint", s.endpoint());
        out.put("Protocol", s.protocol());
        out.put("PendingConfirmation", Boolean.toString(!s.confirmed()));
        out.put("ConfirmationWasAuthenticated", Boolean.toString(s.confirmed()));
        out.put("SubscriptionArn", s.arn());
        out.put("SubscriptionPrincipal", "arn:aws:iam::" + s.owner() + ":root");
        if (s.protocol().startsWith("http")) out.put("EffectiveDeliveryPolicy", TopicAttributes.DEFAULT_DELIVERY_POLICY);
        out.putAll(s.attributes());
        if (s.filter() != null && !s.attributes().containsKey("FilterPolicyScope")) {
            out.put("FilterPolicyScope", s.filter().scope() == FilterPolicy.Scope.MESSAGE_BODY ? "MessageBody" : "MessageAttributes");
        }
        return out;
    }
}
