package dev.stride.benchmarks.jmh;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.stride.expr.Json;
import dev.stride.expr.VariableLookup;
import dev.stride.expr.jsonata.EvaluationBudget;
import dev.stride.expr.jsonata.JsonataExpression;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * JSONata expressions ({@link JsonataExpression#evaluate}) against a {@code $states} binding
 * shaped like the engine's (input + context, the context holding Execution.Input):
 * {@code $states.input.a + 1}, a variable comparison ({@code $i < $n}, the loop-jsonata
 * Condition), and the same {@code $states.input.a + 1} when Execution.Input is large
 * ({@code contextItems} items), which shows the cost of converting the whole binding per call.
 *
 * <p>Run: {@code java -jar benchmarks/target/benchmarks.jar JsonataBench -f 1 -wi 3 -i 5 -w 1s -r 1s}
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class JsonataBench {
    /** Size of $states.context.Execution.Input.items (0 = a small input). */
    @Param({"0", "1000"})
    public int contextItems;

    private JsonNode states;
    private JsonataExpression add;
    private JsonataExpression compare;
    private VariableLookup vars;

    @Setup
    public void setup() {
        ObjectNode input = Json.NODES.objectNode().put("a", 41);
        ObjectNode execInput = Json.NODES.objectNode();
        ArrayNode items = execInput.putArray("items");
        for (int i = 0; i < contextItems; i++) items.addObject().put("id", i);
        ObjectNode s = Json.NODES.objectNode();
        s.set("input", input);
        ObjectNode ctx = s.putObject("context");
        ObjectNode exec = ctx.putObject("Execution");
        exec.put("Id", "arn:aws:states:us-east-1:123456789012:execution:Stride:x");
        exec.set("Input", execInput);
        exec.put("StartTime", "2026-01-01T00:00:00.000Z");
        ctx.putObject("State").put("Name", "S").put("EnteredTime", "2026-01-01T00:00:00.000Z").put("RetryCount", 0);
        states = s;
        add = JsonataExpression.compile("$states.input.a + 1");
        compare = JsonataExpression.compile("$i < $n");
        Map<String, JsonNode> v = Map.of("i", Json.NODES.numberNode(7), "n", Json.NODES.numberNode(1000));
        vars = v::get;
    }

    @Benchmark
    public JsonNode inputPlusOne() { return add.evaluate(states, VariableLookup.NONE, EvaluationBudget.DEFAULT); }

    @Benchmark
    public JsonNode variableCompare() { return compare.evaluate(states, vars, EvaluationBudget.DEFAULT); }
}
