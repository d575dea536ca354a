package dev.stride.store.sqlite;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stride.asl.model.StateMachine;
import dev.stride.engine.Engine;
import dev.stride.engine.ExecutionView;
import dev.stride.engine.StartRequest;
import dev.stride.engine.history.HistoryEvent;
import dev.stride.engine.spi.IdSource;
import dev.stride.engine.spi.StoredExecution;
import dev.stride.store.sqlite.HistoryComparer.Outcome;
import java.io.BufferedReader;
import java.io.File;
import java.io.InputStreamReader;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Crash safety of durable executions: an engine process on a SQLite store is killed with SIGKILL
 * at random moments, restarted each time, then left to finish. Every execution must end with the
 * same status, output and history (timestamps aside) as in an uninterrupted in-memory run, with
 * none missing and event ids 1..n without gaps or duplicates.
 *
 * <p>Reproduce a run with {@code -Dcrash.seed=<seed printed by the test>}.
 */
class CrashRecoveryTest {
    static final int EXECUTIONS = 600;
    static final int KILLS = 6;

    @TempDir Path dir;

    @Test
    void executionsKilledWithSigkillAtRandomMomentsEndExactlyLikeAnUninterruptedRun() throws Exception {
        long seed = Long.getLong("crash.seed", System.nanoTime());
        Random random = new Random(seed);
        System.out.println("[crash] seed " + seed + ", " + EXECUTIONS + " executions, " + KILLS + " kills");
        CompletableFuture<Map<String, Outcome>> reference = CompletableFuture.supplyAsync(CrashRecoveryTest::referenceRun);
        Path data = dir.resolve("data");
        File log = dir.resolve("child.log").toFile();

        int liveKills = 0;
        int recovered = 0;
        for (int attempt = 0; liveKills < KILLS && attempt < 3 * KILLS; attempt++) {
            Child child = Child.start(data, log);
            long delay;
            if (attempt % 2 == 0) {
                assertThat(child.opened.await(60, TimeUnit.SECONDS)).as("child opened the store").isTrue();
                delay = random.nextInt(1000); // while it starts or runs executions
            } else {
                delay = 500 + random.nextInt(2000); // from spawn: JVM start, recovery or running
            }
            Thread.sleep(delay);
            boolean live = child.process.isAlive() && !child.lines.contains("DONE");
            child.process.destroyForcibly();
            child.process.waitFor(30, TimeUnit.SECONDS);
            if (live) liveKills++;
            recovered += child.recovered();
            System.out.println("[crash] kill " + (attempt + 1) + (attempt % 2 == 0 ? " " + delay + " ms after opening" : " " + delay + " ms after spawn")
                    + (live ? "" : " (child had already finished)") + ": " + child.lines);
        }
        assertThat(liveKills).as("kills that hit a running engine").isGreaterThanOrEqualTo(KILLS);

        Child last = Child.start(data, log);
        assertThat(last.process.waitFor(150, TimeUnit.SECONDS)).as("final run finishes").isTrue();
        recovered += last.recovered();
        System.out.println("[crash] final run: " + last.lines);
        assertThat(last.process.exitValue()).isZero();
        assertThat(last.lines).contains("DONE");
        assertThat(recovered).as("executions resumed after kills").isPositive();

        Map<String, Outcome> actual = new LinkedHashMap<>();
        List<List<HistoryEvent>> histories = new ArrayList<>();
        try (SqliteStore store = SqliteStore.open(data, SqliteStoreTest.QUIET)) {
            for (String arn : allArns(data)) {
                StoredExecution s = store.find(arn);
                List<HistoryEvent> h = store.history(arn);
                histories.add(h);
                actual.put(s.name(), HistoryComparer.outcome(s.status().name(), s.error(), s.cause(), s.outputJson(), h));
            }
        }
        Map<String, Outcome> expected = reference.get(120, TimeUnit.SECONDS);
        HistoryComparer comparer = new HistoryComparer().compare(expected, actual, histories);
        System.out.println("[crash] " + recovered + " executions resumed over " + liveKills + " kills; " + comparer.summary(10));
        assertThat(comparer.differences().size()).as(comparer.summary(10)).isZero();
        assertThat(actual).hasSize(EXECUTIONS);

        selfCheck(expected, actual, histories);
    }

    /** The comparer must see an altered event, a missing execution and a gap in ids on this very data. */
    private static void selfCheck(Map<String, Outcome> expected, Map<String, Outcome> actual, List<List<HistoryEvent>> histories) {
        String name = actual.keySet().iterator().next();
        Outcome o = actual.get(name);
        List<String> altered = new ArrayList<>(o.events());
        altered.set(2, altered.get(2).replace("\"k\":", "\"K\":"));
        Map<String, Outcome> tampered = new LinkedHashMap<>(actual);
        tampered.put(name, new Outcome(o.status(), o.error(), o.cause(), o.output(), altered));
        tampered.remove(actual.keySet().stream().skip(1).findFirst().orElseThrow());
        List<HistoryEvent> gap = new ArrayList<>(histories.get(0));
        gap.remove(3);
        HistoryComparer c = new HistoryComparer().compare(expected, tampered, List.of(gap));
        System.out.println("[crash] self-check on deliberately altered data: " + c.summary(3));
        assertThat(c.differences()).hasSize(3)
                .anyMatch(d -> d.startsWith(name + ": event #3"))
                .anyMatch(d -> d.endsWith(": missing"))
                .anyMatch(d -> d.startsWith("event ids not 1..n"));
    }

    @Test
    void theComparerReportsDifferencesInStatusOutputAndExtraExecutions() {
        Outcome ok = new Outcome("SUCCEEDED", null, null, "{\"a\":1}", List.of("1 prev=0 ExecutionStarted x {}"));
        Map<String, Outcome> expected = Map.of("e1", ok, "e2", ok);
        Map<String, Outcome> actual = Map.of("e1", new Outcome("FAILED", "E", null, null, ok.events()), "e2", ok, "e3", ok);
        HistoryComparer c = new HistoryComparer().compare(expected, actual, List.of());
        assertThat(c.differences()).containsExactlyInAnyOrder("e1: status FAILED, expected SUCCEEDED", "e1: error E, expected null",
                "e1: output null, expected {\"a\":1}", "e3: not expected");
    }

    private static List<String> allArns(Path data) throws Exception {
        List<String> arns = new ArrayList<>();
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + data.resolve(SqliteStore.DB_FILE));
             Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT arn FROM executions ORDER BY arn")) {
            while (rs.next()) arns.add(rs.getString(1));
        }
        return arns;
    }

    /** The same executions, uninterrupted, on an in-memory engine. */
    private static Map<String, Outcome> referenceRun() {
        List<StateMachine> machines = CrashWorkload.machines();
        try (CrashWorkload.Tasks tasks = new CrashWorkload.Tasks();
             Engine engine = Engine.builder().integration(tasks).ids(IdSource.seeded(1)).workers(2).build()) {
            List<String> arns = new ArrayList<>();
            for (int k = 0; k < EXECUTIONS; k++) {
                arns.add(engine.start(new StartRequest(machines.get(CrashWorkload.kind(k)), CrashWorkload.stateMachineArn(k),
                        CrashWorkload.name(k), CrashWorkload.input(k), false, null)));
            }
            Map<String, Outcome> out = new LinkedHashMap<>();
            for (String arn : arns) {
                ExecutionView v = engine.await(arn, Duration.ofSeconds(120));
                out.put(v.name(), HistoryComparer.outcome(v.status().name(), v.error(), v.cause(),
                        v.output() == null ? null : dev.stride.expr.Json.write(v.output()), engine.history(arn)));
            }
            return out;
        } catch (Exception e) {
            throw new IllegalStateException("reference run failed: " + e, e);
        }
    }

    /** A CrashChild process, its stdout lines collected as they come. */
    private record Child(Process process, List<String> lines, CountDownLatch opened) {
        static Child start(Path data, File log) throws Exception {
            Process p = ChildJvm.builder(CrashChild.class, List.of("-Xmx256m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1"),
                            data.toString(), String.valueOf(EXECUTIONS))
                    .redirectError(ProcessBuilder.Redirect.appendTo(log)).start();
            Child c = new Child(p, new CopyOnWriteArrayList<>(), new CountDownLatch(1));
            Thread reader = new Thread(() -> {
                try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream()))) {
                    for (String line; (line = r.readLine()) != null; ) {
                        c.lines.add(line);
                        if (line.startsWith("OPENED")) c.opened.countDown();
                    }
                } catch (Exception ignored) {
                    // the process was killed
                }
            }, "crash-child-stdout");
            reader.setDaemon(true);
            reader.start();
            return c;
        }

        int recovered() {
            // "OPENED recovered=N parked=M": resumed at once, plus parked ones the waker resumes when due.
            for (String l : lines) {
                if (!l.startsWith("OPENED recovered=")) continue;
                String[] parts = l.substring("OPENED ".length()).split(" ");
                int n = 0;
                for (String p : parts) n += Integer.parseInt(p.substring(p.indexOf('=') + 1));
                return n;
            }
            return 0;
        }
    }
}
