package dev.stride.api.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class PricesTest {
    final Prices prices = Prices.load();

    @Test
    void standardIsTwoAndAHalfCentsPerThousandTransitions() {
        assertThat(prices.standard(40).dollars()).isCloseTo(0.001, within(1e-12));
        assertThat(prices.standard(40).how()).isEqualTo("40 state transitions × $0.000025");
    }

    @Test
    void expressIsARequestPlusDurationRoundedUpTimesMemoryInSixtyFourMegabyteChunks() {
        // 1,050 ms bills as 1,100 ms; 50 MB + a small definition bills as 64 MB.
        double expected = 0.000001 + 1.1 / 3600 * 64.0 / 1024 * 0.06;
        Prices.Estimate e = prices.express(1050, 10_000, 1_000, 0);
        assertThat(e.dollars()).isCloseTo(expected, within(1e-15));
        assertThat(e.how()).contains("1100 ms").contains("64 MB").contains("$0.06 per GB-hour");
        // Payload counted once per Map or Parallel step: 20 steps of 1 MB cross into the second chunk.
        assertThat(prices.express(1050, 10_000, 1_048_576, 20).how()).contains("128 MB");
    }

    @Test
    void thePriceTableSaysWhereItCameFromAndWhen() {
        assertThat(prices.source()).contains("https://aws.amazon.com/step-functions/pricing/").contains("checked 2026-12-02");
    }
}
