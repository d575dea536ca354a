package dev.stride.integrations;

import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** How a local Lambda function configured in stride.yaml is run. */
public sealed interface FunctionSpec {
    /**
     * POSTs the event as JSON to {@code url} and takes the response body as the result; works with
     * the Lambda Runtime Interface Emulator ({@code .../2015-03-31/functions/function/invocations}).
     */
    record Http(URI url) implements FunctionSpec {}

    /**
     * Runs {@code argv} once per invocation with the event as JSON on stdin; stdout is the JSON
     * result. A non-zero exit, or a result {@code {"errorType", "errorMessage"}}, is a function error.
     */
    record Command(List<String> argv, Map<String, String> env, Path directory) implements FunctionSpec {
        public Command {
            if (argv == null || argv.isEmpty()) throw new IllegalArgumentException("a command function needs at least one argument");
            argv = List.copyOf(argv);
            env = env == null ? Map.of() : Map.copyOf(env);
        }
    }

    /** Instantiates a {@link LocalFunction} by class name (public no-argument constructor). */
    record JavaClass(String className) implements FunctionSpec {}
}
