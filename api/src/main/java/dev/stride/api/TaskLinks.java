package dev.stride.api;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import dev.stride.engine.Engine;
import dev.stride.engine.spi.TaskInvocation;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Approval links: {@code /_stride/tasks/TOKEN/approve} and {@code .../reject} answer a
 * {@code .waitForTaskToken} task from a browser, the way AWS's human-approval sample does with API
 * Gateway and a Lambda function. A workflow puts the link in the message that carries its token.
 *
 * <p>Opening the link ({@code GET}) changes nothing: it shows which execution and state ask and a
 * button that {@code POST}s to the same address, which sends SendTaskSuccess with
 * {@code {"decision":"approved","via":"link"}} (or {@code "rejected"}). The token is the only
 * credential, as with SNS's subscription links: a link works only while a callback task waits on a
 * token shaped like the ones Stride issues, so nobody can complete an activity's or a job's task,
 * or probe for anything else, through it. Pages are not cached, not framed, and send no Referer
 * (the token is in the address). Underscore-led paths are never S3 bucket names, so the prefix
 * shadows no service.
 */
final class TaskLinks implements HttpHandler {
    static final String PREFIX = "/_stride/tasks/";
    private static final Pattern LINK = Pattern.compile(Pattern.quote(PREFIX)
            + "([0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12})/(approve|reject)");

    private final Engine engine;

    TaskLinks(Engine engine) { this.engine = engine; }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            exchange.getRequestBody().readAllBytes();
            Matcher m = LINK.matcher(exchange.getRequestURI().getPath());
            String method = exchange.getRequestMethod();
            if (!m.matches()) {
                page(exchange, 404, "Not found", "<p>This is not an approval link.</p>");
                return;
            }
            String token = m.group(1);
            String decision = m.group(2).equals("approve") ? "approved" : "rejected";
            Optional<TaskInvocation> task = engine.waitingTask(token).filter(t -> t.resource().endsWith(".waitForTaskToken"));
            if (task.isEmpty()) {
                page(exchange, 404, "Nothing to answer", "<p>No task waits on this link: it was answered already, it timed out, "
                        + "or its execution ended.</p>");
                return;
            }
            switch (method) {
                case "GET", "HEAD" -> page(exchange, 200, confirmTitle(decision), confirmBody(task.get(), decision, m.group(2)));
                case "POST" -> answer(exchange, token, task.get(), decision);
                default -> {
                    exchange.getResponseHeaders().set("Allow", "GET, HEAD, POST");
                    page(exchange, 405, "Method not allowed", "<p>Open the link, then press the button.</p>");
                }
            }
        }
    }

    private void answer(HttpExchange exchange, String token, TaskInvocation task, String decision) throws IOException {
        boolean sent = engine.sendTaskSuccess(token, Wire.object().put("decision", decision).put("via", "link"));
        if (!sent) { // answered by someone else between the check and now
            page(exchange, 409, "Nothing to answer", "<p>The task was answered or ended a moment ago.</p>");
            return;
        }
        page(exchange, 200, "Done: " + decision, "<p>The state <b>" + html(task.stateName()) + "</b> of <code>"
                + html(task.executionArn()) + "</code> was answered: <b>" + decision + "</b>.</p>");
    }

    private static String confirmTitle(String decision) {
        return decision.equals("approved") ? "Approve this request?" : "Reject this request?";
    }

    private static String confirmBody(TaskInvocation task, String decision, String action) {
        String verb = action.equals("approve") ? "Approve" : "Reject";
        return "<p>The state <b>" + html(task.stateName()) + "</b> of the execution<br><code>" + html(task.executionArn())
                + "</code><br>waits for an answer.</p>"
                + "<form method=\"post\"><button type=\"submit\">" + verb + "</button></form>"
                + "<p>Pressing the button sends <code>{\"decision\":\"" + decision + "\"}</code> as the task's result.</p>";
    }

    private static void page(HttpExchange exchange, int status, String title, String body) throws IOException {
        byte[] bytes = ("<!doctype html><html><head><meta charset=\"utf-8\"><title>" + html(title) + " - Stride</title></head>"
                + "<body style=\"font-family:sans-serif;max-width:40em;margin:2em auto\"><h1>" + html(title) + "</h1>" + body
                + "</body></html>").getBytes(StandardCharsets.UTF_8);
        var headers = exchange.getResponseHeaders();
        headers.set("Content-Type", "text/html; charset=utf-8");
        headers.set("Cache-Control", "no-store");
        headers.set("Referrer-Policy", "no-referrer");
        headers.set("X-Frame-Options", "DENY");
        headers.set("Content-Security-Policy", "default-src 'none'; style-src 'unsafe-inline'; form-action 'self'; frame-ancestors 'none'");
        if ("HEAD".equals(exchange.getRequestMethod())) {
            exchange.sendResponseHeaders(status, -1);
            return;
        }
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
    }

    /** The console's escaping: the same five characters, for content and attribute values. */
    private static String html(String text) { return dev.stride.api.console.Html.esc(text); }
}
