package dev.stride.engine.internal;

import dev.stride.engine.ExecutionStatus;
import java.util.function.Consumer;
import java.util.function.LongFunction;

/**
 * Parking: a durable execution that waits only for timers far ahead (a long Wait, a slow retry
 * back-off) is dropped from memory once its state is committed, and the store remembers when it
 * wants to wake. A waker thread asks the store for the ones whose time comes near and hands them
 * back to the scheduler, which loads them and arms their timers as recovery does. So a million
 * executions sleeping for a day cost disk, not heap.
 *
 * <p>Design notes. Only timers make an execution parkable: a task in flight may complete at any
 * moment and its token must find the execution in memory. An execution is parked when its
 * earliest timer is more than {@code parkAfterMillis} away, and loaded back when it is less than
 * half that away, so an execution never thrashes between the two.
 */
final class Parking implements Runnable {
    private final long parkAfterMillis;
    private final dev.stride.engine.spi.Clock clock;
    /** Lists the ARNs of parked executions due by the given time. */
    private final LongFunction<java.util.List<String>> due;
    private final Consumer<String> wake;
    private volatile boolean closed;
    static final int BATCH = 10_000;

    Parking(long parkAfterMillis, dev.stride.engine.spi.Clock clock, LongFunction<java.util.List<String>> due, Consumer<String> wake) {
        this.parkAfterMillis = parkAfterMillis;
        this.clock = clock;
        this.due = due;
        this.wake = wake;
    }

    /**
     * When the execution may be parked: the time its earliest timer fires, or 0 when it must
     * stay in memory (something is ready or in flight, or its next timer is near).
     */
    long wakeTime(ExecutionRecord ex) {
        if (ex.status != ExecutionStatus.RUNNING || !ex.ready.isEmpty()) return 0;
        long wake = ex.deadlineMillis > 0 ? ex.deadlineMillis : Long.MAX_VALUE;
        for (Frame f : ex.frames.inAnyOrder()) {
            switch (f.phase) {
                case WAIT_TIMER, RETRY_WAIT -> wake = Math.min(wake, f.timerDue);
                case WAIT_CHILDREN -> { } // its children are frames of this record, judged on their own
                default -> { return 0; } // ready, or a task in flight
            }
        }
        return wake != Long.MAX_VALUE && wake - clock.millis() > parkAfterMillis ? wake : 0;
    }

    void close() { closed = true; }

    @Override
    public void run() {
        long period = Math.max(10, Math.min(1000, parkAfterMillis / 4));
        while (!closed) {
            try {
                Thread.sleep(period);
                for (String arn : due.apply(clock.millis() + parkAfterMillis / 2)) wake.accept(arn);
            } catch (InterruptedException e) {
                return;
            } catch (RuntimeException e) {
                if (closed) return;
                // A store error must not end the waker: the next round tries again.
                System.err.println("stride: cannot wake parked executions: " + e.getMessage());
            }
        }
    }
}
