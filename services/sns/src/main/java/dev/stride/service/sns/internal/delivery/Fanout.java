package dev.stride.service.sns.internal.delivery;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import dev.stride.service.JsonProtocol;
import dev.stride.service.sns.internal.MessageAttributes;
import dev.stride.service.sns.internal.Subscription;
import dev.stride.service.sns.internal.Topic;
import dev.stride.service.sns.internal.filter.FilterPolicy;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Hands one message to every confirmed subscription of a topic whose filter policy passes it.
 * SQS subscribers get it here and now, so a consumer can receive it as soon as Publish
 * returns; every other protocol gets a rendered {@link PendingDelivery} for the caller to commit
 * and start.
 */
public final class Fanout {
    private final SqsDelivery sqs;

    public Fanout(SqsDelivery sqs) { this.sqs = sqs; }

    public List<PendingDelivery> deliver(Topic topic, Notification n) {
        List<PendingDelivery> pending = List.of();
        Filtering filtering = new Filtering(n);
        for (Subscription s : topic.subscriptions()) {
            if (!s.confirmed() || !filtering.passes(s)) continue;
            if (s.protocol().equals("sqs")) {
                sqs.deliver(s, n);
                continue;
            }
            if (pending.isEmpty()) pending = new ArrayList<>(2);
            pending.add(render(s, n));
        }
        return pending;
    }

    static PendingDelivery render(Subscription s, Notification n) {
        String id = n.messageId() + "/" + s.arn();
        String body = switch (s.protocol()) {
            case "http", "https" -> s.raw() ? n.messageFor(s.protocol()) : Envelope.notification(n, s);
            case "lambda" -> Envelope.lambdaEvent(n, s);
            case "email-json" -> Envelope.notification(n, s);
            default -> n.messageFor(s.protocol()) + "\n\n--\nIf you wish to stop receiving notifications from this topic, "
                    + "please click or visit the link below to unsubscribe:\n" + Envelope.unsubscribeUrl(n.endpoint(), s.arn())
                    + "\n\nPlease do not reply directly to this email.\n";
        };
        boolean raw = s.raw() && s.protocol().startsWith("http");
        return new PendingDelivery(id, PendingDelivery.NOTIFICATION, s.protocol(), s.endpoint(), s.arn(), n.topicArn(),
                n.messageId(), n.subject(), body, raw);
    }

    /** What filter policies read, worked out at most once per message and only when a policy asks. */
    private static final class Filtering {
        private final Notification n;
        private Map<String, JsonNode> attributes;
        private JsonNode body;

        Filtering(Notification n) { this.n = n; }

        boolean passes(Subscription s) {
            FilterPolicy policy = s.filter();
            if (policy == null) return true;
            if (attributes == null) attributes = MessageAttributes.forFilter(n.attributes());
            if (policy.scope() == FilterPolicy.Scope.MESSAGE_BODY && body == null) body = parse(n.message());
            return policy.matches(attributes, body instanceof MissingNode ? null : body);
        }

        private static JsonNode parse(String message) {
            try {
                JsonNode parsed = JsonProtocol.MAPPER.readTree(message);
                return parsed == null ? MissingNode.getInstance() : parsed;
            } catch (JsonProcessingException e) {
                return MissingNode.getInstance();
            }
        }
    }
}
