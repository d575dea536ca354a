package dev.stride.service.sns.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.stride.engine.spi.RecordStore.Write;
import dev.stride.service.JsonProtocol;
import dev.stride.service.ServiceCall;
import dev.stride.service.sns.internal.delivery.Confirmations;
import dev.stride.service.sns.internal.delivery.Outbox;
import dev.stride.service.sns.internal.delivery.PendingDelivery;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.LongSupplier;

/**
 * Subscribe, ConfirmSubscription, Unsubscribe, the subscription listings and attributes.
 * sqs and lambda subscriptions are confirmed at once; http/https and email ones are sent a
 * confirmation (committed with the subscription, sent by the outbox) and wait for it.
 */
public final class SubscriptionActions {
    private final SnsState state;
    private final Resources resources;
    private final Outbox outbox;
    private final LongSupplier clock;

    public SubscriptionActions(SnsState state, Resources resources, Outbox outbox, LongSupplier clock) {
        this.state = state;
        this.resources = resources;
        this.outbox = outbox;
        this.clock = clock;
    }

    public JsonNode subscribe(ServiceCall call) {
        JsonNode p = call.params();
        Topic topic = resources.topic(call, "TopicArn", Params.text(p, "TopicArn"), "Subscribe");
        String protocol = Params.required(p, "Protocol").toLowerCase();
        String endpoint = Params.text(p, "Endpoint");
        Endpoints.check(protocol, endpoint, topic);
        Map<String, String> attributes = Params.stringMap(p, "Attributes");
        attributes.forEach((k, v) -> SubscriptionAttributes.check(k, v, protocol));
        boolean returnArn = Params.flag(p, "ReturnSubscriptionArn");
        ReentrantLock lock = state.lockOf(topic.arn());
        lock.lock();
        Subscription s;
        List<PendingDelivery> pending = List.of();
        try {
            Topic current = state.topics().get(topic.arn());
            if (current == null) throw SnsErrors.topicNotFound();
            Subscription existing = find(current, protocol, endpoint);
            if (existing != null) {
                if (!attributes.isEmpty() && !existing.attributes().equals(attributes)) {
                    throw SnsErrors.invalidParameter("Attributes Reason: Subscription already exists with different attributes");
                }
                return reply(existing, returnArn);
            }
            boolean confirmed = protocol.equals("sqs") || protocol.equals("lambda");
            String token = confirmed ? null : token();
            s = Subscription.of(topic.arn() + ":" + UUID.randomUUID(), topic.arn(), protocol, endpoint, call.account(), attributes, confirmed, token);
            List<Write> writes = new ArrayList<>();
            writes.add(Write.put(Tables.SUBSCRIPTIONS, s.arn(), StoredRecords.subscription(s)));
            if (!confirmed) {
                pending = List.of(Confirmations.render(s, UUID.randomUUID().toString(), clock.getAsLong(), call.endpoint()));
                writes.addAll(Outbox.records(pending));
            }
            state.store().commit(writes);
            state.apply(s);
        } finally {
            lock.unlock();
        }
        outbox.start(pending);
        return reply(s, returnArn);
    }

    private static Subscription find(Topic topic, String protocol, String endpoint) {
        for (Subscription s : topic.subscriptions()) {
            if (s.protocol().equals(protocol) && s.endpoint().equals(endpoint)) return s;
        }
        return null;
    }

    private static JsonNode reply(Subscription s, boolean returnArn) {
        return JsonProtocol.MAPPER.createObjectNode().put("SubscriptionArn", s.confirmed() || returnArn ? s.arn() : "pending confirmation");
    }

    /** A confirmation token, as long as AWS's (they are hundreds of hex digits). */
    private static String token() {
        StringBuilder b = new StringBuilder(128);
        for (int i = 0; i < 4; i++) b.append(UUID.randomUUID().toString().replace("-", ""));
        return b.toString();
    }

    public JsonNode confirmSubscription(ServiceCall call) {
        JsonNode p = call.params();
        Topic topic = resources.topic(call, "TopicArn", Params.text(p, "TopicArn"), "ConfirmSubscription");
        String token = Params.required(p, "Token");
        ReentrantLock lock = state.lockOf(topic.arn());
        lock.lock();
        try {
            Topic current = state.topics().get(topic.arn());
            if (current == null) throw SnsErrors.topicNotFound();
            Subscription s = current.subscriptions().stream().filter(x -> token.equals(x.token())).findFirst()
                    .orElseThrow(() -> SnsErrors.invalidParameter("Token"));
            if (!s.confirmed()) {
                Subscription confirmed = s.confirm();
                state.store().commit(List.of(Write.put(Tables.SUBSCRIPTIONS, confirmed.arn(), StoredRecords.subscription(confirmed))));
                state.apply(confirmed);
            }
            return JsonProtocol.MAPPER.createObjectNode().put("SubscriptionArn", s.arn());
        } finally {
            lock.unlock();
        }
    }

    public JsonNode unsubscribe(ServiceCall call) {
        Subscription s = resources.subscription(call, Params.text(call.params(), "SubscriptionArn"), "Unsubscribe");
        ReentrantLock lock = state.lockOf(s.topicArn());
        lock.lock();
        try {
            if (state.subscriptions().containsKey(s.arn())) {
                state.store().commit(List.of(Write.delete(Tables.SUBSCRIPTIONS, s.arn())));
                state.remove(s);
            }
        } finally {
            lock.unlock();
        }
        return JsonProtocol.MAPPER.createObjectNode();
    }

    public JsonNode listSubscriptions(ServiceCall call) {
        return list(SnsArn.prefix(call.region(), call.account()), Params.text(call.params(), "NextToken"));
    }

    public JsonNode listSubscriptionsByTopic(ServiceCall call) {
        Topic topic = resources.topic(call, "TopicArn", Params.text(call.params(), "TopicArn"), "ListSubscriptionsByTopic");
        return list(topic.arn() + ":", Params.text(call.params(), "NextToken"));
    }

    private JsonNode list(String prefix, String token) {
        ObjectNode out = JsonProtocol.MAPPER.createObjectNode();
        ArrayNode members = out.putArray("Subscriptions");
        Paging.page(state.subscriptions(), prefix, token, out, s -> members.addObject()
                .put("SubscriptionArn", s.confirmed() ? s.arn() : "PendingConfirmation").put("Owner", s.owner())
                .put("Protocol", s.protocol()).put("Endpoint", s.endpoint()).put("TopicArn", s.topicArn()));
        return out;
    }

    public JsonNode getSubscriptionAttributes(ServiceCall call) {
        Subscription s = resources.subscription(call, Params.text(call.params(), "SubscriptionArn"), "GetSubscriptionAttributes");
        ObjectNode out = JsonProtocol.MAPPER.createObjectNode();
        ObjectNode attributes = out.putObject("Attributes");
        SubscriptionAttributes.describe(s).forEach(attributes::put);
        return out;
    }

    public JsonNode setSubscriptionAttributes(ServiceCall call) {
        JsonNode p = call.params();
        Subscription s = resources.subscription(call, Params.text(p, "SubscriptionArn"), "SetSubscriptionAttributes");
        String name = Params.required(p, "AttributeName");
        String value = Params.text(p, "AttributeValue");
        if (value == null) value = "";
        SubscriptionAttributes.check(name, value, s.protocol());
        ReentrantLock lock = state.lockOf(s.topicArn());
        lock.lock();
        try {
            Subscription current = state.subscriptions().get(s.arn());
            if (current == null) throw SnsErrors.subscriptionNotFound();
            Subscription next = current.withAttribute(name, value); // compiles the filter policy: a bad one throws here
            state.store().commit(List.of(Write.put(Tables.SUBSCRIPTIONS, next.arn(), StoredRecords.subscription(next))));
            state.apply(next);
        } finally {
            lock.unlock();
        }
        return JsonProtocol.MAPPER.createObjectNode();
    }
}
