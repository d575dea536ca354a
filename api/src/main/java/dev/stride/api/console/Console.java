package dev.stride.api.console;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.io.InputStream;
import java.lang.System.Logger.Level;
import java.lang.System.Logger;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

/**
 * The web console, served by {@code stride server} itself under {@link #PREFIX} (a browser asking
 * for {@code /} is sent here): state machines and their executions as live graphs, the local
 * services' resources at a glance. Pages are rendered here, with one small script
 * ({@code assets/console.js}) for clicks, live updates (server-sent events) and stepping; every
 * asset is in the jar, nothing is fetched from elsewhere.
 *
 * <p>It reads through the API's own action table ({@link Backend}), so it shows what
 * DescribeExecution and GetExecutionHistory answer, and it is its own HTTP context: AWS API
 * requests never pass through it. Changes (start, stop, redrive) are POSTs carrying a header a
 * cross-site form cannot send, and are refused when the server checks signatures; such a server's
 * console shows nothing until the browser signs in with one of its access keys ({@link SignIn}).
 */
public final class Console implements HttpHandler {
    /** Underscore-led: never an S3 bucket's name, so the console shadows no service. */
    public static final String PREFIX = "/_stride/console/";
    static final String WRITE_HEADER = "X-Stride-Console";
    private static final Logger LOG = System.getLogger(Console.class.getName());

    private final Backend backend;
    private final MachinePages machines;
    private final ExecutionPage executions;
    private final EventStream events;
    private final ResourcePages resources;
    private final Actions actions;
    private final MapRunPages mapRuns;
    private final ActivityPages activities;
    private final SignIn signIn;

    public Console(Backend backend) {
        this.backend = backend;
        Drawings drawings = new Drawings();
        this.machines = new MachinePages(backend, drawings);
        this.mapRuns = new MapRunPages(backend);
        this.activities = new ActivityPages(backend);
        this.signIn = new SignIn(backend);
        this.executions = new ExecutionPage(backend, drawings, mapRuns);
        this.events = new EventStream(executions);
        this.resources = new ResourcePages(backend);
        this.actions = new Actions(backend);
    }

    /** True for a request the console answers at {@code /}: a browser's page load, unsigned. */
    public static boolean wantsConsole(String method, String path, String accept, String authorization, String rawQuery) {
        return "GET".equals(method) && "/".equals(path) && rawQuery == null && authorization == null
                && accept != null && accept.contains("text/html");
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            byte[] body = exchange.getRequestBody().readAllBytes();
            String path = exchange.getRequestURI().getPath();
            String rest = path.startsWith(PREFIX) ? path.substring(PREFIX.length()) : "";
            Map<String, String> query = query(exchange.getRequestURI().getRawQuery());
            String method = exchange.getRequestMethod();
            try {
                if (rest.equals("sign-in")) {
                    signIn.handle(exchange, query, body);
                } else if (!rest.startsWith("assets/") && !signIn.admits(exchange)) {
                    signIn.refuse(exchange, rest);
                } else if (method.equals("POST")) {
                    post(exchange, rest, body);
                } else if (!method.equals("GET") && !method.equals("HEAD")) {
                    exchange.getResponseHeaders().set("Allow", "GET, HEAD, POST");
                    send(exchange, 405, "text/plain; charset=utf-8", "method not allowed");
                } else {
                    get(exchange, rest, query);
                }
            } catch (Backend.Failure f) {
                send(exchange, f.type.contains("DoesNotExist") || f.type.contains("NotFound") ? 404 : 400, "text/html; charset=utf-8",
                        Html.page(f.type, "<h1>" + Html.esc(f.type) + "</h1><p>" + Html.esc(f.getMessage()) + "</p>"));
            } catch (RuntimeException e) {
                LOG.log(Level.ERROR, "console failed on " + path, e);
                send(exchange, 500, "text/html; charset=utf-8", Html.page("Error", "<h1>Internal error</h1><pre>" + Html.esc(e.toString()) + "</pre>"));
            }
        }
    }

    private void get(HttpExchange exchange, String rest, Map<String, String> q) throws IOException {
        if (rest.startsWith("assets/")) {
            asset(exchange, rest.substring("assets/".length()));
            return;
        }
        switch (rest) {
            case "" -> html(exchange, machines.list(q.get("q")));
            case "machine" -> html(exchange, machines.machine(required(q, "arn"), q));
            case "alias" -> html(exchange, machines.versions().alias(required(q, "arn"), q));
            case "map-runs" -> html(exchange, mapRuns.overview());
            case "map-run" -> html(exchange, mapRuns.mapRun(required(q, "arn")));
            case "activities" -> html(exchange, activities.list());
            case "activity" -> html(exchange, activities.activity(required(q, "arn")));
            case "execution" -> html(exchange, executions.page(required(q, "arn")));
            case "events" -> events.stream(exchange, required(q, "arn"), (int) number(q, "after", 0));
            case "api/picture" -> json(exchange, q.containsKey("iteration")
                    ? executions.iteration(required(q, "arn"), required(q, "map"), number(q, "iteration", 0))
                    : q.containsKey("branch")
                    ? executions.branch(required(q, "arn"), required(q, "parallel"), (int) number(q, "branch", 0))
                    : executions.picture(required(q, "arn"), (int) number(q, "upTo", -1)));
            case "api/timeline" -> json(exchange, executions.timeline(required(q, "arn")));
            case "api/rows" -> send(exchange, 200, "text/html; charset=utf-8", executions.moreRows(required(q, "arn"), (int) number(q, "from", 0)));
            case "resources" -> html(exchange, resources.overview());
            case "resources/queue" -> html(exchange, resources.queue(required(q, "url")));
            case "resources/table" -> html(exchange, resources.table(required(q, "name"), q));
            case "resources/bucket" -> html(exchange, resources.bucket(required(q, "name"), q.get("prefix")));
            case "resources/logs" -> html(exchange, resources.logs(required(q, "group"), required(q, "stream")));
            default -> send(exchange, 404, "text/html; charset=utf-8", Html.page("Not found", "<h1>Not found</h1><p>No console page at "
                    + Html.esc(PREFIX + rest) + ".</p>"));
        }
    }

    private void post(HttpExchange exchange, String rest, byte[] bytes) throws IOException {
        // A cross-site form cannot set this header, and a cross-site fetch with it needs a preflight we never answer.
        if (exchange.getRequestHeaders().getFirst(WRITE_HEADER) == null) {
            send(exchange, 403, "application/json", "{\"message\":\"console actions need the " + WRITE_HEADER + " header\"}");
            return;
        }
        if (backend.readOnly()) {
            send(exchange, 403, "application/json", "{\"message\":\"this server checks SigV4 signatures; the console only reads\"}");
            return;
        }
        ObjectNode body;
        try {
            JsonNode parsed = Html.MAPPER.readTree(bytes);
            body = parsed instanceof ObjectNode o ? o : Html.MAPPER.createObjectNode();
        } catch (IOException e) {
            body = Html.MAPPER.createObjectNode();
        }
        try {
            json(exchange, actions.run(rest, body));
        } catch (Backend.Failure f) {
            ObjectNode err = Html.MAPPER.createObjectNode().put("type", f.type).put("message", f.getMessage());
            send(exchange, 400, "application/json", Html.MAPPER.writeValueAsString(err));
        }
    }

    private static long number(Map<String, String> q, String name, long otherwise) {
        String v = q.get(name);
        if (v == null || v.isEmpty()) return otherwise;
        try {
            return Long.parseLong(v);
        } catch (NumberFormatException e) {
            throw new Backend.Failure("ValidationException", "?" + name + "= must be a number, not " + v);
        }
    }

    private static String required(Map<String, String> q, String name) {
        String v = q.get(name);
        if (v == null || v.isEmpty()) throw new Backend.Failure("ValidationException", "the page needs ?" + name + "=");
        return v;
    }

    private static void asset(HttpExchange exchange, String name) throws IOException {
        String type = name.endsWith(".js") ? "text/javascript; charset=utf-8" : name.endsWith(".css") ? "text/css; charset=utf-8" : null;
        InputStream in = type == null || name.contains("/") ? null : Console.class.getResourceAsStream(name);
        if (in == null) {
            send(exchange, 404, "text/plain; charset=utf-8", "no asset " + name);
            return;
        }
        byte[] bytes;
        try (in) {
            bytes = in.readAllBytes();
        }
        exchange.getResponseHeaders().set("Cache-Control", "no-cache");
        send(exchange, 200, type, bytes);
    }

    private static void html(HttpExchange exchange, String page) throws IOException {
        send(exchange, 200, "text/html; charset=utf-8", page);
    }

    private static void json(HttpExchange exchange, JsonNode value) throws IOException {
        send(exchange, 200, "application/json", Html.MAPPER.writeValueAsString(value));
    }

    static void send(HttpExchange exchange, int status, String type, String body) throws IOException {
        send(exchange, status, type, body.getBytes(StandardCharsets.UTF_8));
    }

    static void send(HttpExchange exchange, int status, String type, byte[] bytes) throws IOException {
        var h = exchange.getResponseHeaders();
        h.set("Content-Type", type);
        h.set("X-Frame-Options", "DENY");
        h.set("X-Content-Type-Options", "nosniff"); // JSON with state data in it is never read as a page or script
        h.set("Referrer-Policy", "no-referrer");
        h.set("Content-Security-Policy", "default-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; frame-ancestors 'none'");
        if (!h.containsKey("Cache-Control")) h.set("Cache-Control", "no-store");
        if ("HEAD".equals(exchange.getRequestMethod())) {
            exchange.sendResponseHeaders(status, -1);
            return;
        }
        exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
        if (bytes.length > 0) exchange.getResponseBody().write(bytes);
    }

    static Map<String, String> query(String raw) {
        Map<String, String> out = new HashMap<>();
        if (raw == null || raw.isEmpty()) return out;
        for (String pair : raw.split("&")) {
            int eq = pair.indexOf('=');
            String k = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            String v = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            out.putIfAbsent(k, v);
        }
        return out;
    }
}
