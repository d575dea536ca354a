package dev.stride.examples;

import java.util.Map;

/**
 * One runnable example: what {@code stride example NAME} creates, deploys, runs and checks. An
 * example is a folder under {@code examples/} holding its definition (written as AWS's sample
 * project writes it, with {@code ${Name}} where a resource goes), the files it needs, and a class
 * implementing this; {@link Catalog} lists the classes. {@link ExampleRun} does the rest: the state
 * machine, the execution, the trace and the final line.
 */
public interface Example {
    /** The name on the command line, also the folder's name. */
    String name();

    /** One sentence for {@code stride example --list}. */
    String summary();

    /** The definition's classpath resource, e.g. {@code examples/table-to-fifo/statemachine.asl.json}. */
    String definition();

    /** The flags this example understands besides {@code --keep} and {@code --endpoint}, each with what it does. */
    default Map<String, String> flags() { return Map.of(); }

    /** Creates the resources through the AWS APIs and says what it made; returns the input and the definition's substitutions. */
    Plan prepare(Session session) throws Exception;

    /**
     * Runs beside the execution on its own thread, from the start until the execution ends: a
     * person answering, a consumer reading. Returns when it has done its part.
     */
    default void alongside(Session session, Running running) throws Exception {}

    /** Shows where the effects can be seen and checks them the way a user would: messages received, a table empty. */
    void check(Session session, Outcome outcome, Checks checks) throws Exception;
}
