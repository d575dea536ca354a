package dev.stride.service.sns;

import dev.stride.service.JsonProtocol;
import dev.stride.service.sns.internal.FifoDeduplication;
import dev.stride.service.sns.internal.IdempotentReplies;
import dev.stride.service.sns.internal.PublishAction;
import dev.stride.service.sns.internal.PublishBatchAction;
import dev.stride.service.sns.internal.Resources;
import dev.stride.service.sns.internal.SnsActions;
import dev.stride.service.sns.internal.SnsState;
import dev.stride.service.sns.internal.Subscription;
import dev.stride.service.sns.internal.SubscriptionActions;
import dev.stride.service.sns.internal.Tagging;
import dev.stride.service.sns.internal.TopicActions;
import dev.stride.service.sns.internal.delivery.EmailTransport;
import dev.stride.service.sns.internal.delivery.Fanout;
import dev.stride.service.sns.internal.delivery.HttpTransport;
import dev.stride.service.sns.internal.delivery.LambdaTransport;
import dev.stride.service.sns.internal.delivery.Outbox;
import dev.stride.service.sns.internal.delivery.PendingDelivery;
import dev.stride.service.sns.internal.delivery.SmtpClient;
import dev.stride.service.sns.internal.delivery.SqsDelivery;
import dev.stride.service.sns.internal.delivery.Transport;
import java.util.Map;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.atomic.AtomicInteger;

/** Builds the service's parts from its options and brings their state back from the store. */
final class Wiring implements AutoCloseable {
    private static final int DELIVERY_THREADS = 4;

    private final SnsActions actions;
    private final Outbox outbox;

    Wiring(SnsService.Options o) {
        SnsState state = new SnsState(o.store());
        long now = o.clockMillis().getAsLong();
        state.load();
        FifoDeduplication dedup = new FifoDeduplication();
        dedup.load(o.store(), now);
        IdempotentReplies replies = new IdempotentReplies();
        replies.load(o.store(), now);

        SqsDelivery sqs = new SqsDelivery(o.sqs());
        HttpTransport http = new HttpTransport(o.httpClient(), o.httpTimeout());
        EmailTransport email = new EmailTransport(o.mailboxDir(), o.smtpHost() == null ? null : new SmtpClient(o.smtpHost(), o.smtpPort()), o.clockMillis());
        Map<String, Transport> transports = Map.of("http", http, "https", http, "lambda", new LambdaTransport(o.lambda()),
                "email", email, "email-json", email);
        outbox = new Outbox(o.store(), transports, scheduler(), o.deliveryAttempts(), o.retryDelay(),
                d -> stillWanted(state, d),
                d -> {
                    Subscription s = state.subscriptions().get(d.subscriptionArn());
                    if (s != null && d.type().equals(PendingDelivery.NOTIFICATION)) {
                        sqs.deadLetter(s, JsonProtocol.MAPPER.createObjectNode().put("MessageBody", d.body()), o.defaultEndpoint(), d.messageId());
                    }
                });

        Resources resources = new Resources(state);
        PublishAction publish = new PublishAction(resources, state, new Fanout(sqs), outbox, dedup, replies, o.clockMillis());
        actions = new SnsActions(new TopicActions(state, resources), new SubscriptionActions(state, resources, outbox, o.clockMillis()),
                publish, new PublishBatchAction(publish), new Tagging(state, resources));
        outbox.resume();
    }

    SnsActions actions() { return actions; }

    /** A notification is dropped once its subscription is gone; a confirmation once it is confirmed. */
    private static boolean stillWanted(SnsState state, PendingDelivery d) {
        Subscription s = state.subscriptions().get(d.subscriptionArn());
        if (s == null) return false;
        return !d.type().equals(PendingDelivery.CONFIRMATION) || !s.confirmed();
    }

    private static ScheduledThreadPoolExecutor scheduler() {
        AtomicInteger n = new AtomicInteger();
        ScheduledThreadPoolExecutor executor = new ScheduledThreadPoolExecutor(DELIVERY_THREADS, r -> {
            Thread t = new Thread(r, "sns-delivery-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        executor.setRemoveOnCancelPolicy(true);
        return executor;
    }

    @Override
    public void close() { outbox.close(); }
}
