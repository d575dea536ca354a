package dev.stride.cli.services;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Assumptions;

/**
 * The real {@code aws} command line as a subprocess, pointed at one endpoint: fixed test
 * credentials, no pager, no user config or profile, one attempt per call, JSON output.
 *
 * <p>Design notes. Tests must hold for aws-cli v1 (pip) and v2 (Debian's 2.9 in CI); what differs
 * is handled here, not in each test:
 * <ul>
 *   <li>v2 reads blob arguments (a Binary message attribute) as base64 unless told
 *       {@code --cli-binary-format raw-in-base64-out}, an option v1 refuses; it is added for v2 only.
 *   <li>A reply with nothing to show (ListQueues matching nothing, ListQueueTags of an untagged
 *       queue) prints nothing at all; {@link Result#json()} reads that as an empty object, and
 *       tests read lists with {@code path(...)}, because v2's query protocol also leaves out empty
 *       lists that v1's JSON protocol prints as {@code []}.
 *   <li>A service error exits 255 in v1 and 254 in v2: tests check for non-zero and the error
 *       code in stderr.
 * </ul>
 *
 * <p>Which {@code aws}: {@code $STRIDE_AWS_CLI} if set, else the first on {@code PATH}
 * ({@code scripts/ensure-awscli.sh} installs one in CI). Without one the test class is skipped,
 * unless {@code $CI} or {@code $STRIDE_REQUIRE_AWSCLI} is set: then it fails.
 */
final class AwsCli {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final long TIMEOUT_SECONDS = 60;
    private static final Pattern VERSION = Pattern.compile("aws-cli/(\\d+)\\.(\\d+)\\.(\\d+)");
    private static Installation found;

    /** One {@code aws} binary and the version it reports, e.g. {@code aws-cli/2.9.19 Python/3.11.2 ...}. */
    record Installation(Path binary, String version, int major) {
        @Override
        public String toString() { return binary + " (" + version + ")"; }
    }

    /** What one call printed and how it exited. */
    record Result(List<String> command, int exitCode, String stdout, String stderr) {
        boolean succeeded() { return exitCode == 0; }

        /** stdout as JSON; an empty stdout (the CLI prints nothing for an empty reply) is {}. */
        JsonNode json() {
            return stdout.isBlank() ? JSON.createObjectNode() : readJson(stdout);
        }

        String describe() {
            return String.join(" ", command) + "\nexit " + exitCode + "\nstdout: " + stdout + "\nstderr: " + stderr;
        }
    }

    private final Installation aws;
    private final URI endpoint;
    private final Path dir;
    private final Map<String, String> env;
    /** Numbers each call's output files; shared, since copies with other credentials write to the same folder. */
    private static final AtomicInteger calls = new AtomicInteger();

    private AwsCli(Installation aws, URI endpoint, Path dir) {
        this.aws = aws;
        this.endpoint = endpoint;
        this.dir = dir;
        this.env = environment(dir);
    }

    /**
     * The installed {@code aws}; skips the calling test class when there is none, or fails it when
     * the run requires the CLI ({@code CI} or {@code STRIDE_REQUIRE_AWSCLI} set). Call it before
     * starting a server, so a skip costs nothing.
     */
    static synchronized Installation installed() {
        if (found != null) return found;
        String problem;
        Optional<Path> binary = locate();
        String explicit = System.getenv("STRIDE_AWS_CLI");
        if (binary.isEmpty()) {
            problem = explicit == null || explicit.isBlank() ? "no `aws` on PATH" : "$STRIDE_AWS_CLI (" + explicit + ") is not executable";
        } else {
            problem = null;
            try {
                found = probe(binary.get());
            } catch (IOException | RuntimeException e) {
                problem = binary.get() + " --version did not work: " + e.getMessage();
            }
        }
        if (found != null) return found;
        String message = "aws CLI tests need the aws command line: " + problem
                + " (install it with `apt-get install awscli` or `pip install awscli`, or run scripts/ensure-awscli.sh)";
        if (required()) throw new AssertionError(message + "; required because CI or STRIDE_REQUIRE_AWSCLI is set");
        // A class aborted before its first test shows as "Tests run: 0" in Maven's log: say why there.
        System.err.println("SKIPPED: " + message);
        return Assumptions.abort(message);
    }

    /** A CLI talking to the endpoint, keeping its (empty) config files and outputs in dir. */
    static AwsCli against(Installation aws, URI endpoint, Path dir) {
        try {
            Files.createDirectories(dir);
            Files.writeString(dir.resolve("config"), "");
            Files.writeString(dir.resolve("credentials"), "");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new AwsCli(aws, endpoint, dir);
    }

    /** The same CLI signing with other credentials (a server with access keys configured checks them). */
    AwsCli signingWith(String accessKeyId, String secretAccessKey) {
        AwsCli other = new AwsCli(aws, endpoint, dir);
        other.env.put("AWS_ACCESS_KEY_ID", accessKeyId);
        other.env.put("AWS_SECRET_ACCESS_KEY", secretAccessKey);
        return other;
    }

    /** Runs {@code aws <args>} and asserts it succeeded; its output as JSON ({} when it printed nothing). */
    JsonNode json(String... args) {
        Result r = run(args);
        if (!r.succeeded()) throw new AssertionError("aws call failed:\n" + r.describe());
        return r.json();
    }

    /** Runs {@code aws <args>} and asserts it failed; the result, to check stderr. */
    Result fails(String... args) {
        Result r = run(args);
        if (r.succeeded()) throw new AssertionError("aws call was expected to fail:\n" + r.describe());
        return r;
    }

    /** Runs {@code aws <args>} against the endpoint with JSON output. */
    Result run(String... args) {
        List<String> command = new ArrayList<>(List.of(aws.binary().toString(), "--endpoint-url", endpoint.toString(),
                "--region", "us-east-1", "--output", "json"));
        if (aws.major() >= 2) command.addAll(List.of("--cli-binary-format", "raw-in-base64-out"));
        command.addAll(List.of(args));
        int n = calls.incrementAndGet();
        return exec(command, env, dir.resolve("out-" + n), dir.resolve("err-" + n));
    }

    static JsonNode readJson(String text) {
        try {
            return JSON.readTree(text);
        } catch (IOException e) {
            throw new AssertionError("not JSON: " + text, e);
        }
    }

    private static Result exec(List<String> command, Map<String, String> env, Path out, Path err) {
        ProcessBuilder pb = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile())
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
        pb.environment().clear();
        pb.environment().putAll(env);
        try {
            Process p = pb.start();
            if (!p.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                p.destroyForcibly().waitFor();
                throw new AssertionError("aws did not finish in " + TIMEOUT_SECONDS + " s: " + String.join(" ", command)
                        + "\nstdout: " + Files.readString(out) + "\nstderr: " + Files.readString(err));
            }
            return new Result(command, p.exitValue(), Files.readString(out), Files.readString(err));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted running " + command, e);
        }
    }

    /**
     * This process's environment without any AWS_* setting of the user's (profile, region, endpoint,
     * credentials), plus the test's own: the CLI sees only what the test says.
     */
    private static Map<String, String> environment(Path dir) {
        Map<String, String> env = new HashMap<>(System.getenv());
        env.keySet().removeIf(k -> k.startsWith("AWS_"));
        env.put("AWS_ACCESS_KEY_ID", "test");
        env.put("AWS_SECRET_ACCESS_KEY", "test");
        env.put("AWS_CONFIG_FILE", dir.resolve("config").toString());
        env.put("AWS_SHARED_CREDENTIALS_FILE", dir.resolve("credentials").toString());
        env.put("AWS_PAGER", "");
        env.put("AWS_CLI_AUTO_PROMPT", "off");
        env.put("AWS_EC2_METADATA_DISABLED", "true");
        env.put("AWS_MAX_ATTEMPTS", "1");
        // A proxy for the outside world must not take the calls to the local server.
        for (String k : List.of("NO_PROXY", "no_proxy")) {
            String v = env.get(k);
            env.put(k, (v == null || v.isBlank() ? "" : v + ",") + "localhost,127.0.0.1");
        }
        return env;
    }

    private static Optional<Path> locate() {
        String explicit = System.getenv("STRIDE_AWS_CLI");
        if (explicit != null && !explicit.isBlank()) {
            Path p = Path.of(explicit);
            return Files.isExecutable(p) ? Optional.of(p) : Optional.empty();
        }
        String path = System.getenv("PATH");
        if (path == null) return Optional.empty();
        for (String d : path.split(File.pathSeparator)) {
            if (d.isEmpty()) continue;
            Path p = Path.of(d, "aws");
            if (Files.isRegularFile(p) && Files.isExecutable(p)) return Optional.of(p);
        }
        return Optional.empty();
    }

    private static Installation probe(Path binary) throws IOException {
        Path dir = Files.createTempDirectory("aws-version");
        try {
            Files.writeString(dir.resolve("config"), "");
            Files.writeString(dir.resolve("credentials"), "");
            Result r = exec(List.of(binary.toString(), "--version"), environment(dir), dir.resolve("out"), dir.resolve("err"));
            // v1 on older Pythons printed its version on stderr.
            String text = (r.stdout() + " " + r.stderr()).strip();
            Matcher m = VERSION.matcher(text);
            if (!r.succeeded() || !m.find()) throw new IllegalStateException("exit " + r.exitCode() + ": " + text);
            return new Installation(binary, text.lines().filter(l -> l.contains("aws-cli/")).findFirst().orElse(text),
                    Integer.parseInt(m.group(1)));
        } finally {
            try (var files = Files.list(dir)) {
                for (Path f : files.toList()) Files.deleteIfExists(f);
            }
            Files.deleteIfExists(dir);
        }
    }

    private static boolean required() {
        return isSet(System.getenv("STRIDE_REQUIRE_AWSCLI")) || isSet(System.getenv("CI"));
    }

    private static boolean isSet(String v) {
        return v != null && !v.isBlank() && !v.equalsIgnoreCase("false") && !v.equals("0");
    }
}
