package dev.stride.api;

import dev.stride.engine.ExecutionView;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Timer;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.util.concurrent.TimeUnit;

/**
 * What {@code GET /metrics} shows (Prometheus text format, through Micrometer): executions started
 * and ended by state machine type and outcome, state transitions of ended executions, and API
 * request latency by action.
 */
final class Metrics {
    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);

    void started(boolean express) { counter("stride.executions.started", express).increment(); }

    /** State transitions come from the engine's own counters, read at each scrape. */
    void countTransitions(dev.stride.engine.Engine engine) {
        for (boolean express : new boolean[] {false, true}) {
            io.micrometer.core.instrument.FunctionCounter.builder("stride.state.transitions", engine, e -> e.transitions(express))
                    .description("States entered").tag("type", express ? "EXPRESS" : "STANDARD").register(registry);
        }
    }

    /** An execution ended: counts it by outcome. */
    void ended(boolean express, ExecutionView view) {
        if (view == null || !view.status().isFinal()) return;
        String name = switch (view.status()) {
            case SUCCEEDED -> "stride.executions.succeeded";
            case FAILED -> "stride.executions.failed";
            case TIMED_OUT -> "stride.executions.timed_out";
            default -> "stride.executions.aborted";
        };
        counter(name, express).increment();
    }

    void request(String action, boolean failed, long nanos) {
        Timer.builder("stride.api.requests").description("Step Functions API requests by action")
                .tag("action", action == null ? "unknown" : action).tag("outcome", failed ? "error" : "ok")
                .publishPercentiles(0.5, 0.99)
                .register(registry).record(nanos, TimeUnit.NANOSECONDS);
    }

    void serviceRequest(String service, boolean failed, long nanos) {
        Timer.builder("stride.service.requests").description("Local AWS service requests by service")
                .tag("service", service).tag("outcome", failed ? "error" : "ok")
                .publishPercentiles(0.5, 0.99)
                .register(registry).record(nanos, TimeUnit.NANOSECONDS);
    }

    String scrape() { return registry.scrape(); }

    private Counter counter(String name, boolean express) {
        return Counter.builder(name).tag("type", express ? "EXPRESS" : "STANDARD").register(registry);
    }
}
