package dev.stride.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.stride.engine.history.HistoryEvent;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

/** GetExecutionHistory: the engine's events in AWS's shape, paged, optionally newest first. */
final class HistoryActions {
    private final ApiContext ctx;

    HistoryActions(ApiContext ctx) { this.ctx = ctx; }

    void register(Map<String, Operation> table) { table.put("GetExecutionHistory", this::history); }

    private JsonNode history(Request r) {
        ExecutionEntry e = ctx.execution(r.required("executionArn"));
        List<HistoryEvent> events = ctx.engine.history(e.arn());
        if (events == null) throw ApiError.executionDoesNotExist(e.arn());
        boolean includeData = r.bool("includeExecutionData", true);
        if (r.bool("reverseOrder", false)) {
            events = new ArrayList<>(events);
            Collections.reverse(events);
        }
        ObjectNode out = Wire.object();
        Pages.write(r, events, ev -> Long.toString(ev.id()), out, "events", ev -> render(ev, includeData));
        return out;
    }

    /** The engine renders the event; AWS JSON 1.0 wants the timestamp as epoch seconds, not ISO text. */
    private static ObjectNode render(HistoryEvent event, boolean includeData) {
        ObjectNode shape = event.toApiShape(includeData);
        shape.put("timestamp", Wire.seconds(event.timestampMillis()));
        return shape;
    }
}
