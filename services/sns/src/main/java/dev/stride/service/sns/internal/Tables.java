package dev.stride.service.sns.internal;

/** The service's tables in the record store. */
public final class Tables {
    /** Topic ARN to its name, attributes and tags. */
    public static final String TOPICS = "sns.topics";
    /** Subscription ARN to its topic, protocol, endpoint, attributes and confirmation state. */
    public static final String SUBSCRIPTIONS = "sns.subscriptions";
    /** FIFO topic ARN + deduplication id to the first message's id, sequence number and expiry. */
    public static final String DEDUP = "sns.dedup";
    /** A caller's idempotency key to the first reply of its Publish or PublishBatch. */
    public static final String IDEMPOTENCY = "sns.idempotency";
    /** Delivery id to an http/https/lambda/email delivery not yet made (the outbox). */
    public static final String PENDING = "sns.pending";

    private Tables() {}
}
