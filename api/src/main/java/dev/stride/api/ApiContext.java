package dev.stride.api;

import com.fasterxml.jackson.databind.JsonNode;
import dev.stride.asl.compile.DefinitionCompiler;
import dev.stride.asl.model.StateMachine;
import dev.stride.asl.read.DefinitionReader;
import dev.stride.engine.Engine;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** What every operation works with: the engine, the registry, the executions, and the caller's region and account. */
final class ApiContext {
    final Engine engine;
    final Registry registry;
    final Executions executions;
    final String region;
    final String account;
    final ServerConfig config;
    final ActivityTasks activities;
    final Metrics metrics;
    final MapRuns mapRuns;
    /**
     * Express executions started with StartExecution on a server with a store: forgotten by the
     * engine when they end, as AWS keeps nothing of them (no list, no description).
     */
    final java.util.Set<String> forgetWhenEnded = ConcurrentHashMap.newKeySet();
    /** Compile once, run many: one compiled machine per distinct definition text. */
    private final Map<String, StateMachine> compiled = new ConcurrentHashMap<>();

    ApiContext(Engine engine, Registry registry, Executions executions, ServerConfig config, ActivityTasks activities,
               Metrics metrics) {
        this.engine = engine;
        this.registry = registry;
        this.executions = executions;
        this.region = config.region();
        this.account = config.account();
        this.config = config;
        this.activities = activities;
        this.metrics = metrics;
        this.mapRuns = new MapRuns(this);
    }

    long now() { return engine.clock().millis(); }

    /** An ARN of the calling request's region and account (see {@link Caller}). */
    String arn(String type, String rest) { return caller().arnPrefix() + type + ":" + rest; }

    /** The request's caller, or the server's own region and account outside a request. */
    Caller caller() {
        Caller c = Caller.current();
        return c != null ? c : new Caller(region, account);
    }

    /** Whether the calling request may see this resource: only its own region's and account's, as on AWS. */
    boolean visible(String arn) { return arn != null && arn.startsWith(caller().arnPrefix()); }

    /** The compiled form of an already validated definition. */
    StateMachine compile(String definition) {
        return compiled.computeIfAbsent(definition, text -> {
            JsonNode tree = DefinitionReader.read(text);
            return DefinitionCompiler.compile(tree);
        });
    }

    /** The machine for an ARN (qualifiers ignored), or StateMachineDoesNotExist. */
    MachineEntry machine(Arn arn) {
        return registry.machine(arn.stateMachineBase()).filter(m -> visible(m.arn()))
                .orElseThrow(() -> ApiError.stateMachineDoesNotExist(arn.text()));
    }

    ExecutionEntry execution(String executionArn) {
        Arn arn = Arn.parse(executionArn, "execution", "express");
        if (arn.parts().size() != 2) throw ApiError.invalidArn(executionArn);
        return executions.find(executionArn).or(() -> mapRunChild(executionArn)).filter(e -> visible(e.arn()))
                .orElseThrow(() -> ApiError.executionDoesNotExist(executionArn));
    }

    /**
     * A distributed Map's child execution: the engine starts those itself and the registry does
     * not list them (a Map Run may have a million), so its entry is made from the engine's view.
     */
    private java.util.Optional<ExecutionEntry> mapRunChild(String executionArn) {
        if (!executionArn.contains("/")) return java.util.Optional.empty(); // children run MACHINE/LABEL
        dev.stride.engine.ExecutionView v = engine.describe(executionArn);
        if (v == null || v.mapRunArn() == null) return java.util.Optional.empty();
        return java.util.Optional.of(MapRunChildren.entry(this, v));
    }
}
