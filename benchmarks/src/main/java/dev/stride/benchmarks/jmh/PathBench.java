package dev.stride.benchmarks.jmh;

import com.fasterxml.jackson.databind.JsonNode;
import dev.stride.expr.Json;
import dev.stride.expr.VariableLookup;
import dev.stride.expr.path.JsonPath;
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
 * JSONPath reads ({@link JsonPath#read(dev.stride.expr.Scope)}) of compiled paths: a one-key
 * path ({@code $.n}), a deep path ({@code $.a.b.c.d.e}), an array index inside it
 * ({@code $.items[3].id}) and a context path ({@code $$.Execution.Name}).
 *
 * <p>Run: {@code java -jar benchmarks/target/benchmarks.jar PathBench -f 1 -wi 3 -i 5 -w 1s -r 1s}
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class PathBench {
    private dev.stride.expr.Scope scope;
    private JsonPath simple;
    private JsonPath deep;
    private JsonPath indexed;
    private JsonPath context;

    @Setup
    public void setup() throws Exception {
        JsonNode input = Json.MAPPER.readTree("""
                {"n": 42, "i": 7, "a": {"b": {"c": {"d": {"e": "deep", "f": 1}}, "x": [1, 2]}},
                 "items": [{"id": 0}, {"id": 1}, {"id": 2}, {"id": 3}, {"id": 4}]}""");
        JsonNode ctx = Json.MAPPER.readTree("""
                {"Execution": {"Id": "arn:aws:states:us-east-1:123456789012:execution:Stride:x", "Name": "x"},
                 "State": {"Name": "S", "RetryCount": 0}}""");
        scope = new dev.stride.expr.Scope(input, ctx, VariableLookup.NONE);
        simple = JsonPath.compile("$.n");
        deep = JsonPath.compile("$.a.b.c.d.e");
        indexed = JsonPath.compile("$.items[3].id");
        context = JsonPath.compile("$$.Execution.Name");
    }

    @Benchmark
    public JsonNode simple() { return simple.read(scope); }

    @Benchmark
    public JsonNode deep() { return deep.read(scope); }

    @Benchmark
    public JsonNode indexed() { return indexed.read(scope); }

    @Benchmark
    public JsonNode contextPath() { return context.read(scope); }
}
