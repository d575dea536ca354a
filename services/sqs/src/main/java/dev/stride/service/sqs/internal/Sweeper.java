package dev.stride.service.sqs.internal;

import dev.stride.service.WriteJournal;
import dev.stride.engine.spi.RecordStore.Write;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * The housekeeping no request triggers: messages past their retention in queues nobody reads,
 * deduplication entries past their five minutes, FIFO receive attempts, day-old idempotent
 * replies. Receives do the same lazily for what they touch; this keeps memory and the store
 * from holding what is already over. Runs once a second on one daemon thread.
 */
final class Sweeper implements AutoCloseable {
    private static final System.Logger LOG = System.getLogger(Sweeper.class.getName());
    private static final long IDEMPOTENCY_EVERY_MILLIS = 60_000;

    private final Context ctx;
    private final Idempotency idempotency;
    private ScheduledExecutorService timer;
    private long lastIdempotencyPrune = Long.MIN_VALUE;

    Sweeper(Context ctx, Idempotency idempotency) {
        this.ctx = ctx;
        this.idempotency = idempotency;
    }

    void start() {
        timer = Executors.newSingleThreadScheduledExecutor(r -> Thread.ofPlatform().daemon().name("stride-sqs-sweeper").unstarted(r));
        timer.scheduleWithFixedDelay(this::sweepQuietly, 1, 1, TimeUnit.SECONDS);
    }

    private void sweepQuietly() {
        try {
            sweep();
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "SQS housekeeping failed; it runs again in a second", e);
        }
    }

    /** One round of housekeeping at the clock's now. */
    void sweep() {
        long now = ctx.now();
        for (Queue q : ctx.queues().all()) sweep(q, now);
        if (lastIdempotencyPrune == Long.MIN_VALUE || now - lastIdempotencyPrune >= IDEMPOTENCY_EVERY_MILLIS) {
            lastIdempotencyPrune = now;
            List<Write> writes = new ArrayList<>();
            idempotency.prune(now, writes);
            ctx.journal().append(writes).await();
        }
    }

    private void sweep(Queue q, long now) {
        List<Write> writes = new ArrayList<>();
        WriteJournal.Ticket ticket;
        q.lock.lock();
        try {
            if (q.deleted) return;
            q.advance(now);
            q.expireOld(now, writes);
            if (q.dedup != null) {
                List<DedupWindow.Entry> over = new ArrayList<>();
                q.dedup.expire(now, over);
                for (DedupWindow.Entry e : over) writes.add(Records.deleteDedup(q.key, e));
            }
            if (q.attempts != null) q.attempts.values().removeIf(a -> a.expiresAt() <= now);
            q.passOn();
            ticket = ctx.journal().append(writes);
        } finally {
            q.lock.unlock();
        }
        ticket.await();
    }

    @Override
    public void close() {
        if (timer != null) timer.shutdownNow();
    }
}
