package dev.stride.service.sns.internal.delivery;

/** Sends one rendered delivery to its endpoint; throws when the endpoint did not take it (the outbox retries). */
public interface Transport {
    void send(PendingDelivery delivery) throws Exception;
}
