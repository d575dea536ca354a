package dev.stride.service.sns.internal;

/**
 * The parts of an ARN {@code arn:aws:<service>:<region>:<account>:<resource>} (topics, queues,
 * functions); a subscription's resource is {@code topicName:subscriptionId}.
 */
public record SnsArn(String service, String region, String account, String resource) {
    /** The parsed ARN, or null when the text is not an ARN of that service. */
    public static SnsArn parse(String text, String service) {
        if (text == null || !text.startsWith("arn:")) return null;
        String[] parts = text.split(":", 6);
        if (parts.length < 6 || !parts[2].equals(service) || parts[3].isEmpty() || parts[4].isEmpty() || parts[5].isEmpty()) return null;
        return new SnsArn(parts[2], parts[3], parts[4], parts[5]);
    }

    public static String topic(String region, String account, String name) {
        return "arn:aws:sns:" + region + ":" + account + ":" + name;
    }

    /** The topic ARN a subscription ARN belongs to (everything before its last colon). */
    public static String topicOfSubscription(String subscriptionArn) {
        int colon = subscriptionArn.lastIndexOf(':');
        return colon < 0 ? subscriptionArn : subscriptionArn.substring(0, colon);
    }

    /** The ARN prefix of every SNS resource of one region and account, for listings. */
    public static String prefix(String region, String account) {
        return "arn:aws:sns:" + region + ":" + account + ":";
    }
}
