package dev.stride.engine;

import dev.stride.engine.spi.Clock;
import java.util.concurrent.atomic.AtomicLong;

/** A clock only the test moves. */
final class FakeClock implements Clock {
    private final AtomicLong now = new AtomicLong(1_700_000_000_000L);

    @Override
    public long millis() { return now.get(); }

    void advanceSeconds(long s) { now.addAndGet(s * 1000); }
}
