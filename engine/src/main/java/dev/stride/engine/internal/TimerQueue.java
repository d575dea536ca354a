package dev.stride.engine.internal;

import java.util.PriorityQueue;
import java.util.function.BooleanSupplier;

/**
 * Pending timers of all executions, fired by one thread in due order. With a
 * {@link VirtualClock} the thread jumps the clock to the next due time whenever the engine is
 * idle, so waits cost no real time.
 */
final class TimerQueue implements Runnable {
    record Timer(long due, long seq, Slot slot, int frameId) {}

    interface Firing { void fire(Timer t); }

    private final PriorityQueue<Timer> queue = new PriorityQueue<>(
            (a, b) -> a.due != b.due ? Long.compare(a.due, b.due) : Long.compare(a.seq, b.seq));
    private final dev.stride.engine.spi.Clock clock;
    private final VirtualClock virtual;
    private final BooleanSupplier idle;
    private final Firing firing;
    private long seq;
    private volatile boolean closed;

    TimerQueue(dev.stride.engine.spi.Clock clock, BooleanSupplier idle, Firing firing) {
        this.clock = clock;
        this.virtual = clock instanceof VirtualClock v ? v : null;
        this.idle = idle;
        this.firing = firing;
    }

    synchronized void add(Slot slot, int frameId, long due) {
        queue.add(new Timer(due, seq++, slot, frameId));
        notifyAll();
    }

    /** Wakes the timer thread, e.g. because the engine became idle. */
    synchronized void poke() { notifyAll(); }

    synchronized int size() { return queue.size(); }

    void close() {
        closed = true;
        poke();
    }

    @Override
    public void run() {
        while (!closed) {
            Timer t;
            synchronized (this) {
                t = queue.peek();
                long now = clock.millis();
                if (t == null) {
                    waitQuietly(1000);
                    continue;
                }
                if (t.due > now) {
                    if (virtual != null && idle.getAsBoolean()) {
                        virtual.advanceTo(t.due);
                    } else {
                        // Poll often: with an injected clock, time can move without this thread being told.
                        waitQuietly(virtual != null ? 5 : Math.min(t.due - now, 50));
                        continue;
                    }
                }
                queue.poll();
            }
            firing.fire(t);
        }
    }

    private void waitQuietly(long millis) {
        try {
            wait(Math.max(1, millis));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            closed = true;
        }
    }
}
