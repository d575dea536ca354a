package dev.stride.service.sqs.internal;

import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * A queue's settable attributes: the text GetQueueAttributes returns, and the typed values the
 * message path reads. Immutable: SetQueueAttributes makes a new one, so a receive that read the
 * settings once sees one consistent set.
 */
final class QueueSettings {
    static final Set<String> SETTABLE = Set.of("DelaySeconds", "MaximumMessageSize", "MessageRetentionPeriod", "Policy",
            "ReceiveMessageWaitTimeSeconds", "RedrivePolicy", "RedriveAllowPolicy", "VisibilityTimeout", "KmsMasterKeyId",
            "KmsDataKeyReusePeriodSeconds", "SqsManagedSseEnabled", "FifoQueue", "ContentBasedDeduplication", "DeduplicationScope",
            "FifoThroughputLimit");
    private static final Set<String> FIFO_ONLY = Set.of("ContentBasedDeduplication", "DeduplicationScope", "FifoThroughputLimit");

    /** What a queue's redrive policy names: where messages go after maxReceiveCount receives. */
    record Redrive(String deadLetterTargetArn, int maxReceiveCount) {}

    final Map<String, String> values;
    final int delaySeconds;
    final int maximumMessageSize;
    final int retentionSeconds;
    final int receiveWaitSeconds;
    final int visibilityTimeout;
    final boolean contentBasedDeduplication;
    /** Deduplication per message group rather than per queue. */
    final boolean dedupPerGroup;
    final Redrive redrive;

    private QueueSettings(Map<String, String> values) {
        this.values = Map.copyOf(values);
        this.delaySeconds = Integer.parseInt(values.get("DelaySeconds"));
        this.maximumMessageSize = Integer.parseInt(values.get("MaximumMessageSize"));
        this.retentionSeconds = Integer.parseInt(values.get("MessageRetentionPeriod"));
        this.receiveWaitSeconds = Integer.parseInt(values.get("ReceiveMessageWaitTimeSeconds"));
        this.visibilityTimeout = Integer.parseInt(values.get("VisibilityTimeout"));
        this.contentBasedDeduplication = "true".equals(values.get("ContentBasedDeduplication"));
        this.dedupPerGroup = "messageGroup".equals(values.get("DeduplicationScope"));
        String policy = values.get("RedrivePolicy");
        this.redrive = policy == null ? null : RedrivePolicies.parseStored(policy);
    }

    static QueueSettings defaults(boolean fifo) {
        Map<String, String> v = new TreeMap<>();
        v.put("DelaySeconds", "0");
        v.put("MaximumMessageSize", "262144");
        v.put("MessageRetentionPeriod", "345600");
        v.put("ReceiveMessageWaitTimeSeconds", "0");
        v.put("VisibilityTimeout", "30");
        v.put("SqsManagedSseEnabled", "true");
        if (fifo) {
            v.put("FifoQueue", "true");
            v.put("ContentBasedDeduplication", "false");
            v.put("DeduplicationScope", "queue");
            v.put("FifoThroughputLimit", "perQueue");
        }
        return new QueueSettings(v);
    }

    /** Settings read back from a stored queue record. */
    static QueueSettings restored(Map<String, String> values) { return new QueueSettings(values); }

    /**
     * These settings with {@code changes} applied, each checked as AWS does.
     *
     * @param dlqIsFifo for an ARN, whether that queue is FIFO, or null when it does not exist
     */
    QueueSettings with(Map<String, String> changes, boolean fifo, boolean creating, Function<String, Boolean> dlqIsFifo) {
        Map<String, String> v = new TreeMap<>(values);
        for (Map.Entry<String, String> e : changes.entrySet()) {
            String name = e.getKey();
            String normal = normalize(name, e.getValue(), fifo, creating, dlqIsFifo);
            if (normal == null) v.remove(name);
            else v.put(name, normal);
        }
        if (v.containsKey("KmsMasterKeyId") && !changes.containsKey("SqsManagedSseEnabled")) v.put("SqsManagedSseEnabled", "false");
        if (v.containsKey("KmsMasterKeyId")) v.putIfAbsent("KmsDataKeyReusePeriodSeconds", "300");
        return new QueueSettings(v);
    }

    /** The value as GetQueueAttributes will return it, or null to remove the attribute. */
    static String normalize(String name, String value, boolean fifo, boolean creating, Function<String, Boolean> dlqIsFifo) {
        if (!SETTABLE.contains(name) || (!fifo && FIFO_ONLY.contains(name)) || (!creating && name.equals("FifoQueue"))) {
            throw Errors.invalidAttributeName(name);
        }
        if (value == null) throw Errors.invalidAttributeValue(name);
        return switch (name) {
            case "DelaySeconds" -> ranged(name, value, 0, 900);
            case "MaximumMessageSize" -> ranged(name, value, 1024, 262_144);
            case "MessageRetentionPeriod" -> ranged(name, value, 60, 1_209_600);
            case "ReceiveMessageWaitTimeSeconds" -> ranged(name, value, 0, 20);
            case "VisibilityTimeout" -> ranged(name, value, 0, 43_200);
            case "KmsDataKeyReusePeriodSeconds" -> ranged(name, value, 60, 86_400);
            case "SqsManagedSseEnabled", "ContentBasedDeduplication", "FifoQueue" -> bool(name, value);
            case "DeduplicationScope" -> oneOf(name, value, "messageGroup", "queue");
            case "FifoThroughputLimit" -> oneOf(name, value, "perQueue", "perMessageGroupId");
            case "Policy" -> value.isEmpty() ? null : json(name, value);
            case "RedriveAllowPolicy" -> value.isEmpty() ? null : json(name, value);
            case "RedrivePolicy" -> value.isEmpty() ? null : RedrivePolicies.check(value, fifo, dlqIsFifo);
            default -> value.isEmpty() ? null : value; // KmsMasterKeyId: any key id or alias
        };
    }

    private static String ranged(String name, String value, int min, int max) {
        try {
            int n = Integer.parseInt(value.trim());
            if (n >= min && n <= max) return Integer.toString(n);
        } catch (NumberFormatException e) {
            // AWS's InvalidAttributeValue below
        }
        throw Errors.invalidAttributeValue(name);
    }

    private static String bool(String name, String value) {
        String v = value.trim().toLowerCase(Locale.ROOT);
        if (v.equals("true") || v.equals("false")) return v;
        throw Errors.invalidAttributeValue(name);
    }

    private static String oneOf(String name, String value, String a, String b) {
        if (value.equals(a) || value.equals(b)) return value;
        throw Errors.invalidAttributeValue(name);
    }

    private static String json(String name, String value) {
        if (Json.parseObject(value) == null) throw Errors.invalidAttributeValue(name);
        return value;
    }
}
