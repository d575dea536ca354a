package dev.stride.examples;

import dev.stride.examples.approval.ApprovalMessages;
import dev.stride.examples.batchnotify.BatchNotify;
import dev.stride.examples.containernotify.ContainerNotify;
import dev.stride.examples.hello.Hello;
import dev.stride.examples.mediatranscode.MediaTranscode;
import dev.stride.examples.sequentialbatch.SequentialBatch;
import dev.stride.examples.tabletofifo.TableToFifo;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The examples, in the order {@code stride example --list} shows them ({@code hello} first). A new
 * example is its folder, its class, and one line here. An instance serves one run.
 */
public final class Catalog {
    /** Factories: each run gets its own instance, which may keep what it created for its checks. */
    private static final List<Supplier<Example>> ALL = List.of(
            Hello::new,
            TableToFifo::new,
            ApprovalMessages::new,
            BatchNotify::new,
            ContainerNotify::new,
            SequentialBatch::new,
            MediaTranscode::new);

    private Catalog() {}

    /** A fresh instance of each example. */
    public static List<Example> all() { return ALL.stream().map(Supplier::get).toList(); }

    /** A fresh instance of the example of that name. */
    public static Optional<Example> named(String name) {
        return all().stream().filter(e -> e.name().equals(name)).findFirst();
    }
}
