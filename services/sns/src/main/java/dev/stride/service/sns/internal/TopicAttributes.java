package dev.stride.service.sns.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.stride.service.JsonProtocol;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/** What a topic's attributes may be, and what GetTopicAttributes adds to those that were set. */
final class TopicAttributes {
    private static final Pattern STANDARD_NAME = Pattern.compile("[A-Za-z0-9_-]{1,256}");
    private static final Pattern FIFO_NAME = Pattern.compile("[A-Za-z0-9_-]{1,251}\\.fifo");
    private static final Set<String> SETTABLE = Set.of("DeliveryPolicy", "DisplayName", "Policy", "KmsMasterKeyId",
            "SignatureVersion", "TracingConfig", "ContentBasedDeduplication", "ArchivePolicy", "FifoThroughputScope",
            "DataProtectionPolicy");
    static final String DEFAULT_DELIVERY_POLICY = "{\"http\":{\"defaultHealthyRetryPolicy\":{\"minDelayTarget\":20,"
            + "\"maxDelayTarget\":20,\"numRetries\":3,\"numMaxDelayRetries\":0,\"numNoDelayRetries\":0,"
            + "\"numMinDelayRetries\":0,\"backoffFunction\":\"linear\"},\"disableSubscriptionOverrides\":false,"
            + "\"defaultRequestPolicy\":{\"headerContentType\":\"text/plain; charset=UTF-8\"}}}";

    private TopicAttributes() {}

    static void checkName(String name, boolean fifo) {
        if (fifo && !FIFO_NAME.matcher(name).matches()) {
            throw SnsErrors.invalidParameter("Fifo Topic names must end with .fifo and must be made up of only uppercase and "
                    + "lowercase ASCII letters, numbers, underscores, and hyphens, and must be between 1 and 256 characters long.");
        }
        if (!fifo && !STANDARD_NAME.matcher(name).matches()) throw SnsErrors.invalidParameter("Topic Name");
    }

    /** Checks one attribute being set (at creation, or by SetTopicAttributes). */
    static void check(String name, String value, boolean fifo, boolean creating) {
        if (name.equals("FifoTopic")) {
            if (!creating) throw SnsErrors.invalidParameter("AttributeName");
            return;
        }
        if (!SETTABLE.contains(name) && !name.endsWith("FeedbackRoleArn") && !name.endsWith("FeedbackSampleRate")) {
            throw SnsErrors.invalidParameter(creating ? "Attributes Reason: Unknown attribute " + name : "AttributeName");
        }
        if (name.equals("ContentBasedDeduplication")) {
            if (!fifo) throw SnsErrors.invalidParameter("ContentBasedDeduplication Reason: Content based deduplication can only be set for FIFO topics");
            if (!value.equals("true") && !value.equals("false")) throw SnsErrors.invalidParameter("ContentBasedDeduplication Reason: Invalid value [" + value + "] for ContentBasedDeduplication");
        }
        if ((name.equals("Policy") || name.equals("DeliveryPolicy")) && !value.isEmpty() && !isJsonObject(value)) {
            throw SnsErrors.invalidParameter(name + ": failed to parse JSON.");
        }
    }

    private static boolean isJsonObject(String text) {
        try {
            return JsonProtocol.MAPPER.readTree(text).isObject();
        } catch (JsonProcessingException e) {
            return false;
        }
    }

    /** Everything GetTopicAttributes answers: the defaults, what was set, and the subscription counts. */
    static Map<String, String> describe(Topic t) {
        Map<String, String> out = new LinkedHashMap<>();
        out.put("Policy", defaultPolicy(t));
        out.put("Owner", t.account());
        long confirmed = t.subscriptions().stream().filter(Subscription::confirmed).count();
        out.put("SubscriptionsPending", Long.toString(t.subscriptions().size() - confirmed));
        out.put("TopicArn", t.arn());
        out.put("EffectiveDeliveryPolicy", DEFAULT_DELIVERY_POLICY);
        out.put("SubscriptionsConfirmed", Long.toString(confirmed));
        out.put("DisplayName", "");
        out.put("SubscriptionsDeleted", "0");
        if (t.fifo()) out.put("ContentBasedDeduplication", "false");
        out.putAll(t.attributes());
        if (t.attributes().containsKey("DeliveryPolicy")) out.put("EffectiveDeliveryPolicy", t.attributes().get("DeliveryPolicy"));
        return out;
    }

    private static String defaultPolicy(Topic t) {
        return "{\"Version\":\"2008-10-17\",\"Id\":\"__default_policy_ID\",\"Statement\":[{\"Sid\":\"__default_statement_ID\","
                + "\"Effect\":\"Allow\",\"Principal\":{\"AWS\":\"*\"},\"Action\":[\"SNS:GetTopicAttributes\","
                + "\"SNS:SetTopicAttributes\",\"SNS:AddPermission\",\"SNS:RemovePermission\",\"SNS:DeleteTopic\","
                + "\"SNS:Subscribe\",\"SNS:ListSubscriptionsByTopic\",\"SNS:Publish\"],\"Resource\":\"" + t.arn()
                + "\",\"Condition\":{\"StringEquals\":{\"AWS:SourceOwner\":\"" + t.account() + "\"}}}]}";
    }
}
