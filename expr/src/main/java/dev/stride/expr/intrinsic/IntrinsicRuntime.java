package dev.stride.expr.intrinsic;

import java.security.SecureRandom;
import java.util.Objects;
import java.util.UUID;
import java.util.random.RandomGenerator;

/**
 * The non-deterministic inputs of intrinsic functions: random numbers for unseeded {@code States.MathRandom} and
 * UUIDs for {@code States.UUID}. Tests and replays pass a seeded runtime; production uses {@link #secure()}.
 */
public interface IntrinsicRuntime {

    /** The generator for unseeded {@code States.MathRandom}. */
    RandomGenerator random();

    /** A fresh version-4 UUID for {@code States.UUID()}. */
    UUID randomUuid();

    /** Secure randomness and {@link UUID#randomUUID()}. */
    static IntrinsicRuntime secure() {
        return Secure.INSTANCE;
    }

    /** Draws both random numbers and UUIDs (version 4, IETF variant) from the given generator. */
    static IntrinsicRuntime of(RandomGenerator generator) {
        Objects.requireNonNull(generator, "generator");
        return new IntrinsicRuntime() {
            @Override public RandomGenerator random() { return generator; }
            @Override public UUID randomUuid() {
                long msb = (generator.nextLong() & ~0xF000L) | 0x4000L;
                long lsb = (generator.nextLong() & ~(0xC000000000000000L)) | 0x8000000000000000L;
                return new UUID(msb, lsb);
            }
        };
    }

    /** Holder for the shared secure runtime. */
    final class Secure implements IntrinsicRuntime {
        static final Secure INSTANCE = new Secure();
        private final SecureRandom random = new SecureRandom();
        private Secure() {}
        @Override public RandomGenerator random() { return random; }
        @Override public UUID randomUuid() { return UUID.randomUUID(); }
    }
}
