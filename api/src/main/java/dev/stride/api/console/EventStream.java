package dev.stride.api.console;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Server-sent events of one execution: an {@code update} whenever its history grows (the new
 * table rows and the recoloured states, from the same history GetExecutionHistory answers), and
 * {@code end} once it is over. It polls the history every quarter second, newest first, reading
 * only the events it has not seen: that costs the engine nothing on its hot path, and works the
 * same for every store. Each request runs on its own
 * virtual thread, so a waiting stream holds no platform thread.
 */
final class EventStream {
    private static final long POLL_MILLIS = 250;
    private static final long PING_MILLIS = 15_000;
    private static final Duration LONGEST = Duration.ofHours(1);

    private final ExecutionPage pages;

    EventStream(ExecutionPage pages) { this.pages = pages; }

    void stream(HttpExchange exchange, String arn, int after) throws IOException {
        String last = exchange.getRequestHeaders().getFirst("Last-Event-ID");
        if (last != null && last.chars().allMatch(Character::isDigit) && !last.isEmpty()) after = Math.max(after, Integer.parseInt(last));
        ExecutionPicture.Shape shape = pages.shape(arn); // an unknown execution is a 404 page, before the stream opens
        var h = exchange.getResponseHeaders();
        h.set("Content-Type", "text/event-stream; charset=utf-8");
        h.set("Cache-Control", "no-store");
        h.set("X-Accel-Buffering", "no");
        exchange.sendResponseHeaders(200, 0);
        OutputStream out = exchange.getResponseBody();
        long deadline = System.nanoTime() + LONGEST.toNanos();
        long lastWrite = System.nanoTime();
        int sent = after;
        List<JsonNode> events = new ArrayList<>();
        try {
            while (System.nanoTime() < deadline) {
                pages.newer(arn, events);
                ExecutionPicture p = null;
                if (events.size() > sent) {
                    p = ExecutionPicture.of(events, -1, shape);
                    ObjectNode data = Html.MAPPER.createObjectNode().put("rows", ExecutionPage.rows(events, sent, events.size()));
                    data.set("picture", ExecutionPage.pictureJson(p, events.size()));
                    write(out, "update", events.size(), Html.MAPPER.writeValueAsString(data));
                    sent = events.size();
                    lastWrite = System.nanoTime();
                }
                if (p == null) p = ExecutionPicture.of(events, -1, shape);
                if (!p.executionStatus.equals("RUNNING")) {
                    write(out, "end", sent, "{\"status\":\"" + p.executionStatus + "\"}");
                    return;
                }
                if (System.nanoTime() - lastWrite > PING_MILLIS * 1_000_000) {
                    out.write(": ping\n\n".getBytes(StandardCharsets.UTF_8));
                    out.flush();
                    lastWrite = System.nanoTime();
                }
                Thread.sleep(POLL_MILLIS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (IOException gone) {
            // the browser closed the page
        }
    }

    private static void write(OutputStream out, String event, int id, String data) throws IOException {
        out.write(("id: " + id + "\nevent: " + event + "\ndata: " + data + "\n\n").getBytes(StandardCharsets.UTF_8));
        out.flush();
    }
}
