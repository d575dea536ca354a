package dev.stride.engine.spi;

import java.security.SecureRandom;
import java.util.UUID;
import java.util.random.RandomGenerator;

/** The engine's only source of identifiers and randomness (injected for deterministic tests). */
public interface IdSource {
    String uuid();

    RandomGenerator random();

    static IdSource secure() {
        SecureRandom random = new SecureRandom();
        return new IdSource() {
            public String uuid() { return UUID.randomUUID().toString(); }
            public RandomGenerator random() { return random; }
        };
    }

    /** Reproducible ids and randomness from a seed. */
    static IdSource seeded(long seed) {
        java.util.SplittableRandom random = new java.util.SplittableRandom(seed);
        return new IdSource() {
            public synchronized String uuid() { return new UUID(random.nextLong() & ~0xF000L | 0x4000L, random.nextLong() & 0x3FFFFFFFFFFFFFFFL | 0x8000000000000000L).toString(); }
            public RandomGenerator random() { return random; }
        };
    }
}
