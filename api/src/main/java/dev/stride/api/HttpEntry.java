package dev.stride.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import dev.stride.api.console.Console;
import dev.stride.service.AwsService;
import dev.stride.service.ServiceException;
import dev.stride.service.ServiceRequest;
import dev.stride.service.ServiceResponse;
import dev.stride.service.StreamedResponse;
import dev.stride.service.StreamingService;
import java.io.IOException;
import java.io.InputStream;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.UUID;

/**
 * The HTTP edge: one endpoint for Step Functions and every local service. {@code GET /health}
 * answers liveness and {@code GET /metrics} Prometheus' scrape; any other request goes to the
 * service the {@link ServiceRouter} names (after checking its SigV4 signature when access keys
 * are configured), and what no service claims is a Step Functions operation ({@code POST /} with
 * {@code X-Amz-Target}). Every failure becomes an error body in the protocol the client speaks;
 * a bug becomes a 500 and is logged, and the server keeps serving.
 */
final class HttpEntry implements HttpHandler {
    static final String CONTENT_TYPE = "application/x-amz-json-1.0";
    private static final Logger LOG = System.getLogger(HttpEntry.class.getName());
    private static final byte[] HEALTHY = "{\"status\":\"UP\"}".getBytes(StandardCharsets.UTF_8);

    private final Operations operations;
    private final Metrics metrics;
    private final SigV4 signatures;
    private final ServiceRouter router;
    private final String region;
    private final String account;

    /** @param signatures null accepts any credentials */
    HttpEntry(Operations operations, Metrics metrics, SigV4 signatures, ServiceRouter router, String region, String account) {
        this.operations = operations;
        this.metrics = metrics;
        this.signatures = signatures;
        this.router = router;
        this.region = region;
        this.account = account;
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getPath();
            String method = exchange.getRequestMethod();
            boolean read = "GET".equals(method) || "HEAD".equals(method);
            if ("/health".equals(path) && read) {
                send(exchange, 200, "application/json", HEALTHY);
                return;
            }
            if ("/metrics".equals(path) && read) {
                send(exchange, 200, "text/plain; version=0.0.4; charset=utf-8", metrics.scrape().getBytes(StandardCharsets.UTF_8));
                return;
            }
            String rawQuery = exchange.getRequestURI().getRawQuery();
            // A browser opening the endpoint (unsigned, asking for HTML) gets the console; S3's ListBuckets is signed.
            if (Console.wantsConsole(method, path, exchange.getRequestHeaders().getFirst("Accept"),
                    exchange.getRequestHeaders().getFirst("Authorization"), rawQuery)) {
                exchange.getResponseHeaders().set("Location", Console.PREFIX);
                send(exchange, 302, "text/plain; charset=utf-8", ("The console is at " + Console.PREFIX).getBytes(StandardCharsets.UTF_8));
                return;
            }
            ServiceRouter.Scope scope = ServiceRouter.scope(exchange.getRequestHeaders(), rawQuery);
            // S3 is routed before the body is read: its bodies stream to disk and back, never whole in memory.
            AwsService s3 = router.s3For(exchange.getRequestHeaders(), method, path, rawQuery, scope);
            if (s3 instanceof StreamingService streaming) {
                serveStreaming(exchange, streaming, scope);
                return;
            }
            byte[] body = exchange.getRequestBody().readAllBytes();
            AwsService service = s3 != null ? s3 : router.route(exchange.getRequestHeaders(), path, rawQuery, scope, formBody(exchange, body));
            if (service != null) {
                serveService(exchange, service, scope, body);
            } else if ("/".equals(path) && "POST".equals(method)) {
                serve(exchange, body);
            } else {
                sendError(exchange, ApiError.NOT_FOUND.with("No operation at " + method + " " + path));
            }
        }
    }

    private void serveService(HttpExchange exchange, AwsService service, ServiceRouter.Scope scope, byte[] body) throws IOException {
        long started = System.nanoTime();
        ServiceRequest request = new ServiceRequest(exchange.getRequestMethod(), exchange.getRequestURI().getPath(),
                exchange.getRequestURI().getRawQuery(), exchange.getRequestHeaders(), body,
                scope != null ? scope.region() : region, accountOf(scope), endpointOf(exchange));
        ServiceResponse reply;
        try {
            if (signatures != null && !unsignedAllowed(request)) {
                signatures.verify(exchange.getRequestMethod(), exchange.getRequestURI().getRawPath(),
                        exchange.getRequestURI().getRawQuery(), exchange.getRequestHeaders(), body, service.signingName());
            }
            reply = service.serve(request);
        } catch (ApiException e) {
            reply = service.refuse(request, AuthErrors.of(e, service.signingName()));
        } catch (RuntimeException | StackOverflowError e) {
            LOG.log(Level.ERROR, "internal error serving " + service.signingName(), e);
            reply = service.refuse(request, new ServiceException("InternalFailure", "InternalFailure", 500, false, "Internal error: " + e));
        }
        reply.headers().forEach((k, v) -> exchange.getResponseHeaders().set(k, v));
        send(exchange, reply.status(), reply.contentType(), reply.body());
        metrics.serviceRequest(service.signingName(), reply.status() >= 400, System.nanoTime() - started);
    }

    /** A request whose body the service reads as a stream, answered with a streamed body (S3's objects). */
    private void serveStreaming(HttpExchange exchange, StreamingService service, ServiceRouter.Scope scope) throws IOException {
        long started = System.nanoTime();
        ServiceRequest request = new ServiceRequest(exchange.getRequestMethod(), exchange.getRequestURI().getPath(),
                exchange.getRequestURI().getRawQuery(), exchange.getRequestHeaders(), null,
                scope != null ? scope.region() : region, accountOf(scope), endpointOf(exchange));
        StreamedResponse reply;
        try {
            if (signatures != null) {
                signatures.verifyS3(exchange.getRequestMethod(), exchange.getRequestURI().getRawPath(),
                        exchange.getRequestURI().getRawQuery(), exchange.getRequestHeaders());
            }
            reply = service.serve(request, exchange.getRequestBody());
        } catch (ApiException e) {
            reply = StreamedResponse.of(service.refuse(request, AuthErrors.of(e, service.signingName())));
        } catch (RuntimeException | StackOverflowError e) {
            LOG.log(Level.ERROR, "internal error serving " + service.signingName(), e);
            reply = StreamedResponse.of(service.refuse(request, new ServiceException("InternalFailure", "InternalFailure", 500, false, "Internal error: " + e)));
        }
        try (InputStream body = reply.body()) {
            reply.headers().forEach((k, v) -> exchange.getResponseHeaders().set(k, v));
            exchange.getResponseHeaders().set("Content-Type", reply.contentType());
            boolean noBody = "HEAD".equals(exchange.getRequestMethod()) || reply.status() == 204 || reply.status() == 304 || reply.length() == 0;
            // HEAD tells the length the GET would send; the JDK server leaves that header to us.
            if ("HEAD".equals(exchange.getRequestMethod()) && reply.status() < 300) {
                exchange.getResponseHeaders().set("Content-Length", Long.toString(reply.length()));
            }
            exchange.sendResponseHeaders(reply.status(), noBody ? -1 : reply.length());
            if (!noBody) body.transferTo(exchange.getResponseBody());
        }
        metrics.serviceRequest(service.signingName(), reply.status() >= 400, System.nanoTime() - started);
    }

    /**
     * The links SNS hands out to confirm a subscription carry their own secret token and are
     * opened in a browser, which cannot sign; AWS serves them unsigned too.
     */
    private static boolean unsignedAllowed(ServiceRequest r) {
        return "GET".equals(r.method()) && r.header("authorization") == null && r.rawQuery() != null
                && r.rawQuery().contains("Action=ConfirmSubscription");
    }

    /** A 12-digit access key id is the account (as AWS-compatible local stacks do), else the server's account. */
    private String accountOf(ServiceRouter.Scope scope) { return Caller.of(scope, region, account).account(); }

    /** The base URL the client reached us by, so the addresses we hand out (queue URLs) work for it. */
    private static String endpointOf(HttpExchange exchange) {
        String host = exchange.getRequestHeaders().getFirst("Host");
        if (host == null || host.isBlank()) host = "localhost:" + exchange.getLocalAddress().getPort();
        return "http://" + host;
    }

    private static String formBody(HttpExchange exchange, byte[] body) {
        if (body.length == 0) return null;
        String type = exchange.getRequestHeaders().getFirst("Content-Type");
        if (type == null || !type.toLowerCase(Locale.ROOT).startsWith("application/x-www-form-urlencoded")) return null;
        return new String(body, StandardCharsets.ISO_8859_1); // the router only looks for Action=, which is ASCII
    }

    private void serve(HttpExchange exchange, byte[] bytes) throws IOException {
        long started = System.nanoTime();
        String target = exchange.getRequestHeaders().getFirst("X-Amz-Target");
        String action = target != null && target.startsWith(Operations.TARGET_PREFIX)
                ? target.substring(Operations.TARGET_PREFIX.length()) : null;
        boolean failed = true;
        try {
            if (signatures != null) {
                signatures.verify(exchange.getRequestMethod(), exchange.getRequestURI().getRawPath(),
                        exchange.getRequestURI().getRawQuery(), exchange.getRequestHeaders(), bytes);
            }
            Operation op = operations.forTarget(target);
            Request request = new Request(body(bytes));
            Caller caller = Caller.of(ServiceRouter.scope(exchange.getRequestHeaders(), exchange.getRequestURI().getRawQuery()), region, account);
            JsonNode result = caller.run(() -> op.run(request));
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
        if (!exchange.getResponseHeaders().containsKey("x-amzn-RequestId")) {
            exchange.getResponseHeaders().set("x-amzn-RequestId", UUID.randomUUID().toString());
        }
        if ("HEAD".equals(exchange.getRequestMethod())) {
            exchange.sendResponseHeaders(status, -1);
            return;
        }
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
    }
}
