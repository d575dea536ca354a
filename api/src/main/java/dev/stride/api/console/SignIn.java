package dev.stride.api.console;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The console's door when the server checks signatures ({@code accessKeys} configured): nothing
 * but its style sheet and this page is shown until the browser signs in with one of those keys
 * (its id and secret, checked in-process, never sent on). A sign-in is a random session token in
 * an HttpOnly, SameSite=Strict cookie scoped to the console, kept in memory for
 * {@link #LASTS}; a restart signs everyone out. Without access keys the server accepts any
 * credentials, and so does the console: there is no door.
 */
final class SignIn {
    static final String COOKIE = "stride-console";
    static final Duration LASTS = Duration.ofHours(12);
    private final Backend backend;
    private final SecureRandom random = new SecureRandom();
    private final Map<String, Long> sessions = new ConcurrentHashMap<>();

    SignIn(Backend backend) { this.backend = backend; }

    boolean needed() { return backend.readOnly(); }

    /** True when no sign-in is needed or the request carries a live session. */
    boolean admits(HttpExchange exchange) {
        if (!needed()) return true;
        String token = cookie(exchange.getRequestHeaders().getFirst("Cookie"));
        Long until = token == null ? null : sessions.get(token);
        if (until == null) return false;
        if (until < System.currentTimeMillis()) {
            sessions.remove(token);
            return false;
        }
        return true;
    }

    /** What a request that is not admitted gets: pages are sent to sign in, the rest a 401. */
    void refuse(HttpExchange exchange, String rest) throws IOException {
        boolean page = exchange.getRequestMethod().equals("GET") && !rest.startsWith("api/") && !rest.equals("events");
        if (page) {
            String raw = exchange.getRequestURI().getRawQuery();
            String then = Console.PREFIX + rest + (raw == null ? "" : "?" + raw);
            exchange.getResponseHeaders().set("Location", Console.PREFIX + "sign-in?then=" + Html.url(then));
            Console.send(exchange, 303, "text/plain; charset=utf-8", "sign in first");
        } else {
            Console.send(exchange, 401, "application/json", "{\"message\":\"sign in to the console first\"}");
        }
    }

    /** GET shows the form; POST (a form: accessKeyId, secretAccessKey, then) checks the key. */
    void handle(HttpExchange exchange, Map<String, String> query, byte[] body) throws IOException {
        String then = safe(query.get("then"));
        if (!exchange.getRequestMethod().equals("POST")) {
            Console.send(exchange, 200, "text/html; charset=utf-8", form(then, null));
            return;
        }
        Map<String, String> form = Console.query(new String(body, StandardCharsets.UTF_8));
        then = safe(form.get("then"));
        if (!needed() || backend.acceptsKey(form.getOrDefault("accessKeyId", ""), form.getOrDefault("secretAccessKey", ""))) {
            byte[] bytes = new byte[32];
            random.nextBytes(bytes);
            String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
            sessions.put(token, System.currentTimeMillis() + LASTS.toMillis());
            exchange.getResponseHeaders().add("Set-Cookie", COOKIE + "=" + token + "; Path=" + Console.PREFIX
                    + "; HttpOnly; SameSite=Strict; Max-Age=" + LASTS.toSeconds());
            exchange.getResponseHeaders().set("Location", then);
            Console.send(exchange, 303, "text/plain; charset=utf-8", "signed in");
            return;
        }
        Console.send(exchange, 401, "text/html; charset=utf-8", form(then, "That is not one of the access keys this server accepts."));
    }

    private static String form(String then, String problem) {
        return Html.page("Sign in", "<h1>Sign in</h1><p>This server checks signatures: sign in with one of its access keys "
                + "(<code>accessKeys</code> in its configuration) to see the console.</p>"
                + (problem == null ? "" : "<p class=\"message\" id=\"sign-in-problem\">" + Html.esc(problem) + "</p>")
                + "<form class=\"side narrow\" id=\"sign-in\" method=\"post\" action=\"" + Console.PREFIX + "sign-in\">"
                + "<input type=\"hidden\" name=\"then\" value=\"" + Html.esc(then) + "\">"
                + "<label>Access key id<input name=\"accessKeyId\" autocomplete=\"username\"></label>"
                + "<label>Secret access key<input name=\"secretAccessKey\" type=\"password\" autocomplete=\"current-password\"></label>"
                + "<button type=\"submit\">Sign in</button></form>");
    }

    /** Only back into the console: a sign-in never sends the browser elsewhere. */
    private static String safe(String then) {
        if (then == null || !then.startsWith(Console.PREFIX) || then.contains("//") || then.contains("\\")) return Console.PREFIX;
        return then;
    }

    private static String cookie(String header) {
        if (header == null) return null;
        Map<String, String> found = new HashMap<>();
        for (String part : header.split(";")) {
            int eq = part.indexOf('=');
            if (eq > 0) found.putIfAbsent(part.substring(0, eq).trim(), URLDecoder.decode(part.substring(eq + 1).trim(), StandardCharsets.UTF_8));
        }
        return found.get(COOKIE);
    }
}
