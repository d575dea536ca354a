package dev.stride.service.compute;

import dev.stride.service.compute.internal.OutputPump;
import java.io.IOException;
import java.nio.file.Files;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;
import java.io.File;

/**
 * A job's or container's command running as a local process in its own folder. Its exit code
 * completes {@link #exit()} only after both output streams are read to their end and the sink is
 * closed, so a listener told of the exit sees every log line already shipped.
 *
 * <p>{@link #stop} ends the whole process tree (a shell's children too, found through
 * {@link ProcessHandle#descendants}): politely (SIGTERM) first, as Batch and ECS do, then by force
 * after a grace period.
 */
public final class LocalProcess {
    private final Process process;
    private final CompletableFuture<Integer> exit;
    private final Instant startedAt;
    private volatile Runnable beforeStop = () -> {};

    private LocalProcess(Process process, CompletableFuture<Integer> exit) {
        this.process = process;
        this.exit = exit;
        this.startedAt = process.info().startInstant().orElse(Instant.now());
    }

    /**
     * Starts the command; stdout and stderr lines go to the sink, at most {@code outputCap} bytes.
     *
     * @throws IOException when the command cannot be started (no such program): the caller reports it as AWS reports a container that cannot start
     */
    public static LocalProcess start(ProcessSpec spec, OutputSink sink, long outputCap, LongSupplier clock) throws IOException {
        Files.createDirectories(spec.workDir());
        ProcessBuilder b = new ProcessBuilder(spec.command()).directory(spec.workDir().toFile());
        b.environment().clear();
        b.environment().putAll(spec.environment());
        b.redirectInput(ProcessBuilder.Redirect.from(new File(System.getProperty("os.name").startsWith("Windows") ? "NUL" : "/dev/null")));
        Process p = b.start();
        AtomicLong budget = new AtomicLong(outputCap);
        Thread out = OutputPump.start("stride-out-" + spec.id(), p.getInputStream(), sink, budget, clock);
        Thread err = OutputPump.start("stride-err-" + spec.id(), p.getErrorStream(), sink, budget, clock);
        CompletableFuture<Integer> exit = p.onExit().thenApplyAsync(done -> {
            join(out);
            join(err);
            sink.close();
            return done.exitValue();
        }, Thread::startVirtualThread);
        return new LocalProcess(p, exit);
    }

    private static void join(Thread t) {
        try {
            // a grandchild that keeps the pipe open must not hold the job forever
            t.join(2_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The exit code, once the process has ended and its output is shipped. */
    public CompletableFuture<Integer> exit() { return exit; }

    public long pid() { return process.pid(); }

    public Instant startedAt() { return startedAt; }

    /** Ends the process tree: SIGTERM to every member, SIGKILL to what is left after {@code graceMillis}. */
    public void stop(long graceMillis) {
        beforeStop.run();
        stopTree(process.toHandle(), graceMillis);
    }

    /** Something to end first when the run is stopped (the container a runtime's CLI started). */
    void beforeStop(Runnable r) { this.beforeStop = r; }

    /** Ends a process tree by handle (also one left by a server that crashed). */
    public static void stopTree(ProcessHandle root, long graceMillis) {
        List<ProcessHandle> tree = new ArrayList<>(root.descendants().toList());
        tree.add(0, root);
        tree.forEach(ProcessHandle::destroy);
        if (graceMillis <= 0) {
            tree.forEach(ProcessHandle::destroyForcibly);
            return;
        }
        CompletableFuture.delayedExecutor(graceMillis, TimeUnit.MILLISECONDS).execute(() -> {
            for (ProcessHandle h : tree) if (h.isAlive()) h.destroyForcibly();
        });
    }

    /**
     * Kills a process a crashed server left running, if it is still the same process (the
     * pid and the start time both match, so a reused pid is never killed).
     */
    public static void killOrphan(long pid, long startedAtMillis) {
        ProcessHandle.of(pid).ifPresent(h -> {
            long started = h.info().startInstant().map(Instant::toEpochMilli).orElse(-1L);
            if (Math.abs(started - startedAtMillis) < 1_000) stopTree(h, 0);
        });
    }
}
