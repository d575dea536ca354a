package dev.stride.service.sns.internal.delivery;

import dev.stride.engine.spi.RecordStore;
import dev.stride.engine.spi.RecordStore.Write;
import dev.stride.service.sns.internal.Tables;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Predicate;

/**
 * Carries out committed deliveries (http/https, lambda, email) off the request thread. A
 * delivery's record is in {@link Tables#PENDING} before Publish or Subscribe replies; it is
 * deleted once the endpoint took it or the attempts ran out, so a restart resumes exactly the
 * deliveries still owed (an endpoint may see one twice, never none: at least once, as SNS).
 *
 * <p>Attempts are spaced by a doubling delay from {@code firstRetryDelay}.
 */
public final class Outbox implements AutoCloseable {
    private static final Logger LOG = System.getLogger(Outbox.class.getName());

    private final RecordStore store;
    private final Map<String, Transport> transports;
    private final ScheduledExecutorService scheduler;
    private final int attempts;
    private final Duration firstRetryDelay;
    private final Predicate<PendingDelivery> stillWanted;
    private final Consumer<PendingDelivery> gaveUp;

    /**
     * @param transports  protocol ({@code http}, {@code https}, {@code lambda}, {@code email}, {@code email-json}) to its transport
     * @param stillWanted false for a delivery whose subscription is gone meanwhile (it is dropped)
     * @param gaveUp      told of a delivery whose attempts ran out (for the dead-letter queue)
     */
    public Outbox(RecordStore store, Map<String, Transport> transports, ScheduledExecutorService scheduler, int attempts,
                  Duration firstRetryDelay, Predicate<PendingDelivery> stillWanted, Consumer<PendingDelivery> gaveUp) {
        this.store = store;
        this.transports = Map.copyOf(transports);
        this.scheduler = scheduler;
        this.attempts = Math.max(1, attempts);
        this.firstRetryDelay = firstRetryDelay;
        this.stillWanted = stillWanted;
        this.gaveUp = gaveUp;
    }

    /** Records of the deliveries, to commit with the change that makes them owed. */
    public static List<Write> records(List<PendingDelivery> deliveries) {
        return deliveries.stream().map(d -> Write.put(Tables.PENDING, d.id(), d.toJson())).toList();
    }

    /** Starts committed deliveries. */
    public void start(List<PendingDelivery> deliveries) {
        for (PendingDelivery d : deliveries) schedule(d, 1, 0);
    }

    /** Starts every delivery a previous run left owed. */
    public void resume() {
        store.scan(Tables.PENDING, (id, json) -> schedule(PendingDelivery.fromJson(json), 1, 0));
    }

    private void schedule(PendingDelivery d, int attempt, long delayMillis) {
        try {
            scheduler.schedule(() -> attempt(d, attempt), delayMillis, TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException closing) {
            // shutting down: the record stays and the next start resumes it
        }
    }

    private void attempt(PendingDelivery d, int attempt) {
        if (!stillWanted.test(d)) {
            finish(d);
            return;
        }
        try {
            Transport transport = transports.get(d.protocol());
            if (transport == null) throw new IllegalStateException("no transport for protocol " + d.protocol());
            transport.send(d);
            finish(d);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Exception e) {
            if (attempt < attempts) {
                schedule(d, attempt + 1, firstRetryDelay.toMillis() << (attempt - 1));
                return;
            }
            LOG.log(Level.WARNING, "SNS gave up delivering {0} to {1} after {2} attempts: {3}", d.messageId(), d.endpoint(), attempts, e.getMessage());
            try {
                gaveUp.accept(d);
            } finally {
                finish(d);
            }
        }
    }

    private void finish(PendingDelivery d) {
        try {
            store.commit(List.of(Write.delete(Tables.PENDING, d.id())));
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "SNS could not clear delivery record {0}: {1}", d.id(), e.getMessage());
        }
    }

    @Override
    public void close() {
        scheduler.shutdownNow();
    }
}
