package dev.stride.store.sqlite;

import dev.stride.asl.model.StateMachine;
import dev.stride.engine.Engine;
import dev.stride.engine.StartRequest;
import dev.stride.engine.spi.IdSource;
import java.nio.file.Path;
import java.util.List;

/**
 * The crash test's engine process: opens the store in {@code args[0]}, resumes what it holds,
 * starts those of the {@code args[1]} executions that the store does not know yet, and exits
 * with "DONE" once every one of them is final. The parent kills it with SIGKILL at random moments.
 *
 * <p>Task tokens come from a fresh random IdSource in each process: a seeded source would hand
 * out, after a restart, tokens that recovered executions still wait on.
 */
public final class CrashChild {
    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args[0]);
        int total = Integer.parseInt(args[1]);
        List<StateMachine> machines = CrashWorkload.machines();
        CrashWorkload.Tasks tasks = new CrashWorkload.Tasks();
        SqliteStore store = SqliteStore.open(dir, SqliteStore.Options.defaults());
        Engine engine = Engine.builder().store(store).integration(tasks).ids(IdSource.secure()).workers(2)
                .parkAfter(java.time.Duration.ofMillis(500)).build(); // the 1-3 s waits park: recovery must find them too
        say("OPENED recovered=" + engine.recovered() + " parked=" + store.parkedDueBefore(Long.MAX_VALUE, Integer.MAX_VALUE).size());
        int started = 0;
        for (int k = 0; k < total; k++) {
            if (store.find(CrashWorkload.executionArn(k)) != null) continue;
            engine.start(new StartRequest(machines.get(CrashWorkload.kind(k)), CrashWorkload.stateMachineArn(k),
                    CrashWorkload.name(k), CrashWorkload.input(k), false, null));
            started++;
        }
        say("STARTED " + started);
        while (true) {
            Thread.sleep(200);
            // unfinished() leaves parked executions out: they count as running here.
            if (store.unfinished().isEmpty() && store.parkedDueBefore(Long.MAX_VALUE, 1).isEmpty() && allKnown(store, total)) break;
        }
        engine.close();
        store.close();
        tasks.close();
        say("DONE");
        System.exit(0);
    }

    private static boolean allKnown(SqliteStore store, int total) {
        for (int k = total - 1; k >= 0; k--) if (store.find(CrashWorkload.executionArn(k)) == null) return false;
        return true;
    }

    private static void say(String line) {
        System.out.println(line);
        System.out.flush();
    }
}
