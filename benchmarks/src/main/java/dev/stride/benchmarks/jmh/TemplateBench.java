package dev.stride.benchmarks.jmh;

import com.fasterxml.jackson.databind.JsonNode;
import dev.stride.expr.Json;
import dev.stride.expr.VariableLookup;
import dev.stride.expr.intrinsic.IntrinsicRuntime;
import dev.stride.expr.template.PayloadTemplate;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Payload templates ({@link PayloadTemplate#evaluate}): the loop workload's {@code Incr}
 * Parameters (a path and an intrinsic call, {@code States.MathAdd}), the parallel workload's
 * branch Parameters (a constant and a path), and {@code States.Format} with two arguments.
 *
 * <p>Run: {@code java -jar benchmarks/target/benchmarks.jar TemplateBench -f 1 -wi 3 -i 5 -w 1s -r 1s}
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class TemplateBench {
    private dev.stride.expr.Scope scope;
    private IntrinsicRuntime runtime;
    private PayloadTemplate mathAdd;
    private PayloadTemplate pathOnly;
    private PayloadTemplate format;

    @Setup
    public void setup() throws Exception {
        JsonNode input = Json.MAPPER.readTree("{\"n\": 1000000, \"i\": 41, \"name\": \"Stride\"}");
        scope = new dev.stride.expr.Scope(input, Json.NODES.objectNode(), VariableLookup.NONE);
        runtime = IntrinsicRuntime.of(new SplittableRandom(1));
        mathAdd = PayloadTemplate.compile(Json.MAPPER.readTree("{\"n.$\": \"$.n\", \"i.$\": \"States.MathAdd($.i, 1)\"}"));
        pathOnly = PayloadTemplate.compile(Json.MAPPER.readTree("{\"branch\": 3, \"i.$\": \"$.i\"}"));
        format = PayloadTemplate.compile(Json.MAPPER.readTree("{\"msg.$\": \"States.Format('Hello {}, step {} of {}', $.name, $.i, $.n)\"}"));
    }

    /** {@code {"n.$": "$.n", "i.$": "States.MathAdd($.i, 1)"}} */
    @Benchmark
    public JsonNode mathAdd() { return mathAdd.evaluate(scope, runtime); }

    /** {@code {"branch": 3, "i.$": "$.i"}} */
    @Benchmark
    public JsonNode pathOnly() { return pathOnly.evaluate(scope, runtime); }

    /** {@code {"msg.$": "States.Format('Hello {}, step {} of {}', $.name, $.i, $.n)"}} */
    @Benchmark
    public JsonNode format() { return format.evaluate(scope, runtime); }
}
