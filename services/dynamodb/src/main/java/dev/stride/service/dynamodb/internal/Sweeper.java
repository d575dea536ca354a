package dev.stride.service.dynamodb.internal;

import dev.stride.service.WriteJournal;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.stride.engine.spi.RecordStore.Write;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * The housekeeping no request triggers: deleting items whose TimeToLive attribute (a number of
 * epoch seconds) is in the past, and forgetting day-old idempotent replies and ten-minute-old
 * transaction tokens. As in DynamoDB an expired item stays readable until swept, and a TTL
 * more than five years old is taken for a mistake and ignored. Runs every few seconds on one
 * daemon thread; tests call {@link #sweep} with their own clock.
 */
final class Sweeper implements AutoCloseable {
    private static final System.Logger LOG = System.getLogger(Sweeper.class.getName());
    private static final long PERIOD_SECONDS = 5;
    private static final long FIVE_YEARS_SECONDS = 5L * 365 * 24 * 3600;

    private final Context ctx;
    private ScheduledExecutorService timer;

    Sweeper(Context ctx) { this.ctx = ctx; }

    void start() {
        timer = Executors.newSingleThreadScheduledExecutor(r -> Thread.ofPlatform().daemon().name("stride-dynamodb-sweeper").unstarted(r));
        timer.scheduleWithFixedDelay(this::sweepQuietly, PERIOD_SECONDS, PERIOD_SECONDS, TimeUnit.SECONDS);
    }

    private void sweepQuietly() {
        try {
            sweep();
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "DynamoDB housekeeping failed; it runs again shortly", e);
        }
    }

    /** One round at the clock's now; returns how many expired items it deleted. */
    int sweep() {
        long now = ctx.now();
        int deleted = 0;
        for (Table t : ctx.tables().all()) {
            String attribute = t.schema.ttlAttribute();
            if (attribute != null && !t.deleted) deleted += expire(t, attribute, now / 1000);
        }
        List<Write> writes = new ArrayList<>();
        ctx.idempotency().prune(now, writes);
        ctx.tokens().prune(now, writes);
        ctx.journal().append(writes).await();
        return deleted;
    }

    private int expire(Table t, String attribute, long nowSeconds) {
        int deleted = 0;
        for (Map.Entry<Key, byte[]> e : t.items.entrySet()) {
            if (!expired(Json.item(e.getValue()), attribute, nowSeconds)) continue;
            List<Write> writes = new ArrayList<>();
            WriteJournal.Ticket ticket;
            try (ItemLocks locks = ItemLocks.one(t, e.getKey())) {
                if (t.deleted) return deleted;
                ObjectNode current = ItemWrites.current(t, e.getKey());
                if (current == null || !expired(current, attribute, nowSeconds)) continue; // rewritten meanwhile
                ItemWrites.store(t, e.getKey(), current, null, writes);
                ticket = ctx.journal().append(writes);
            }
            ticket.await();
            deleted++;
        }
        return deleted;
    }

    static boolean expired(ObjectNode item, String attribute, long nowSeconds) {
        JsonNode v = item.get(attribute);
        if (v == null || !v.has("N")) return false;
        BigDecimal at;
        try {
            at = new BigDecimal(v.get("N").asText());
        } catch (NumberFormatException e) {
            return false;
        }
        long seconds = at.longValue();
        return seconds <= nowSeconds && nowSeconds - seconds <= FIVE_YEARS_SECONDS;
    }

    @Override
    public void close() {
        if (timer != null) timer.shutdownNow();
    }
}
