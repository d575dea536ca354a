package dev.stride.benchmarks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.stride.asl.compile.DefinitionCompiler;
import dev.stride.asl.model.StateMachine;
import dev.stride.asl.read.DefinitionReader;
import dev.stride.engine.Engine;
import dev.stride.engine.ExecutionStatus;
import dev.stride.engine.ExecutionView;
import dev.stride.engine.StartRequest;
import dev.stride.engine.history.HistoryEvent;
import dev.stride.expr.Json;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.LongUnaryOperator;

/**
 * Macro throughput of the Stride engine over the shared workloads (loop, map, parallel, many;
 * {@code shared/bench/workloads/*.asl.json}) plus JSONata twins of loop and map (classpath
 * {@code workloads/*-jsonata.asl.json}), counted and timed the way the peer harness
 * ({@code shared/bench/peer/throughput.mjs}) does it.
 *
 * <pre>
 * java -cp benchmarks/target/benchmarks.jar dev.stride.benchmarks.Throughput \
 *     [--only loop,map,parallel,many] [--runs 3] [--loop N[,N..]] [--map N] [--parallel N] [--execs E] \
 *     [--no-jsonata] [--no-verify] [--warm] [--workers W] [--jvm "-Xmx4g ..."] [--workloads DIR] [--json FILE]
 * </pre>
 *
 * <p>What is timed, per run: the machine is compiled first (not timed); the timer covers
 * {@code engine.start} until {@code engine.await} returns (for {@code many}: from the first start
 * until the last await; each execution is forgotten after its await). History recording is on
 * (it always is). transitions/s = analytic transitions / wall seconds.
 *
 * <p>By default every run is a fresh JVM (spawned with this JVM's {@code java} and classpath),
 * like the peer's fresh {@code node} process per run: JIT warm-up is part of the figure. With
 * {@code --warm} all runs happen in this JVM after one untimed warm-up run per workload and size.
 *
 * <p>Before measuring, each selected workload runs once at a small size in a child process that
 * counts the {@code *StateEntered} events of the recorded history and checks they equal the
 * analytic count (the shared README's formulas). A wrong output always fails the run.
 */
public final class Throughput {

    /** A workload: its definition, input, analytic transition count and output check. */
    private record Workload(String name, String file, boolean classpath, String sizeName, int verifySize,
                            LongUnaryOperator transitions) {}

    private static final Map<String, Workload> WORKLOADS = new LinkedHashMap<>();

    static {
        add(new Workload("loop", "loop.asl.json", false, "N", 50, n -> 2 * n + 3));
        add(new Workload("loop-jsonata", "loop-jsonata.asl.json", true, "N", 50, n -> 2 * n + 3));
        add(new Workload("map", "map.asl.json", false, "N items", 50, n -> 2 * n + 2));
        add(new Workload("map-jsonata", "map-jsonata.asl.json", true, "N items", 50, n -> 2 * n + 2));
        add(new Workload("parallel", "parallel.asl.json", false, "N iters", 5, n -> 27 * n + 3));
        add(new Workload("many", "chain5.asl.json", false, "E execs", 20, e -> 5 * e));
    }

    private static void add(Workload w) { WORKLOADS.put(w.name(), w); }

    /**
     * Default sizes: the same as scripts/bench-peer.sh gives the peer, each run about 1-5 s on a
     * shared 2-core machine. map-jsonata keeps the small size it had when its cost was quadratic in N.
     */
    private static final Map<String, long[]> DEFAULT_SIZES = new LinkedHashMap<>(Map.of(
            "loop", new long[] {120_000},
            "loop-jsonata", new long[] {60_000},
            "map", new long[] {60_000},
            "map-jsonata", new long[] {5_000},
            "parallel", new long[] {6_000},
            "many", new long[] {60_000}));

    private Throughput() {}

    public static void main(String[] args) throws Exception {
        if (args.length > 0 && args[0].equals("--child")) {
            // --child WORKLOAD SIZE WORKLOAD_DIR WORKERS [verify]
            Result r = runOnce(WORKLOADS.get(args[1]), Long.parseLong(args[2]), Path.of(args[3]),
                    Integer.parseInt(args[4]), args.length > 5 && args[5].equals("verify"));
            System.out.println(r.toJson());
            System.exit(0);
        }
        Options o = Options.parse(args);
        System.out.printf("# stride throughput: java %s (%s), %d cores, mode %s, workers %d, child JVM args %s%n",
                System.getProperty("java.version"), System.getProperty("java.vm.name"),
                Runtime.getRuntime().availableProcessors(), o.warm ? "warm (one JVM, 1 warm-up run each)" : "fresh JVM per run",
                o.workers, o.jvmArgs);
        System.out.println("# workloads: " + o.workloadDir);

        boolean ok = true;
        if (o.verify) {
            for (String w : o.only) {
                Workload wl = WORKLOADS.get(w);
                Result r = child(o, wl, wl.verifySize(), true);
                boolean good = r.entered == r.transitions && r.outputOk;
                System.out.printf("# verify %-12s size %-4d: analytic transitions %d, *StateEntered events %d, output %s -> %s%n",
                        w, wl.verifySize(), r.transitions, r.entered, r.outputOk ? "ok" : "WRONG", good ? "OK" : "MISMATCH");
                ok &= good;
            }
            if (!ok) {
                System.err.println("verification failed");
                System.exit(1);
            }
        }

        List<Object[]> rows = new ArrayList<>();
        StringBuilder json = new StringBuilder("{\"engine\":\"stride\",\"java\":\"" + System.getProperty("java.version")
                + "\",\"mode\":\"" + (o.warm ? "warm" : "fresh") + "\",\"results\":[");
        boolean firstJson = true;
        for (String w : o.only) {
            Workload wl = WORKLOADS.get(w);
            for (long size : o.sizes.get(w)) {
                if (o.warm) runOnce(wl, size, o.workloadDir, o.workers, false); // untimed warm-up
                List<Result> rs = new ArrayList<>();
                for (int i = 0; i < o.runs; i++) {
                    Result r = o.warm ? runOnce(wl, size, o.workloadDir, o.workers, false) : child(o, wl, size, false);
                    if (!r.outputOk) throw new IllegalStateException(w + " size " + size + ": WRONG OUTPUT: " + r.detail);
                    rs.add(r);
                    System.out.printf("#   %-12s %s=%d run %d: %,d transitions, %.3f s, %,.0f transitions/s, heap %d MB%n",
                            w, wl.sizeName(), size, i + 1, r.transitions, r.wallMs / 1000, r.tps(), r.heapMb);
                }
                double[] walls = rs.stream().mapToDouble(r -> r.wallMs / 1000).toArray();
                double[] tps = rs.stream().mapToDouble(Result::tps).toArray();
                rows.add(new Object[] {w, wl.sizeName() + "=" + size, rs.get(0).transitions, median(walls), median(tps), walls,
                        rs.stream().mapToLong(r -> r.heapMb).max().orElse(0)});
                if (!firstJson) json.append(',');
                firstJson = false;
                json.append("{\"workload\":\"").append(w).append("\",\"size\":").append(size)
                        .append(",\"transitions\":").append(rs.get(0).transitions)
                        .append(",\"median_wall_s\":").append(median(walls))
                        .append(",\"median_transitions_per_s\":").append(median(tps))
                        .append(",\"runs\":[");
                for (int i = 0; i < rs.size(); i++) json.append(i == 0 ? "" : ",").append(rs.get(i).toJson());
                json.append("]}");
            }
        }
        json.append("]}");

        System.out.println();
        System.out.printf("%-13s %-16s %12s %16s %17s  %-26s %12s%n", "workload", "size", "transitions", "wall s (median)",
                "trans/s (median)", "wall s per run", "heap MB max");
        for (Object[] r : rows) {
            StringBuilder per = new StringBuilder();
            for (double x : (double[]) r[5]) per.append(per.isEmpty() ? "" : " / ").append(String.format(Locale.ROOT, "%.2f", x));
            System.out.printf(Locale.ROOT, "%-13s %-16s %,12d %16.3f %,17.0f  %-26s %12d%n", r[0], r[1], r[2], r[3], r[4], per, r[6]);
        }
        if (o.jsonOut != null) Files.writeString(Path.of(o.jsonOut), json.toString());
    }

    // ------------------------------------------------------------------ one run

    private static final class Result {
        String workload;
        long size;
        long transitions;
        double wallMs;
        /** CPU time of the thread that started and awaited (diagnostic: unlike wall time, a busy neighbour does not inflate it). */
        double callerCpuMs = -1;
        boolean outputOk;
        long entered = -1;
        long heapMb;
        String detail = "";

        double tps() { return transitions / (wallMs / 1000); }

        String toJson() {
            ObjectNode n = Json.NODES.objectNode();
            n.put("workload", workload).put("size", size).put("transitions", transitions).put("wall_ms", wallMs).put("caller_cpu_ms", callerCpuMs)
                    .put("transitions_per_s", tps()).put("output_ok", outputOk).put("entered_events", entered)
                    .put("heap_mb", heapMb).put("detail", detail);
            return Json.write(n);
        }

        static Result fromJson(String line) throws IOException {
            JsonNode n = Json.MAPPER.readTree(line);
            Result r = new Result();
            r.workload = n.get("workload").asText();
            r.size = n.get("size").asLong();
            r.transitions = n.get("transitions").asLong();
            r.wallMs = n.get("wall_ms").asDouble();
            r.outputOk = n.get("output_ok").asBoolean();
            r.entered = n.get("entered_events").asLong();
            r.heapMb = n.get("heap_mb").asLong();
            r.detail = n.get("detail").asText();
            return r;
        }
    }

    static String definitionText(String workload, Path workloadDir) throws IOException {
        Workload w = WORKLOADS.get(workload);
        if (!w.classpath()) return Files.readString(workloadDir.resolve(w.file()));
        try (InputStream in = Throughput.class.getResourceAsStream("/workloads/" + w.file())) {
            if (in == null) throw new IOException("missing classpath resource /workloads/" + w.file());
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    static JsonNode input(String workload, long size) {
        ObjectNode in = Json.NODES.objectNode();
        if (workload.startsWith("map")) {
            ArrayNode items = in.putArray("items");
            for (int i = 0; i < size; i++) items.addObject().put("id", i);
        } else {
            in.put("n", size);
        }
        return in;
    }

    private static Result runOnce(Workload w, long size, Path workloadDir, int workers, boolean countEntered) throws Exception {
        StateMachine sm = DefinitionCompiler.compile(DefinitionReader.read(definitionText(w.name(), workloadDir)));
        Result r = new Result();
        r.workload = w.name();
        r.size = size;
        r.transitions = w.transitions().applyAsLong(size);
        Duration timeout = Duration.ofMinutes(10);
        try (Engine engine = Engine.builder().workers(workers).virtualTime(true)
                // The peer has no payload or history quota; these sizes pass both (256 KiB, 25,000 events).
                .maxPayloadBytes(Integer.MAX_VALUE).maxHistoryEvents(Integer.MAX_VALUE).build()) {
            if (w.name().equals("many")) {
                int e = Math.toIntExact(size);
                JsonNode[] inputs = new JsonNode[e];
                for (int k = 0; k < e; k++) inputs[k] = Json.NODES.objectNode().put("id", k);
                String[] arns = new String[e];
                JsonNode[] outputs = new JsonNode[e];
                long entered = 0;
                long c0 = CALLER_CPU.getCurrentThreadCpuTime();
                long t0 = System.nanoTime();
                for (int k = 0; k < e; k++) arns[k] = engine.start(new StartRequest(sm, null, null, inputs[k], false, null));
                for (int k = 0; k < e; k++) {
                    ExecutionView v = engine.await(arns[k], timeout);
                    if (v.status() != ExecutionStatus.SUCCEEDED) {
                        r.detail = "execution " + k + " " + v.status() + " " + v.error() + ": " + v.cause();
                        outputs[k] = null;
                    } else {
                        outputs[k] = v.output();
                    }
                    if (countEntered) entered += countEntered(engine.history(arns[k]));
                    engine.forget(arns[k]);
                }
                long t1 = System.nanoTime();
                r.callerCpuMs = (CALLER_CPU.getCurrentThreadCpuTime() - c0) / 1e6;
                r.wallMs = (t1 - t0) / 1e6;
                r.outputOk = r.detail.isEmpty();
                for (int k = 0; k < e && r.outputOk; k++) {
                    JsonNode out = outputs[k];
                    if (!(out.size() == 2 && isLong(out.get("id"), k) && isLong(out.get("steps"), 5))) {
                        r.outputOk = false;
                        r.detail = "execution " + k + " output " + out;
                    }
                }
                if (countEntered) r.entered = entered;
            } else {
                JsonNode in = input(w.name(), size);
                long c0 = CALLER_CPU.getCurrentThreadCpuTime();
                long t0 = System.nanoTime();
                String arn = engine.start(new StartRequest(sm, null, null, in, false, null));
                ExecutionView v = engine.await(arn, timeout);
                long t1 = System.nanoTime();
                r.callerCpuMs = (CALLER_CPU.getCurrentThreadCpuTime() - c0) / 1e6;
                r.wallMs = (t1 - t0) / 1e6;
                if (v.status() != ExecutionStatus.SUCCEEDED) {
                    r.outputOk = false;
                    r.detail = v.status() + " " + v.error() + ": " + v.cause();
                } else {
                    JsonNode out = v.output();
                    r.outputOk = w.name().startsWith("map")
                            ? out.size() == 1 && isLong(out.get("count"), size)
                            : out.size() == 2 && isLong(out.get("n"), size) && isLong(out.get("i"), size);
                    if (!r.outputOk) r.detail = "output " + abbreviate(Json.write(out));
                }
                if (countEntered) r.entered = countEntered(engine.history(arn));
                engine.forget(arn);
            }
            var heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage();
            r.heapMb = heap.getUsed() >> 20;
        }
        return r;
    }

    private static final java.lang.management.ThreadMXBean CALLER_CPU = ManagementFactory.getThreadMXBean();

    private static boolean isLong(JsonNode n, long expected) {
        return n != null && n.isIntegralNumber() && n.asLong() == expected;
    }

    private static String abbreviate(String s) { return s.length() > 300 ? s.substring(0, 300) + "..." : s; }

    private static long countEntered(List<HistoryEvent> history) {
        long n = 0;
        for (HistoryEvent e : history) if (e.type().endsWith("StateEntered")) n++;
        return n;
    }

    private static Result child(Options o, Workload w, long size, boolean verify) throws Exception {
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.addAll(o.jvmArgs);
        cmd.add("-cp");
        cmd.add(System.getProperty("java.class.path"));
        cmd.add(Throughput.class.getName());
        cmd.addAll(List.of("--child", w.name(), Long.toString(size), o.workloadDir.toString(), Integer.toString(o.workers)));
        if (verify) cmd.add("verify");
        Process p = new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.INHERIT).start();
        String last = null;
        try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line; (line = r.readLine()) != null; ) if (!line.isBlank()) last = line;
        }
        int rc = p.waitFor();
        if (rc != 0 || last == null) throw new IllegalStateException("child " + w.name() + " " + size + " failed (rc " + rc + ")");
        return Result.fromJson(last);
    }

    private static double median(double[] xs) {
        double[] s = xs.clone();
        Arrays.sort(s);
        int m = s.length / 2;
        return s.length % 2 == 1 ? s[m] : (s[m - 1] + s[m]) / 2;
    }

    // ------------------------------------------------------------------ options

    private static final class Options {
        int runs = 3;
        List<String> only = new ArrayList<>(List.of("loop", "map", "parallel", "many"));
        boolean jsonata = true;
        boolean verify = true;
        boolean warm;
        int workers = Math.max(1, Runtime.getRuntime().availableProcessors());
        List<String> jvmArgs = defaultJvmArgs();
        Path workloadDir;
        String jsonOut;
        final Map<String, long[]> sizes = new LinkedHashMap<>(DEFAULT_SIZES);

        static Options parse(String[] args) {
            Options o = new Options();
            for (int i = 0; i < args.length; i++) {
                String a = args[i];
                switch (a) {
                    case "--runs" -> o.runs = Integer.parseInt(args[++i]);
                    case "--only" -> { o.only = new ArrayList<>(List.of(args[++i].split(","))); }
                    case "--no-jsonata" -> o.jsonata = false;
                    case "--no-verify" -> o.verify = false;
                    case "--warm" -> o.warm = true;
                    case "--workers" -> o.workers = Integer.parseInt(args[++i]);
                    case "--jvm" -> o.jvmArgs = new ArrayList<>(List.of(args[++i].trim().split("\\s+")));
                    case "--workloads" -> o.workloadDir = Path.of(args[++i]);
                    case "--json" -> o.jsonOut = args[++i];
                    case "--loop" -> o.sizes.put("loop", sizes(args[++i]));
                    case "--loop-jsonata" -> o.sizes.put("loop-jsonata", sizes(args[++i]));
                    case "--map" -> o.sizes.put("map", sizes(args[++i]));
                    case "--map-jsonata" -> o.sizes.put("map-jsonata", sizes(args[++i]));
                    case "--parallel" -> o.sizes.put("parallel", sizes(args[++i]));
                    case "--execs" -> o.sizes.put("many", sizes(args[++i]));
                    default -> usage("unknown argument " + a);
                }
            }
            for (String w : o.only) if (!WORKLOADS.containsKey(w)) usage("unknown workload " + w);
            // The JSONata twins (loop-jsonata, map-jsonata) run next to their JSONPath workload
            // unless --no-jsonata; they can also be named in --only.
            List<String> expanded = new ArrayList<>();
            for (String w : WORKLOADS.keySet()) {
                boolean twinOfSelected = w.endsWith("-jsonata") && o.only.contains(w.substring(0, w.indexOf('-')));
                if (o.only.contains(w) || (o.jsonata && twinOfSelected)) expanded.add(w);
            }
            o.only = expanded;
            if (o.workloadDir == null) o.workloadDir = findWorkloads();
            return o;
        }

        /** A fixed heap plus the launcher's options: ParallelGC and scripts/jit.options when found. */
        private static List<String> defaultJvmArgs() {
            List<String> args = new ArrayList<>(List.of("-Xms2g", "-Xmx6g", "-XX:+UseParallelGC"));
            for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
                Path options = p.resolve("scripts/jit.options");
                if (Files.isRegularFile(options)) {
                    args.add("@" + options);
                    break;
                }
            }
            return args;
        }

        private static long[] sizes(String s) { return Arrays.stream(s.split(",")).mapToLong(Long::parseLong).toArray(); }

        private static void usage(String msg) {
            System.err.println(msg);
            System.err.println("usage: Throughput [--only loop,map,parallel,many,loop-jsonata,map-jsonata] [--runs 3] "
                    + "[--loop N,..] [--map N] [--parallel N] [--execs E] [--loop-jsonata N] [--map-jsonata N] "
                    + "[--no-jsonata] [--no-verify] [--warm] [--workers W] [--jvm \"ARGS\"] [--workloads DIR] [--json FILE]");
            System.exit(2);
        }

        /** -Dstride.shared, $STRIDE_SHARED, or a shared/ folder next to (or above) the working directory. */
        private static Path findWorkloads() {
            List<Path> candidates = new ArrayList<>();
            String prop = System.getProperty("stride.shared");
            if (prop != null) candidates.add(Path.of(prop, "bench", "workloads"));
            String env = System.getenv("STRIDE_SHARED");
            if (env != null) candidates.add(Path.of(env, "bench", "workloads"));
            for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
                candidates.add(p.resolve("shared/bench/workloads"));
                candidates.add(p.resolve("bench/workloads"));
            }
            for (Path c : candidates) if (Files.isRegularFile(c.resolve("loop.asl.json"))) return c.normalize();
            usage("cannot find the shared workloads (loop.asl.json); pass --workloads DIR or -Dstride.shared=DIR");
            return null;
        }
    }
}
