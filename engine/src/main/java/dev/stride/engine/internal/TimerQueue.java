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
    /**
     * The thread is waiting for the engine to become idle to jump the virtual clock. Only then
     * is a poke worth a wake-up: the engine turns idle after nearly every run, far too often to
     * wake this thread each time for nothing.
     */
    private volatile boolean waitingForIdle;

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

    /** Tells the timer thread the engine became idle (a no-op unless it waits for that). */
    void poke() {
        if (waitingForIdle) wake();
    }

    private synchronized void wake() { notifyAll(); }

    synchronized int size() { return queue.size(); }

    void close() {
        closed = true;
        wake();
    }

    @Override
    public void run() {
        while (!closed) {
            Timer t;
            synchronized (this) {
                waitingForIdle = false;
                t = queue.peek();
                long now = clock.millis();
                if (t == null) {
                    waitQuietly(1000);
                    continue;
                }
                if (t.due > now) {
                    if (virtual != null && idleNow()) {
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

    /**
     * Whether the engine is idle. Says first that a poke is wanted: a worker turning idle right
     * after the check then sees the flag (both are volatile) and wakes this thread, which
     * holds the monitor until it waits, so the wake-up is not lost.
     */
    private boolean idleNow() {
        waitingForIdle = true;
        if (!idle.getAsBoolean()) return false;
        waitingForIdle = false;
        return true;
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
