package dev.stride.store.sqlite;

import dev.stride.asl.compile.DefinitionCompiler;
import dev.stride.asl.model.StateMachine;
import dev.stride.asl.read.DefinitionReader;
import dev.stride.engine.Engine;
import dev.stride.engine.StartRequest;
import dev.stride.expr.Json;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Heap held by waiting executions: starts E executions that go into a one-hour Wait on the
 * SQLite store, waits until all are committed and parked (see the engine's parkAfter), and
 * reports heap used after GC per execution and extrapolated to 1,000,000. Run it with
 * {@code -Xmx512m} and E=1000000 to see the target met outright.
 *
 * <pre>
 * java -Xmx3g --enable-native-access=ALL-UNNAMED -cp (as for DurableThroughput) dev.stride.store.sqlite.WaitingMemory 100000
 * </pre>
 */
public final class WaitingMemory {
    static final String DEFINITION = """
        {"StartAt": "Prepare", "States": {
          "Prepare": {"Type": "Pass", "Parameters": {"order.$": "$.order", "stage": "waiting"}, "Next": "Sleep"},
          "Sleep": {"Type": "Wait", "Seconds": 3600, "Next": "Done"},
          "Done": {"Type": "Succeed"}}}
        """;

    public static void main(String[] args) throws Exception {
        int count = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
        StateMachine machine = DefinitionCompiler.compile(DefinitionReader.read(DEFINITION));
        Path dir = Files.createTempDirectory("stride-waiting");
        long before = usedAfterGc();
        try (SqliteStore sqlite = SqliteStore.open(dir, SqliteStoreTest.QUIET)) {
            DurableThroughput.Counting store = new DurableThroughput.Counting(sqlite);
            try (Engine engine = Engine.builder().store(store).build()) {
                long t0 = System.nanoTime();
                for (int i = 0; i < count; i++) {
                    engine.start(new StartRequest(machine, null, "w" + i, Json.parse("{\"order\": " + i + "}"), false, null));
                }
                while (store.changes < count) Thread.sleep(50); // the first run (start to the Wait) of each
                while (engine.inMemory() > 0) Thread.sleep(50); // parked after their commit (an hour away)
                double seconds = (System.nanoTime() - t0) / 1e9;
                long after = usedAfterGc();
                long perExecution = (after - before) / count;
                System.out.printf("%,d executions waiting (committed in %.1f s): heap used after GC %,d MiB (baseline %,d MiB), "
                                + "%,d bytes per waiting execution; 1,000,000 would need ~%,d MiB; store file %,d MiB; in memory: %,d%n",
                        count, seconds, after >> 20, before >> 20, perExecution, perExecution * 1_000_000 >> 20,
                        Files.size(dir.resolve(SqliteStore.DB_FILE)) >> 20, engine.inMemory());
                if (Boolean.getBoolean("hold")) Thread.sleep(60_000); // time for jcmd <pid> GC.class_histogram
            }
        }
    }

    private static long usedAfterGc() throws InterruptedException {
        for (int i = 0; i < 3; i++) {
            System.gc();
            Thread.sleep(200);
        }
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }
}
