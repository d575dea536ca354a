package dev.stride.service.sns.internal.delivery;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.stride.service.JsonProtocol;
import dev.stride.service.sns.internal.Params;
import dev.stride.service.sns.internal.StoredRecords;

/**
 * A delivery to an http/https, lambda or email endpoint, rendered in full before it is committed
 * (the outbox record): after a restart it is sent as it was, without the topic or message.
 *
 * @param id              the record's key: message id and subscription ARN
 * @param type            {@code Notification} or {@code SubscriptionConfirmation} (the x-amz-sns-message-type)
 * @param subject         the mail's subject (email protocols)
 * @param raw             an http body that is the raw message (sent with x-amz-sns-rawdelivery)
 */
public record PendingDelivery(String id, String type, String protocol, String endpoint, String subscriptionArn,
                              String topicArn, String messageId, String subject, String body, boolean raw) {
    public static final String NOTIFICATION = "Notification";
    public static final String CONFIRMATION = "SubscriptionConfirmation";

    public String toJson() {
        ObjectNode o = JsonProtocol.MAPPER.createObjectNode();
        o.put("id", id).put("type", type).put("protocol", protocol).put("endpoint", endpoint)
                .put("subscriptionArn", subscriptionArn).put("topicArn", topicArn).put("messageId", messageId)
                .put("subject", subject).put("body", body).put("raw", raw);
        return o.toString();
    }

    public static PendingDelivery fromJson(String json) {
        JsonNode o = StoredRecords.parse(json);
        return new PendingDelivery(Params.text(o, "id"), Params.text(o, "type"), Params.text(o, "protocol"),
                Params.text(o, "endpoint"), Params.text(o, "subscriptionArn"), Params.text(o, "topicArn"),
                Params.text(o, "messageId"), Params.text(o, "subject"), Params.text(o, "body"), Params.flag(o, "raw"));
    }
}
