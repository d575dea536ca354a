package dev.stride.service.sns.internal.delivery;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.stride.service.AwsService;
import dev.stride.service.JsonProtocol;
import dev.stride.service.ServiceCall;
import dev.stride.service.sns.internal.MessageAttributes;
import dev.stride.service.sns.internal.SnsArn;
import dev.stride.service.sns.internal.StoredRecords;
import dev.stride.service.sns.internal.Subscription;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;

/**
 * Sends to SQS queues through the SQS service's facade, in the SQS JSON protocol's shape. The
 * idempotency key (message id + subscription ARN) lets SQS drop a repeat, so a Publish retried
 * after a crash never doubles a message. A failed send goes to the subscription's dead-letter
 * queue when it has a RedrivePolicy, as in AWS; Publish itself still succeeds.
 */
public final class SqsDelivery {
    private static final Logger LOG = System.getLogger(SqsDelivery.class.getName());

    private final AwsService sqs;

    public SqsDelivery(AwsService sqs) { this.sqs = sqs; }

    public void deliver(Subscription s, Notification n) {
        boolean raw = s.raw();
        String body = raw ? n.messageFor("sqs") : Envelope.notification(n, s);
        ObjectNode params = JsonProtocol.MAPPER.createObjectNode();
        params.put("MessageBody", body);
        if (raw && !n.attributes().isEmpty()) params.set("MessageAttributes", MessageAttributes.forSqs(n.attributes()));
        if (n.groupId() != null && s.endpoint().endsWith(".fifo")) {
            params.put("MessageGroupId", n.groupId()).put("MessageDeduplicationId", n.deduplicationId());
        }
        try {
            send(s.endpoint(), params, n.endpoint(), n.messageId() + s.arn());
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "SNS could not deliver message {0} to {1}: {2}", n.messageId(), s.endpoint(), e.getMessage());
            deadLetter(s, params, n.endpoint(), n.messageId());
        }
    }

    /** Moves a message that could not be delivered to the subscription's dead-letter queue, if it names one. */
    public void deadLetter(Subscription s, ObjectNode params, String endpoint, String messageId) {
        String queueArn = deadLetterQueue(s);
        if (queueArn == null) return;
        ObjectNode copy = params.deepCopy();
        if (!queueArn.endsWith(".fifo")) copy.remove("MessageGroupId");
        if (!queueArn.endsWith(".fifo")) copy.remove("MessageDeduplicationId");
        try {
            send(queueArn, copy, endpoint, messageId + s.arn() + ":dlq");
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "SNS could not move message {0} to dead-letter queue {1}: {2}", messageId, queueArn, e.getMessage());
        }
    }

    private void send(String queueArn, ObjectNode params, String endpoint, String idempotencyKey) {
        if (sqs == null) throw new IllegalStateException("no SQS service is configured");
        SnsArn queue = SnsArn.parse(queueArn, "sqs");
        if (queue == null) throw new IllegalArgumentException("not an SQS queue ARN: " + queueArn);
        params.put("QueueUrl", endpoint + "/" + queue.account() + "/" + queue.resource());
        sqs.call(new ServiceCall("SendMessage", params, queue.region(), queue.account(), endpoint, idempotencyKey));
    }

    private static String deadLetterQueue(Subscription s) {
        String policy = s.attributes().get("RedrivePolicy");
        if (policy == null || policy.isBlank()) return null;
        JsonNode target = StoredRecords.parse(policy).get("deadLetterTargetArn");
        return target == null ? null : target.asText();
    }
}
