package dev.stride.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.util.UUID;

/**
 * The HTTP edge: {@code POST /} with {@code X-Amz-Target} runs an operation (after checking its
 * SigV4 signature when access keys are configured); {@code GET /health} answers liveness and
 * {@code GET /metrics} Prometheus' scrape. Every failure becomes a JSON error body; a bug becomes
 * a 500 and is logged, and the server keeps serving.
 */
final class HttpEntry implements HttpHandler {
    static final String CONTENT_TYPE = "application/x-amz-json-1.0";
    private static final Logger LOG = System.getLogger(HttpEntry.class.getName());
    private static final byte[] HEALTHY = "{\"status\":\"UP\"}".getBytes(java.nio.charset.StandardCharsets.UTF_8);

    private final Operations operations;
    private final Metrics metrics;
    private final SigV4 signatures;

    /** @param signatures null accepts any credentials */
    HttpEntry(Operations operations, Metrics metrics, SigV4 signatures) {
        this.operations = operations;
        this.metrics = metrics;
        this.signatures = signatures;
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getPath();
            String method = exchange.getRequestMethod();
            if ("/health".equals(path) && ("GET".equals(method) || "HEAD".equals(method))) {
                send(exchange, 200, "application/json", HEALTHY);
            } else if ("/metrics".equals(path) && ("GET".equals(method) || "HEAD".equals(method))) {
                send(exchange, 200, "text/plain; version=0.0.4; charset=utf-8",
                        metrics.scrape().getBytes(java.nio.charset.StandardCharsets.UTF_8));
            } else if ("/".equals(path) && "POST".equals(method)) {
                serve(exchange);
            } else {
                sendError(exchange, ApiError.NOT_FOUND.with("No operation at " + method + " " + path));
            }
        }
    }

    private void serve(HttpExchange exchange) throws IOException {
        long started = System.nanoTime();
        String target = exchange.getRequestHeaders().getFirst("X-Amz-Target");
        String action = target != null && target.startsWith(Operations.TARGET_PREFIX)
                ? target.substring(Operations.TARGET_PREFIX.length()) : null;
        boolean failed = true;
        try {
            byte[] bytes = exchange.getRequestBody().readAllBytes();
            if (signatures != null) {
                signatures.verify(exchange.getRequestMethod(), exchange.getRequestURI().getRawPath(),
                        exchange.getRequestURI().getRawQuery(), exchange.getRequestHeaders(), bytes);
            }
            Operation op = operations.forTarget(target);
            JsonNode result = op.run(new Request(body(bytes)));
            send(exchange, 200, CONTENT_TYPE, Wire.bytes(result == null ? Wire.object() : result));
            failed = false;
        } catch (ApiException e) {
            sendError(exchange, e);
        } catch (RuntimeException | StackOverflowError e) {
            LOG.log(Level.ERROR, "internal error serving " + target, e);
            sendError(exchange, ApiError.INTERNAL.with("Internal error: " + e));
        } finally {
            metrics.request(operations.knows(action) ? action : "unknown", failed, System.nanoTime() - started);
        }
    }

    private static ObjectNode body(byte[] bytes) throws IOException {
        if (bytes.length == 0) return Wire.object();
        JsonNode node;
        try {
            node = Wire.MAPPER.readTree(bytes);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw ApiError.SERIALIZATION.with("Malformed request body: " + e.getOriginalMessage());
        }
        if (node == null || node.isMissingNode() || node.isNull()) return Wire.object();
        if (!(node instanceof ObjectNode object)) throw ApiError.SERIALIZATION.with("Request body must be a JSON object");
        return object;
    }

    private static void sendError(HttpExchange exchange, ApiException e) throws IOException {
        ObjectNode body = Wire.object().put("__type", e.error.type);
        if (e.getMessage() != null) body.put("message", e.getMessage());
        e.members.forEach(body::put);
        exchange.getResponseHeaders().set("x-amzn-ErrorType", e.error.type);
        send(exchange, e.error.status, CONTENT_TYPE, Wire.bytes(body));
    }

    private static void send(HttpExchange exchange, int status, String contentType, byte[] bytes) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", contentType);
        exchange.getResponseHeaders().set("x-amzn-RequestId", UUID.randomUUID().toString());
        if ("HEAD".equals(exchange.getRequestMethod())) {
            exchange.sendResponseHeaders(status, -1);
            return;
        }
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
    }
}
