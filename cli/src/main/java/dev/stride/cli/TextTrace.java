package dev.stride.cli;

import com.fasterxml.jackson.databind.JsonNode;
import dev.stride.engine.ExecutionStatus;
import dev.stride.engine.ExecutionView;
import dev.stride.engine.history.HistoryEvent;
import dev.stride.expr.Json;
import java.io.PrintStream;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The human-readable trace of `stride run`: each state entered and exited with its duration, then the result. */
final class TextTrace {
    private final PrintStream out;

    TextTrace(PrintStream out) { this.out = out; }

    void print(ExecutionView v, List<HistoryEvent> events, boolean allEvents) {
        Map<String, Long> entered = new HashMap<>();
        long notKept = events.isEmpty() ? 0 : events.get(0).id() - 1;
        if (notKept > 0) out.println("... " + notKept + " earlier events not kept (a long Express execution keeps its latest events only)");
        for (HistoryEvent e : events) {
            if (allEvents) {
                out.printf("  #%-4d %-28s %s%n", e.id(), e.type(), e.details() == null ? "" : Json.write(e.details()));
                continue;
            }
            String type = e.type();
            JsonNode name = e.details() == null ? null : e.details().get("name");
            if (type.endsWith("StateEntered") && name != null) {
                entered.put(name.asText(), e.timestampMillis());
                out.println("-> " + name.asText() + " (" + type.substring(0, type.length() - "StateEntered".length()) + ")");
            } else if (type.endsWith("StateExited") && name != null) {
                Long start = entered.remove(name.asText());
                long ms = start == null ? 0 : e.timestampMillis() - start;
                out.println("<- " + name.asText() + " " + ms + " ms");
            } else if (type.endsWith("Failed") || type.endsWith("TimedOut") || type.endsWith("Aborted")) {
                out.println("!! " + type + (e.details() == null ? "" : " " + Json.write(e.details())));
            }
        }
        out.println(v.status());
        if (v.status() == ExecutionStatus.SUCCEEDED) out.println(Json.write(v.output()));
        else out.println("error: " + v.error() + "\ncause: " + v.cause());
    }
}
