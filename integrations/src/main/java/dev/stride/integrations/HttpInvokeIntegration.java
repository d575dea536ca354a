package dev.stride.integrations;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.stride.engine.spi.TaskCompletion;
import dev.stride.engine.spi.TaskIntegration;
import dev.stride.engine.spi.TaskInvocation;
import dev.stride.expr.ErrorNames;
import dev.stride.expr.Json;
import dev.stride.integrations.internal.FormEncoding;
import dev.stride.integrations.internal.OAuthTokens;
import dev.stride.integrations.internal.ReasonPhrases;
import dev.stride.integrations.internal.ServiceFailure;
import dev.stride.integrations.internal.TaskRuns;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The HTTP Task, {@code arn:aws:states:::http:invoke} (and {@code .waitForTaskToken}), for real:
 * Method, ApiEndpoint, Headers, QueryParameters, RequestBody, Transform and
 * Authentication.ConnectionArn, with the connection's authorisation taken from stride.yaml. The
 * result is {@code {Headers, ResponseBody, StatusCode, StatusText}}; a non-2xx answer fails the
 * Task with {@code States.Http.StatusCode.NNN} and that result as JSON text in the cause; a
 * network failure with {@code States.Http.Socket}. A ConnectionArn that is not configured is used
 * without authorisation.
 */
public final class HttpInvokeIntegration implements TaskIntegration, AutoCloseable {
    private static final String INVOKE = ":states:::http:invoke";
    private static final Set<String> METHODS = Set.of("GET", "POST", "PUT", "DELETE", "PATCH", "OPTIONS", "HEAD");
    private static final Set<String> RESTRICTED = Set.of("connection", "content-length", "expect", "host", "upgrade");
    private final Map<String, Connection> connections;
    private final dev.stride.integrations.internal.LazyHttpClient client;
    private final OAuthTokens tokens;
    private final String region;
    private final TaskRuns runs = new TaskRuns();

    public HttpInvokeIntegration(Map<String, Connection> connections, String region) {
        this.connections = Map.copyOf(connections);
        this.region = region;
        this.client = new dev.stride.integrations.internal.LazyHttpClient(
                () -> HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).followRedirects(HttpClient.Redirect.NORMAL).build());
        this.tokens = new OAuthTokens(client);
    }

    public HttpInvokeIntegration(Map<String, Connection> connections) { this(connections, "us-east-1"); }

    @Override
    public boolean accepts(String resource) {
        int i = resource.indexOf(INVOKE);
        if (i < 0 || !resource.startsWith("arn:")) return false;
        String suffix = resource.substring(i + INVOKE.length());
        return suffix.isEmpty() || suffix.equals(".waitForTaskToken");
    }

    @Override
    public void start(TaskInvocation inv, TaskCompletion completion) {
        boolean callback = inv.resource().endsWith(".waitForTaskToken");
        runs.run(inv.taskToken(), () -> {
            try {
                ObjectNode result = call(inv.input());
                int status = result.get("StatusCode").intValue();
                if (status / 100 != 2) completion.fail("States.Http.StatusCode." + status, Json.write(result));
                else if (callback) completion.submitted(result);
                else completion.succeed(result);
            } catch (ServiceFailure e) {
                completion.fail(e.error(), e.cause());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return null;
        });
    }

    @Override
    public void cancel(TaskInvocation inv) { runs.cancel(inv.taskToken()); }

    @Override
    public void close() {
        runs.close();
        client.close();
    }

    private ObjectNode call(JsonNode p) throws InterruptedException {
        if (p == null || !p.isObject()) throw invalid("The HTTP Task's Parameters must be an object.");
        String endpoint = text(p, "ApiEndpoint", true);
        String method = text(p, "Method", true).toUpperCase(Locale.ROOT);
        if (!METHODS.contains(method)) throw invalid("The Method '" + method + "' is not supported; use one of " + new java.util.TreeSet<>(METHODS) + ".");
        Connection conn = connection(p);
        HttpRequest req = request(p, endpoint, method, conn);
        HttpResponse<byte[]> resp;
        try {
            resp = client.get().send(req, HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new ServiceFailure("States.Http.Socket", "The HTTP request to " + req.uri() + " failed: " + e);
        }
        return result(resp);
    }

    private Connection connection(JsonNode p) {
        JsonNode arn = p.path("Authentication").path("ConnectionArn");
        if (!arn.isTextual()) return Connection.of(new Connection.None());
        Connection c = connections.get(arn.textValue());
        return c != null ? c : Connection.of(new Connection.None());
    }

    private HttpRequest request(JsonNode p, String endpoint, String method, Connection conn) throws InterruptedException {
        Map<String, JsonNode> query = new java.util.LinkedHashMap<>();
        conn.queryParameters().forEach((k, v) -> query.put(k, Json.NODES.textNode(v)));
        JsonNode qp = p.get("QueryParameters");
        if (qp != null && qp.isObject()) qp.fields().forEachRemaining(e -> query.put(e.getKey(), e.getValue()));
        ObjectNode queryObject = Json.NODES.objectNode();
        query.forEach(queryObject::set);
        URI uri;
        try {
            String q = FormEncoding.encode(queryObject, arrayFormat(p));
            uri = URI.create(q.isEmpty() ? endpoint : endpoint + (endpoint.contains("?") ? "&" : "?") + q);
            if (uri.getScheme() == null || !uri.getScheme().startsWith("http")) throw new IllegalArgumentException("not an http(s) URL");
        } catch (IllegalArgumentException e) {
            throw invalid("The ApiEndpoint '" + endpoint + "' is not a valid URL: " + e.getMessage());
        }
        HttpRequest.Builder b = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(60));
        Map<String, String> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        headers.put("User-Agent", "Amazon|StepFunctions|HttpInvoke|" + region);
        headers.putAll(conn.headers());
        JsonNode h = p.get("Headers");
        if (h != null && h.isObject()) h.fields().forEachRemaining(e -> headers.put(e.getKey(), e.getValue().isTextual() ? e.getValue().textValue() : e.getValue().toString()));
        authorize(conn.authorization(), headers);
        byte[] body = body(p, headers);
        for (var e : headers.entrySet()) {
            if (RESTRICTED.contains(e.getKey().toLowerCase(Locale.ROOT))) throw invalid("The header '" + e.getKey() + "' cannot be set in an HTTP Task.");
            b.header(e.getKey(), e.getValue());
        }
        b.method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body));
        return b.build();
    }

    private void authorize(Connection.Authorization auth, Map<String, String> headers) throws InterruptedException {
        switch (auth) {
            case Connection.ApiKey k -> headers.put(k.name(), k.value());
            case Connection.Basic bsc -> headers.put("Authorization", "Basic " + Base64.getEncoder()
                    .encodeToString((bsc.username() + ":" + bsc.password()).getBytes(StandardCharsets.UTF_8)));
            case Connection.OAuth o -> headers.put("Authorization", "Bearer " + tokens.token(o));
            case Connection.None n -> { }
        }
    }

    /** The request body, setting a Content-Type when the Task gave none; null for no body. */
    private static byte[] body(JsonNode p, Map<String, String> headers) {
        JsonNode rb = p.get("RequestBody");
        if (rb == null || rb.isMissingNode()) return null;
        String encoding = p.path("Transform").path("RequestBodyEncoding").asText("NONE");
        if (encoding.equals("URL_ENCODED")) {
            if (!rb.isObject()) throw invalid("RequestBodyEncoding URL_ENCODED needs a JSON object as RequestBody.");
            headers.putIfAbsent("Content-Type", "application/x-www-form-urlencoded");
            return FormEncoding.encode(rb, arrayFormat(p)).getBytes(StandardCharsets.UTF_8);
        }
        if (rb.isTextual()) {
            headers.putIfAbsent("Content-Type", "text/plain; charset=UTF-8");
            return rb.textValue().getBytes(StandardCharsets.UTF_8);
        }
        headers.putIfAbsent("Content-Type", "application/json; charset=UTF-8");
        return Json.write(rb).getBytes(StandardCharsets.UTF_8);
    }

    private static FormEncoding.ArrayFormat arrayFormat(JsonNode p) {
        String f = p.path("Transform").path("RequestEncodingOptions").path("ArrayFormat").asText("INDICES");
        try {
            return FormEncoding.ArrayFormat.valueOf(f);
        } catch (IllegalArgumentException e) {
            throw invalid("The ArrayFormat '" + f + "' is not one of BRACKETS, COMMAS, INDICES, REPEAT.");
        }
    }

    private static ObjectNode result(HttpResponse<byte[]> resp) {
        ObjectNode out = Json.NODES.objectNode();
        ObjectNode headers = out.putObject("Headers");
        resp.headers().map().forEach((k, vs) -> {
            if (k.startsWith(":")) return; // HTTP/2 pseudo-headers
            var arr = headers.putArray(k);
            vs.forEach(arr::add);
        });
        String text = new String(resp.body(), StandardCharsets.UTF_8);
        JsonNode body = Json.NODES.textNode(text);
        String type = resp.headers().firstValue("content-type").orElse("").toLowerCase(Locale.ROOT);
        if (type.contains("json") && !text.isBlank()) {
            try {
                body = Json.MAPPER.readTree(text);
            } catch (IOException ignored) {
                // keep the text
            }
        }
        out.set("ResponseBody", body);
        out.put("StatusCode", resp.statusCode());
        out.put("StatusText", ReasonPhrases.of(resp.statusCode()));
        return out;
    }

    private static String text(JsonNode p, String field, boolean required) {
        JsonNode v = p.get(field);
        if (v == null || v.isNull()) {
            if (required) throw invalid("The field '" + field + "' is required in an HTTP Task.");
            return null;
        }
        if (!v.isTextual()) throw invalid("The field '" + field + "' must be a string but was " + v + ".");
        return v.textValue();
    }

    private static ServiceFailure invalid(String cause) { return new ServiceFailure(ErrorNames.RUNTIME, cause); }
}
