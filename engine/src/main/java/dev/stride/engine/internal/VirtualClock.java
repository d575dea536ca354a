package dev.stride.engine.internal;

import dev.stride.engine.spi.Clock;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A clock the engine moves forward itself when nothing is left to do but wait: Wait states
 * and retry back-offs then take no real time, and every execution still sees consistent times.
 */
public final class VirtualClock implements Clock {
    private final AtomicLong now;

    public VirtualClock(long startMillis) { this.now = new AtomicLong(startMillis); }

    @Override
    public long millis() { return now.get(); }

    void advanceTo(long millis) { now.accumulateAndGet(millis, Math::max); }
}
