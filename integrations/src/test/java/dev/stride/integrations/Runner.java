package dev.stride.integrations;

import com.fasterxml.jackson.databind.JsonNode;
import dev.stride.asl.compile.DefinitionCompiler;
import dev.stride.asl.model.StateMachine;
import dev.stride.asl.read.DefinitionReader;
import dev.stride.engine.Engine;
import dev.stride.engine.ExecutionView;
import dev.stride.engine.StartRequest;
import dev.stride.engine.history.HistoryEvent;
import dev.stride.expr.Json;
import java.time.Duration;
import java.util.List;
import java.util.function.BooleanSupplier;

/** An engine wired with integrations, and the few steps tests take with it. */
final class Runner implements AutoCloseable {
    final Integrations integrations;
    final Engine engine;

    Runner(Integrations.Builder builder) {
        this.integrations = builder.build();
        this.engine = integrations.register(Engine.builder().workers(2)).build();
        integrations.bind(engine);
    }

    static StateMachine machine(String definition) { return DefinitionCompiler.compile(DefinitionReader.read(definition)); }

    String start(String definition, String input) { return start(machine(definition), "Main", null, input); }

    String start(StateMachine m, String machineName, String executionName, String input) {
        return engine.start(new StartRequest(m, arn(machineName), executionName, Json.parse(input), false, null));
    }

    String arn(String machineName) { return "arn:aws:states:us-east-1:123456789012:stateMachine:" + machineName; }

    ExecutionView run(String definition, String input) throws Exception { return await(start(definition, input)); }

    ExecutionView await(String arn) throws Exception { return engine.await(arn, Duration.ofSeconds(20)); }

    List<String> types(String arn) { return engine.history(arn).stream().map(HistoryEvent::type).toList(); }

    HistoryEvent event(String arn, String type) {
        return engine.history(arn).stream().filter(e -> e.type().equals(type)).findFirst()
                .orElseThrow(() -> new AssertionError("no " + type + " in " + types(arn)));
    }

    dev.stride.engine.ExecutionStatus describeStatus(String arn) { return engine.describe(arn).status(); }

    JsonNode outputOf(String arn, String type) { return event(arn, type).details().get("output"); }

    static void waitFor(BooleanSupplier condition) throws InterruptedException {
        long end = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > end) throw new AssertionError("condition not met in time");
            Thread.sleep(10);
        }
    }

    @Override
    public void close() {
        engine.close();
        integrations.close();
    }
}
