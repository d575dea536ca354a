package dev.stride.service.compute;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

/**
 * Runs a definition's image with Docker or Podman instead of as a bare process, when the server
 * is asked to ({@code STRIDE_CONTAINER_RUNTIME=docker}) and the engine answers. The container
 * shares the host's network (so {@code AWS_ENDPOINT_URL=http://localhost:...} still reaches
 * Stride), works in the run's folder mounted at {@code /work}, and gets the run's own variables
 * (the server's environment stays outside). Stopping a run also kills its container, since
 * killing the CLI alone would leave it running.
 */
public final class ContainerRuntime {
    private static final System.Logger LOG = System.getLogger(ContainerRuntime.class.getName());
    private final String program;

    ContainerRuntime(String program) { this.program = program; }

    /** The runtime when {@code program version} answers within a few seconds, else null (runs stay processes). */
    public static ContainerRuntime detect(String program) {
        try {
            Process p = new ProcessBuilder(program, "version").redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            if (p.waitFor(5, TimeUnit.SECONDS) && p.exitValue() == 0) return new ContainerRuntime(program);
            p.destroyForcibly();
        } catch (IOException e) {
            // no such program
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        LOG.log(System.Logger.Level.WARNING, program + " does not answer: jobs and containers run as local processes");
        return null;
    }

    public String program() { return program; }

    /** The CLI command that runs the spec in a container named after the run. */
    public List<String> command(ProcessSpec spec) {
        List<String> argv = new ArrayList<>(List.of(program, "run", "--rm", "--init", "--name", containerName(spec), "--network", "host",
                "-v", spec.workDir().toAbsolutePath() + ":/work", "-w", "/work"));
        Map<String, String> host = System.getenv();
        spec.environment().forEach((k, v) -> {
            // only the run's own variables: the server's PATH, HOME, ... mean nothing inside the image
            if (k.startsWith("AWS_") || !v.equals(host.get(k))) argv.addAll(List.of("-e", k));
        });
        argv.add(spec.image());
        argv.addAll(spec.command());
        return argv;
    }

    static String containerName(ProcessSpec spec) { return "stride-" + spec.id().replaceAll("[^A-Za-z0-9_.-]", "-"); }

    LocalProcess start(ProcessSpec spec, OutputSink sink, long outputCap, LongSupplier clock) throws IOException {
        ProcessSpec cli = new ProcessSpec(spec.id(), command(spec), spec.environment(), spec.workDir(), spec.image());
        LocalProcess p = LocalProcess.start(cli, sink, outputCap, clock);
        String name = containerName(spec);
        p.beforeStop(() -> {
            try {
                new ProcessBuilder(program, "kill", name).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            } catch (IOException e) {
                LOG.log(System.Logger.Level.WARNING, "cannot kill container " + name, e);
            }
        });
        return p;
    }
}
