package dev.stride.benchmarks.jmh;

import com.fasterxml.jackson.databind.JsonNode;
import dev.stride.asl.compile.DefinitionCompiler;
import dev.stride.asl.model.StateMachine;
import dev.stride.asl.read.DefinitionReader;
import dev.stride.engine.Engine;
import dev.stride.engine.ExecutionStatus;
import dev.stride.engine.ExecutionView;
import dev.stride.engine.StartRequest;
import dev.stride.expr.Json;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Whole transitions through the engine, history on: {@code onePassExecution} runs a 1-state
 * Pass machine end to end (start, await, forget: the fixed cost of an execution plus one
 * transition); {@code loopTransition} runs the shared loop workload with N = 1000 (2003
 * transitions) and reports the time per transition (JMH divides by
 * {@code @OperationsPerInvocation}).
 *
 * <p>Run: {@code java -jar benchmarks/target/benchmarks.jar TransitionBench -f 1 -wi 3 -i 5 -w 2s -r 2s}
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
public class TransitionBench {
    static final int LOOP_N = 1000;
    static final int LOOP_TRANSITIONS = 2 * LOOP_N + 3;

    private static final String ONE_PASS = """
            {"StartAt": "P", "States": {"P": {"Type": "Pass", "Parameters": {"v.$": "$.v"}, "End": true}}}""";

    private static final String LOOP = """
            {"StartAt": "Init", "States": {
              "Init": {"Type": "Pass", "Parameters": {"n.$": "$.n", "i": 0}, "Next": "Check"},
              "Check": {"Type": "Choice", "Choices": [{"Variable": "$.i", "NumericLessThanPath": "$.n", "Next": "Incr"}], "Default": "Done"},
              "Incr": {"Type": "Pass", "Parameters": {"n.$": "$.n", "i.$": "States.MathAdd($.i, 1)"}, "Next": "Check"},
              "Done": {"Type": "Succeed"}}}""";

    private Engine engine;
    private StateMachine onePass;
    private StateMachine loop;
    private JsonNode onePassInput;
    private JsonNode loopInput;

    @Setup(Level.Trial)
    public void setup() {
        engine = Engine.builder().workers(1).virtualTime(true).build();
        onePass = DefinitionCompiler.compile(DefinitionReader.read(ONE_PASS));
        loop = DefinitionCompiler.compile(DefinitionReader.read(LOOP));
        onePassInput = Json.NODES.objectNode().put("v", 1);
        loopInput = Json.NODES.objectNode().put("n", LOOP_N);
    }

    @TearDown(Level.Trial)
    public void tearDown() { engine.close(); }

    private JsonNode run(StateMachine sm, JsonNode input) throws Exception {
        String arn = engine.start(new StartRequest(sm, null, null, input, false, null));
        ExecutionView v = engine.await(arn, Duration.ofMinutes(1));
        engine.forget(arn);
        if (v.status() != ExecutionStatus.SUCCEEDED) throw new IllegalStateException(v.status() + " " + v.cause());
        return v.output();
    }

    @Benchmark
    public JsonNode onePassExecution() throws Exception { return run(onePass, onePassInput); }

    @Benchmark
    @OperationsPerInvocation(LOOP_TRANSITIONS)
    public JsonNode loopTransition() throws Exception { return run(loop, loopInput); }
}
