package dev.stride.engine.spi;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class UuidTextTest {
    @Test
    void sameTextAsTheJdksVersion4Uuid() {
        SplittableRandom random = new SplittableRandom(42);
        long[] edges = {0, -1, Long.MIN_VALUE, Long.MAX_VALUE, 0xF000L, 0x0123456789ABCDEFL};
        for (int i = 0; i < 20_000; i++) {
            long high = i < edges.length ? edges[i] : random.nextLong();
            long low = i < edges.length ? edges[edges.length - 1 - i] : random.nextLong();
            UUID expected = new UUID(high & ~0xF000L | 0x4000L, low & 0x3FFFFFFFFFFFFFFFL | 0x8000000000000000L);
            String text = UuidText.v4(high, low);
            assertThat(text).isEqualTo(expected.toString());
            assertThat(UUID.fromString(text).version()).isEqualTo(4);
            assertThat(UUID.fromString(text).variant()).isEqualTo(2);
        }
    }
}
