package dev.stride.service.sns.internal.delivery;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.stride.service.JsonProtocol;
import dev.stride.service.sns.internal.MessageAttribute;
import dev.stride.service.sns.internal.Subscription;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import java.util.Map;

/**
 * The JSON documents SNS sends: the notification envelope, the subscription confirmation, and
 * the event Lambda functions receive. Members are written in AWS's order. The signature is a
 * digest of the message, not an RSA signature: there is no certificate to check it against.
 */
public final class Envelope {
    /** AWS's timestamps always carry milliseconds, which ISO_INSTANT drops when they are zero. */
    private static final DateTimeFormatter TIMESTAMP = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

    private Envelope() {}

    public static String timestamp(long millis) { return TIMESTAMP.format(Instant.ofEpochMilli(millis)); }

    public static String unsubscribeUrl(String endpoint, String subscriptionArn) {
        return endpoint + "/?Action=Unsubscribe&SubscriptionArn=" + subscriptionArn;
    }

    public static String signingCertUrl(String endpoint) { return endpoint + "/SimpleNotificationService-stride.pem"; }

    /** The notification envelope a subscription gets (sqs, http/https, email-json). */
    public static String notification(Notification n, Subscription s) {
        ObjectNode o = JsonProtocol.MAPPER.createObjectNode();
        String message = n.messageFor(s.protocol());
        o.put("Type", "Notification").put("MessageId", n.messageId());
        if (n.sequenceNumber() != null) o.put("SequenceNumber", n.sequenceNumber());
        o.put("TopicArn", n.topicArn());
        if (n.subject() != null) o.put("Subject", n.subject());
        String timestamp = timestamp(n.timestampMillis());
        o.put("Message", message).put("Timestamp", timestamp).put("SignatureVersion", "1")
                .put("Signature", signature(n.messageId(), message, timestamp))
                .put("SigningCertURL", signingCertUrl(n.endpoint()))
                .put("UnsubscribeURL", unsubscribeUrl(n.endpoint(), s.arn()));
        if (!n.attributes().isEmpty()) attributes(o.putObject("MessageAttributes"), n.attributes());
        return o.toString();
    }

    /** The SubscriptionConfirmation message posted to an http/https endpoint (and mailed to email-json). */
    public static String confirmation(String messageId, Subscription s, String subscribeUrl, long millis, String endpoint) {
        String message = "You have chosen to subscribe to the topic " + s.topicArn()
                + ".\nTo confirm the subscription, visit the SubscribeURL included in this message.";
        String timestamp = timestamp(millis);
        ObjectNode o = JsonProtocol.MAPPER.createObjectNode();
        o.put("Type", "SubscriptionConfirmation").put("MessageId", messageId).put("Token", s.token())
                .put("TopicArn", s.topicArn()).put("Message", message).put("SubscribeURL", subscribeUrl)
                .put("Timestamp", timestamp).put("SignatureVersion", "1")
                .put("Signature", signature(messageId, message, timestamp)).put("SigningCertURL", signingCertUrl(endpoint));
        return o.toString();
    }

    /** The event a Lambda function subscribed to a topic is invoked with. */
    public static String lambdaEvent(Notification n, Subscription s) {
        ObjectNode event = JsonProtocol.MAPPER.createObjectNode();
        ObjectNode record = event.putArray("Records").addObject();
        record.put("EventSource", "aws:sns").put("EventVersion", "1.0").put("EventSubscriptionArn", s.arn());
        ObjectNode sns = record.putObject("Sns");
        String message = n.messageFor("lambda");
        String timestamp = timestamp(n.timestampMillis());
        sns.put("Type", "Notification").put("MessageId", n.messageId()).put("TopicArn", n.topicArn());
        if (n.subject() == null) sns.putNull("Subject");
        else sns.put("Subject", n.subject());
        sns.put("Message", message).put("Timestamp", timestamp).put("SignatureVersion", "1")
                .put("Signature", signature(n.messageId(), message, timestamp))
                .put("SigningCertUrl", signingCertUrl(n.endpoint()))
                .put("UnsubscribeUrl", unsubscribeUrl(n.endpoint(), s.arn()));
        attributes(sns.putObject("MessageAttributes"), n.attributes());
        return event.toString();
    }

    private static void attributes(ObjectNode into, Map<String, MessageAttribute> attributes) {
        attributes.forEach((name, a) -> into.putObject(name).put("Type", a.envelopeType()).put("Value", a.envelopeValue()));
    }

    private static String signature(String messageId, String message, String timestamp) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(messageId.getBytes(StandardCharsets.UTF_8));
            sha.update(message.getBytes(StandardCharsets.UTF_8));
            sha.update(timestamp.getBytes(StandardCharsets.UTF_8));
            return Base64.getEncoder().encodeToString(sha.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }
}
