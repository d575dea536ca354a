package dev.stride.expr.jsonata;

import java.time.Clock;
import java.util.Objects;
import java.util.concurrent.ThreadLocalRandom;
import java.util.random.RandomGenerator;

/**
 * Sources of non-determinism for {@code $random()}, {@code $uuid()}, {@code $now()} and
 * {@code $millis()}; inject fixed ones in tests. The generator must be safe for use from the
 * threads that evaluate (the default delegates to {@link ThreadLocalRandom}).
 */
public record JsonataOptions(RandomGenerator random, Clock clock) {
    private static final RandomGenerator THREAD_LOCAL_RANDOM = new RandomGenerator() {
        @Override public long nextLong() { return ThreadLocalRandom.current().nextLong(); }
        @Override public double nextDouble() { return ThreadLocalRandom.current().nextDouble(); }
        @Override public void nextBytes(byte[] bytes) { ThreadLocalRandom.current().nextBytes(bytes); }
    };

    public static final JsonataOptions DEFAULT = new JsonataOptions(THREAD_LOCAL_RANDOM, Clock.systemUTC());

    public JsonataOptions {
        Objects.requireNonNull(random, "random");
        Objects.requireNonNull(clock, "clock");
    }
}
