package dev.stride.engine.spi;

import java.security.SecureRandom;
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
                return UuidText.v4(r.nextLong(), r.nextLong());
            }
            public RandomGenerator random() { return local.get(); }
        };
    }

    /** Reproducible ids and randomness from a seed. */
    static IdSource seeded(long seed) {
        java.util.SplittableRandom random = new java.util.SplittableRandom(seed);
        return new IdSource() {
            public synchronized String uuid() { return UuidText.v4(random.nextLong(), random.nextLong()); }
            public RandomGenerator random() { return random; }
        };
    }
}
