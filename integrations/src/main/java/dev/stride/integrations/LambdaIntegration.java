package dev.stride.integrations;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.stride.engine.spi.TaskCompletion;
import dev.stride.engine.spi.TaskIntegration;
import dev.stride.engine.spi.TaskInvocation;
import dev.stride.expr.Json;
import dev.stride.integrations.internal.FunctionRef;
import dev.stride.integrations.internal.ReportedFunctionError;
import dev.stride.integrations.internal.SdkMetadata;
import dev.stride.integrations.internal.ServiceFailure;
import dev.stride.integrations.internal.TaskRuns;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * Lambda for Task states, run locally: {@code arn:aws:states:::lambda:invoke} (and
 * {@code .waitForTaskToken}) with AWS's output shape {@code {ExecutedVersion, Payload, SdkHttpMetadata,
 * SdkResponseMetadata, StatusCode}}, and function ARNs as Resource (output: the raw payload).
 * Functions are found by name (region and account are ignored), then by {@code name:qualifier}.
 * A function error fails the Task with the function's errorType as error name and Lambda's error
 * JSON as cause; a function that is not configured fails with {@code Lambda.ResourceNotFoundException}.
 */
public final class LambdaIntegration implements TaskIntegration, AutoCloseable {
    private static final String INVOKE = ":states:::lambda:invoke";
    private static final System.Logger LOG = System.getLogger(LambdaIntegration.class.getName());
    private final Map<String, LocalFunction> functions;
    private final String region;
    private final String account;
    private final TaskRuns runs = new TaskRuns();

    /** @param functions by name, {@code name:qualifier} or function ARN */
    public LambdaIntegration(Map<String, LocalFunction> functions, String region, String account) {
        Map<String, LocalFunction> byKey = new LinkedHashMap<>();
        functions.forEach((k, v) -> byKey.put(FunctionRef.parse(k, null).key(), v));
        this.functions = Map.copyOf(byKey);
        this.region = region;
        this.account = account;
    }

    public LambdaIntegration(Map<String, LocalFunction> functions) { this(functions, "us-east-1", "123456789012"); }

    @Override
    public boolean accepts(String resource) {
        if (FunctionRef.isFunctionArn(resource)) return true;
        int i = resource.indexOf(INVOKE);
        if (i < 0 || !resource.startsWith("arn:")) return false;
        String suffix = resource.substring(i + INVOKE.length());
        return suffix.isEmpty() || suffix.equals(".waitForTaskToken");
    }

    @Override
    public void start(TaskInvocation inv, TaskCompletion completion) {
        boolean optimized = !FunctionRef.isFunctionArn(inv.resource());
        boolean callback = inv.resource().endsWith(".waitForTaskToken");
        FunctionRef ref;
        JsonNode event;
        String invocationType = "RequestResponse";
        if (optimized) {
            JsonNode params = inv.input();
            JsonNode name = params == null ? null : params.get("FunctionName");
            if (name == null || !name.isTextual()) {
                completion.fail("Lambda.InvalidParameterValueException", "The field FunctionName is required and must be a string.");
                return;
            }
            JsonNode q = params.get("Qualifier");
            ref = FunctionRef.parse(name.textValue(), q != null && q.isTextual() ? q.textValue() : null);
            event = params.has("Payload") ? params.get("Payload") : Json.NODES.objectNode();
            if (params.path("InvocationType").isTextual()) invocationType = params.get("InvocationType").textValue();
        } else {
            ref = FunctionRef.parse(inv.resource(), null);
            event = inv.input();
        }
        LocalFunction fn = find(ref);
        if (fn == null) {
            completion.fail("Lambda.ResourceNotFoundException", notFound(ref));
            return;
        }
        String requestId = UUID.randomUUID().toString();
        LocalFunction.Context ctx = new LocalFunction.Context(ref.name(), ref.qualifier(), requestId, inv.executionArn(), inv.stateName());
        if (optimized && invocationType.equals("DryRun")) {
            completion.succeed(response(ref, null, 204, requestId));
            return;
        }
        if (optimized && invocationType.equals("Event")) {
            runAsync(fn, event, ctx);
            JsonNode out = response(ref, Json.NODES.textNode(""), 202, requestId);
            if (callback) completion.submitted(out);
            else completion.succeed(out);
            return;
        }
        LocalFunction f = fn;
        runs.run(inv.taskToken(), () -> {
            try {
                JsonNode payload = f.invoke(event, ctx);
                if (payload == null) payload = Json.NODES.nullNode();
                JsonNode out = optimized ? response(ref, payload, 200, requestId) : payload;
                if (callback) completion.submitted(out);
                else completion.succeed(out);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt(); // stopped or timed out: the engine already moved on
            } catch (ServiceFailure e) {
                completion.fail(e.error(), e.cause());
            } catch (FunctionError e) {
                completion.fail(e.errorType(), errorCause(e.errorType(), e.getMessage(), requestId, stackTrace(e)));
            } catch (Exception | LinkageError e) {
                completion.fail(e.getClass().getName(), errorCause(e.getClass().getName(), e.getMessage(), requestId, stackTrace(e)));
            }
            return null;
        });
    }

    /**
     * Invokes a function as Lambda's {@code Event} invocation type does, for callers other than Task
     * states (SNS's lambda subscriptions): found as for a Task, started on a thread of its own, its
     * result dropped and a failure only logged. The context has no execution or state.
     *
     * @param function a name, {@code name:qualifier} or function ARN
     * @throws IllegalArgumentException when no such function is configured (nothing was started)
     */
    public void invokeEvent(String function, JsonNode event) {
        FunctionRef ref = FunctionRef.parse(function, null);
        LocalFunction fn = find(ref);
        if (fn == null) throw new IllegalArgumentException(notFound(ref));
        runAsync(fn, event, new LocalFunction.Context(ref.name(), ref.qualifier(), UUID.randomUUID().toString(), null, null));
    }

    @Override
    public void cancel(TaskInvocation inv) { runs.cancel(inv.taskToken()); }

    /** By {@code name:qualifier}, else by name: an alias or version not configured on its own runs the function. */
    private LocalFunction find(FunctionRef ref) {
        LocalFunction fn = functions.get(ref.key());
        return fn == null && ref.qualifier() != null ? functions.get(ref.name()) : fn;
    }

    /** Fire and forget, like an asynchronous invoke: nobody waits for the outcome, so a failure is logged. */
    private void runAsync(LocalFunction fn, JsonNode event, LocalFunction.Context ctx) {
        runs.run(null, () -> {
            try {
                return fn.invoke(event, ctx);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt(); // Stride is shutting down
                return null;
            } catch (Exception e) {
                LOG.log(System.Logger.Level.WARNING, "function {0} failed on an asynchronous (Event) invocation, request {1}: {2}",
                        ctx.functionName(), ctx.requestId(), e.getMessage());
                return null;
            }
        });
    }

    @Override
    public void close() { runs.close(); }

    private ObjectNode response(FunctionRef ref, JsonNode payload, int status, String requestId) {
        ObjectNode out = Json.NODES.objectNode();
        out.put("ExecutedVersion", ref.executedVersion());
        if (payload != null) out.set("Payload", payload);
        SdkMetadata.add(out, status, requestId, Map.of("X-Amz-Executed-Version", ref.executedVersion()));
        out.put("StatusCode", status);
        return out;
    }

    private String notFound(FunctionRef ref) {
        return "Function not found: " + ref.arn(region, account) + " (Service: AWSLambda; Status Code: 404; Error Code: "
                + "ResourceNotFoundException; Request ID: " + UUID.randomUUID() + "; Proxy: null). Stride runs Lambda functions "
                + "locally: add '" + ref.name() + "' under 'functions:' in stride.yaml as {http: URL}, {command: [argv...]} or "
                + "{class: fully.qualified.Name}" + (functions.isEmpty() ? " (no functions are configured)." : " (configured: "
                + String.join(", ", new java.util.TreeSet<>(functions.keySet())) + ").");
    }

    /** Lambda's error JSON, as the Task's cause. */
    static String errorCause(String type, String message, String requestId, JsonNode stackTrace) {
        ObjectNode c = Json.NODES.objectNode();
        c.put("errorMessage", message);
        c.put("errorType", type);
        c.put("requestId", requestId);
        c.set("stackTrace", stackTrace == null ? Json.NODES.arrayNode() : stackTrace);
        return Json.write(c);
    }

    private static JsonNode stackTrace(Throwable e) {
        if (e instanceof ReportedFunctionError r) return r.reportedStackTrace();
        ArrayNode a = Json.NODES.arrayNode();
        for (StackTraceElement el : e.getStackTrace()) {
            if (el.getClassName().startsWith("dev.stride.integrations.")) break;
            a.add(el.toString());
        }
        return a;
    }
}
