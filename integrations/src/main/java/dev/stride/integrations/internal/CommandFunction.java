package dev.stride.integrations.internal;

import com.fasterxml.jackson.databind.JsonNode;
import dev.stride.expr.Json;
import dev.stride.integrations.FunctionError;
import dev.stride.integrations.FunctionSpec;
import dev.stride.integrations.LocalFunction;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;

/**
 * Runs a process per invocation: event JSON on stdin, result JSON on stdout, stderr kept for the
 * error message. An interrupt (the task was stopped or timed out) kills the process tree.
 */
public final class CommandFunction implements LocalFunction {
    private static final int STDERR_TAIL = 2000;
    private final FunctionSpec.Command spec;

    public CommandFunction(FunctionSpec.Command spec) { this.spec = spec; }

    @Override
    public JsonNode invoke(JsonNode event, Context ctx) throws Exception {
        ProcessBuilder pb = new ProcessBuilder(spec.argv());
        if (spec.directory() != null) pb.directory(spec.directory().toFile());
        var env = pb.environment();
        env.putAll(spec.env());
        env.put("AWS_LAMBDA_FUNCTION_NAME", ctx.functionName());
        env.put("AWS_LAMBDA_FUNCTION_VERSION", ctx.qualifier() == null ? "$LATEST" : ctx.qualifier());
        env.put("AWS_REQUEST_ID", ctx.requestId());
        if (ctx.executionArn() != null) env.put("STRIDE_EXECUTION_ARN", ctx.executionArn());
        Process p;
        try {
            p = pb.start();
        } catch (IOException e) {
            throw new ServiceFailure("Lambda.ServiceException", "Stride could not start the local function '" + ctx.functionName()
                    + "' (" + String.join(" ", spec.argv()) + "): " + e.getMessage());
        }
        try {
            CompletableFuture<byte[]> out = drain(p.getInputStream(), Integer.MAX_VALUE);
            CompletableFuture<byte[]> err = drain(p.getErrorStream(), 64 * 1024);
            try (OutputStream in = p.getOutputStream()) {
                in.write(Json.write(event).getBytes(StandardCharsets.UTF_8));
            } catch (IOException ignored) {
                // the program need not read its input
            }
            int exit = p.waitFor();
            String stdout = new String(out.get(), StandardCharsets.UTF_8).strip();
            String stderr = new String(err.get(), StandardCharsets.UTF_8).strip();
            JsonNode result = parse(stdout);
            ReportedFunctionError reported = ReportedFunctionError.fromResult(result);
            if (reported != null) throw reported;
            if (exit != 0) {
                String tail = stderr.length() > STDERR_TAIL ? "..." + stderr.substring(stderr.length() - STDERR_TAIL) : stderr;
                throw new FunctionError("Runtime.ExitError", "RequestId: " + ctx.requestId()
                        + " Error: Runtime exited with error: exit status " + exit + (tail.isEmpty() ? "" : "\n" + tail));
            }
            if (result == null && !stdout.isEmpty()) {
                throw new FunctionError("Runtime.MarshalError", "Unable to marshal response: the output of '"
                        + String.join(" ", spec.argv()) + "' is not JSON: " + abbreviate(stdout));
            }
            return result == null ? Json.NODES.nullNode() : result;
        } finally {
            if (p.isAlive()) {
                // the parent first, so a shell cannot run its next command when its child dies
                var children = p.descendants().toList();
                p.destroyForcibly();
                children.forEach(ProcessHandle::destroyForcibly);
            }
        }
    }

    /** The whole output as JSON, else its last line (programs may log to stdout before the result). */
    private static JsonNode parse(String stdout) {
        if (stdout.isEmpty()) return null;
        try {
            return Json.MAPPER.readTree(stdout);
        } catch (IOException e) {
            String last = stdout.substring(stdout.lastIndexOf('\n') + 1).strip();
            try {
                return last.equals(stdout) ? null : Json.MAPPER.readTree(last);
            } catch (IOException e2) {
                return null;
            }
        }
    }

    private static CompletableFuture<byte[]> drain(InputStream s, int limit) {
        CompletableFuture<byte[]> f = new CompletableFuture<>();
        Thread.ofVirtual().start(() -> {
            ByteArrayOutputStream buf = new ByteArrayOutputStream();
            byte[] chunk = new byte[8192];
            try (s) {
                int n;
                while ((n = s.read(chunk)) > 0) {
                    if (buf.size() < limit) buf.write(chunk, 0, Math.min(n, limit - buf.size()));
                }
            } catch (IOException ignored) {
                // the process was killed
            }
            f.complete(buf.toByteArray());
        });
        return f;
    }

    private static String abbreviate(String s) { return s.length() > 300 ? s.substring(0, 300) + "..." : s; }
}
