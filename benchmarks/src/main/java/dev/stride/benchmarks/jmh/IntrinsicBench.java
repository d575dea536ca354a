package dev.stride.benchmarks.jmh;

import com.fasterxml.jackson.databind.JsonNode;
import dev.stride.expr.Json;
import dev.stride.expr.VariableLookup;
import dev.stride.expr.intrinsic.IntrinsicCall;
import dev.stride.expr.intrinsic.IntrinsicRuntime;
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
 * Intrinsic calls on their own ({@link IntrinsicCall#evaluate}): {@code States.Format} with a
 * literal template and three path arguments, {@code States.MathAdd} and {@code States.ArrayLength}.
 *
 * <p>Run: {@code java -jar benchmarks/target/benchmarks.jar IntrinsicBench -f 1 -wi 3 -i 5 -w 1s -r 1s}
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class IntrinsicBench {
    private dev.stride.expr.Scope scope;
    private IntrinsicRuntime runtime;
    private IntrinsicCall format;
    private IntrinsicCall mathAdd;
    private IntrinsicCall arrayLength;

    @Setup
    public void setup() throws Exception {
        JsonNode input = Json.MAPPER.readTree("{\"name\": \"Stride\", \"i\": 41, \"n\": 1000, \"xs\": [1, 2, 3, 4, 5, 6, 7, 8]}");
        scope = new dev.stride.expr.Scope(input, Json.NODES.objectNode(), VariableLookup.NONE);
        runtime = IntrinsicRuntime.of(new SplittableRandom(1));
        format = IntrinsicCall.compile("States.Format('Hello {}, step {} of {}', $.name, $.i, $.n)");
        mathAdd = IntrinsicCall.compile("States.MathAdd($.i, 1)");
        arrayLength = IntrinsicCall.compile("States.ArrayLength($.xs)");
    }

    @Benchmark
    public JsonNode format() { return format.evaluate(scope, runtime, "msg.$"); }

    @Benchmark
    public JsonNode mathAdd() { return mathAdd.evaluate(scope, runtime, "i.$"); }

    @Benchmark
    public JsonNode arrayLength() { return arrayLength.evaluate(scope, runtime, "count.$"); }
}
