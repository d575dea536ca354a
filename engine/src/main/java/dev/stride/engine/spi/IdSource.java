package dev.stride.engine.spi;

import java.security.SecureRandom;
import java.util.UUID;
import java.util.random.RandomGenerator;

/** The engine's only source of identifiers and randomness (injected for deterministic tests). */
public interface IdSource {
    String uuid();

    RandomGenerator random();

    /**
     * Unpredictable ids without SecureRandom's per-call cost: each thread's generator is seeded
     * once from SecureRandom (execution names and task tokens of a local engine need not be
     * cryptographic; they must not repeat or be guessable from each other).
     */
    static IdSource secure() {
        SecureRandom seeds = new SecureRandom();
        ThreadLocal<java.util.SplittableRandom> local = ThreadLocal.withInitial(() -> {
            synchronized (seeds) {
                return new java.util.SplittableRandom(seeds.nextLong());
            }
        });
        return new IdSource() {
            public String uuid() {
                java.util.SplittableRandom r = local.get();
                return new UUID(r.nextLong() & ~0xF000L | 0x4000L, r.nextLong() & 0x3FFFFFFFFFFFFFFFL | 0x8000000000000000L).toString();
            }
            public RandomGenerator random() { return local.get(); }
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
