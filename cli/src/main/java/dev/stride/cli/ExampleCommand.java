package dev.stride.cli;

import dev.stride.examples.Catalog;
import dev.stride.examples.Example;
import dev.stride.examples.ExampleRun;
import dev.stride.examples.Session;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code stride example --list} and {@code stride example NAME [--keep] [--endpoint URL]}: runs
 * one of the examples under examples/ end to end (examples/README.md). Without {@code --endpoint}
 * it starts a server in this process on a free port over a throwaway data folder, removed at the
 * end (with {@code --keep}, when the process is stopped). Exit 0 when the example did what it
 * promises, 1 when it did not, 2 for a usage error.
 */
@Command(name = "example", description = "Runs an example end to end on local services and shows what it did (--list: the examples).")
final class ExampleCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(index = "0", arity = "0..1", paramLabel = "NAME", description = "The example to run (see --list).")
    String name;

    @Option(names = "--list", description = "Prints each example's name and what it shows.")
    boolean list;

    @Option(names = "--keep", description = "Leaves the server running afterwards, to look around with the aws CLI (Ctrl-C stops it).")
    boolean keep;

    @Option(names = "--endpoint", paramLabel = "URL", description = "Uses this running Stride server instead of starting one.")
    URI endpoint;

    @Option(names = "--reject", description = "approval-messages: the reviewer rejects.")
    boolean reject;

    @Option(names = "--no-answer", description = "approval-messages: nobody answers, the heartbeat runs out.")
    boolean noAnswer;

    @Option(names = "--fail", description = "batch-notify, container-notify: the job (the task) fails, to show the failure path.")
    boolean fail;

    /** The steps of sequential-batch: picocli refuses any other value as a usage error. */
    enum Step { extract, transform, load }

    @Option(names = "--fail-step", paramLabel = "STEP", description = "sequential-batch: this step's job fails (${COMPLETION-CANDIDATES}).")
    Step failStep;

    @Option(names = "--timeout", paramLabel = "SECONDS", description = "Stops the execution after this long (default 60).", defaultValue = "60")
    long timeoutSeconds;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        if (list) {
            for (Example e : Catalog.all()) out.printf("%-20s %s%n", e.name(), e.summary());
            out.flush();
            return 0;
        }
        PrintWriter err = spec.commandLine().getErr();
        if (name == null) {
            err.println("stride: name an example (stride example --list shows them)");
            return 2;
        }
        Optional<Example> found = Catalog.named(name);
        if (found.isEmpty()) {
            err.println("stride: no example named " + name + " (stride example --list shows them)");
            return 2;
        }
        Example example = found.get();
        Set<String> flags = new LinkedHashSet<>();
        if (reject) flags.add("reject");
        if (noAnswer) flags.add("no-answer");
        if (fail) flags.add("fail");
        if (failStep != null) flags.add("fail-step=" + failStep); // a flag with a value: Session.value("fail-step")
        for (String flag : flags) {
            String option = flag.split("=", 2)[0];
            if (!example.flags().containsKey(option)) {
                err.println("stride: the example " + name + " has no --" + option
                        + (example.flags().isEmpty() ? "" : " (it has: --" + String.join(", --", example.flags().keySet()) + ")"));
                return 2;
            }
        }
        if (flags.size() > 1) {
            err.println("stride: choose one of --" + String.join(", --", flags));
            return 2;
        }
        return endpoint != null ? run(example, endpoint, flags, null, out) : runEmbedded(example, flags, out);
    }

    private int runEmbedded(Example example, Set<String> flags, PrintWriter out) throws Exception {
        Path data = Files.createTempDirectory("stride-example-");
        EmbeddedServer server;
        try {
            server = EmbeddedServer.start(data);
        } catch (RuntimeException | IOException e) {
            delete(data);
            throw e;
        }
        out.println("Stride on " + server.endpoint() + " (data in " + data + ", removed afterwards)");
        int code;
        try {
            code = run(example, server.endpoint(), flags, data, out);
        } catch (Exception | Error e) {
            server.close();
            delete(data);
            throw e;
        }
        if (!keep) {
            server.close();
            delete(data);
            return code;
        }
        out.println("Stride keeps running on " + server.endpoint() + "; look around with, e.g.,");
        out.println("  aws stepfunctions --endpoint-url " + server.endpoint() + " list-executions --state-machine-arn "
                + "arn:aws:states:us-east-1:123456789012:stateMachine:example-" + example.name());
        out.println("Ctrl-C stops it and removes " + data);
        out.flush();
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            server.close();
            delete(data);
            stopped.countDown();
        }));
        stopped.await();
        return code;
    }

    private int run(Example example, URI at, Set<String> flags, Path data, PrintWriter out) throws Exception {
        try (Session session = new Session(at, "us-east-1", out, flags, data)) {
            return new ExampleRun(example, session, Duration.ofSeconds(timeoutSeconds)).run() ? 0 : 1;
        } finally {
            out.flush();
        }
    }

    private static void delete(Path dir) {
        try (Stream<Path> all = Files.walk(dir)) {
            all.sorted(Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.deleteIfExists(p);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (IOException | UncheckedIOException e) {
            // a throwaway folder in the temporary directory: left behind at worst
        }
    }
}
