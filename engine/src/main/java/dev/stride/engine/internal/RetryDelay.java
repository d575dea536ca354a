package dev.stride.engine.internal;

import dev.stride.asl.model.Retrier;
import java.util.random.RandomGenerator;

/** Delay before retry n: IntervalSeconds x BackoffRate^(n-1), capped by MaxDelaySeconds, then jittered. */
final class RetryDelay {
    private RetryDelay() {}

    static long millis(Retrier r, int attempt, RandomGenerator random) {
        double seconds = r.intervalSeconds() * Math.pow(r.backoffRate(), attempt - 1);
        if (r.maxDelaySeconds() != null) seconds = Math.min(seconds, r.maxDelaySeconds());
        long ms = (long) Math.min(seconds * 1000, Long.MAX_VALUE / 4);
        if (r.fullJitter()) ms = (long) (random.nextDouble() * ms);
        return ms;
    }
}
