package dev.stride.api.console;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;

/**
 * What an execution would cost on AWS, from the list prices in {@code prices.json} (with their
 * source and the date they were checked). Standard: per state transition, retries included.
 * Express: per request plus duration (rounded up to 100 ms) times memory (billed in 64 MB
 * chunks; AWS's estimate: 50 MB + the definition + the payload once per Map or Parallel step).
 */
final class Prices {
    private final JsonNode table;

    private Prices(JsonNode table) { this.table = table; }

    static Prices load() {
        try (InputStream in = Prices.class.getResourceAsStream("prices.json")) {
            return new Prices(Html.MAPPER.readTree(in));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read prices.json", e);
        }
    }

    /** An estimate and how it was reached. */
    record Estimate(double dollars, String how) {}

    Estimate standard(int transitions) {
        double per = table.path("standard").path("perStateTransition").asDouble();
        return new Estimate(transitions * per, transitions + " state transitions × $" + plain(per));
    }

    Estimate express(long durationMillis, long definitionBytes, long payloadBytes, int mapOrParallelSteps) {
        JsonNode x = table.path("express");
        long step = x.path("billedDurationMillis").asLong(100);
        long billedMillis = Math.max(step, (durationMillis + step - 1) / step * step);
        double mb = x.path("baseMemoryMb").asDouble(50) + (definitionBytes + payloadBytes * Math.max(1, mapOrParallelSteps)) / 1_048_576.0;
        double chunk = x.path("memoryChunkMb").asDouble(64);
        double billedMb = Math.ceil(mb / chunk) * chunk;
        double gbHours = billedMillis / 3_600_000.0 * billedMb / 1024;
        double perGbHour = x.path("durationPerGbHour").path(0).asDouble();
        double request = x.path("perRequest").asDouble();
        return new Estimate(request + gbHours * perGbHour, "1 request × $" + plain(request) + " + " + billedMillis + " ms × "
                + (long) billedMb + " MB at $" + plain(perGbHour) + " per GB-hour");
    }

    private static String plain(double v) { return BigDecimal.valueOf(v).stripTrailingZeros().toPlainString(); }

    String source() { return table.path("source").asText() + " (checked " + table.path("checked").asText() + ", " + table.path("region").asText() + ")"; }
}
