package dev.stride.api;

import dev.stride.engine.ExecutionView;
import dev.stride.engine.history.HistoryEvent;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Timer;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * What {@code GET /metrics} shows (Prometheus text format, through Micrometer): executions started
 * and ended by state machine type and outcome, state transitions of ended executions, and API
 * request latency by action.
 */
final class Metrics {
    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);

    void started(boolean express) { counter("stride.executions.started", express).increment(); }

    /** An execution ended: counts it by outcome, and its state transitions (states entered) from its history. */
    void ended(boolean express, ExecutionView view, List<HistoryEvent> history) {
        if (view == null || !view.status().isFinal()) return;
        String name = switch (view.status()) {
            case SUCCEEDED -> "stride.executions.succeeded";
            case FAILED -> "stride.executions.failed";
            case TIMED_OUT -> "stride.executions.timed_out";
            default -> "stride.executions.aborted";
        };
        counter(name, express).increment();
        if (history != null) {
            long entered = history.stream().filter(e -> e.type().endsWith("StateEntered")).count();
            counter("stride.state.transitions", express).increment(entered);
        }
    }

    void request(String action, boolean failed, long nanos) {
        Timer.builder("stride.api.requests").description("Step Functions API requests by action")
                .tag("action", action == null ? "unknown" : action).tag("outcome", failed ? "error" : "ok")
                .publishPercentiles(0.5, 0.99)
                .register(registry).record(nanos, TimeUnit.NANOSECONDS);
    }

    String scrape() { return registry.scrape(); }

    private Counter counter(String name, boolean express) {
        return Counter.builder(name).tag("type", express ? "EXPRESS" : "STANDARD").register(registry);
    }
}
