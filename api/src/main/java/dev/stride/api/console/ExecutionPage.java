package dev.stride.api.console;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.stride.api.console.ExecutionPicture.Iteration;
import dev.stride.api.console.ExecutionPicture.StateRun;
import dev.stride.asl.read.DefinitionReader;
import dev.stride.graph.Graphs;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * One execution: its graph coloured by what happened to each state (live while it runs, see
 * {@link EventStream}), its history as a table, each state's input, output and error on click,
 * Map iterations one by one, stepping through the events, the estimated AWS price, and the
 * buttons to stop, redrive, start again or re-run from a state.
 */
final class ExecutionPage {
    /** Events rendered with the page; a long history's later ones come a page at a time ({@link #moreRows}). */
    static final int ROWS_SHOWN = 1000;
    /** Up to this many events the timeline is drawn with the page; above it, when it is opened. */
    static final int TIMELINE_OPEN = 5000;
    private final Backend backend;
    private final Drawings drawings;
    private final MapRunPages mapRuns;
    private final Histories histories;
    private final Prices prices = Prices.load();

    ExecutionPage(Backend backend, Drawings drawings, MapRunPages mapRuns) {
        this.backend = backend;
        this.drawings = drawings;
        this.mapRuns = mapRuns;
        this.histories = new Histories(backend);
    }

    /** Everything the page shows, read once. */
    record Snapshot(JsonNode execution, String definition, String machineType, List<JsonNode> events) {}

    Snapshot read(String arn) {
        ObjectNode req = Html.MAPPER.createObjectNode().put("executionArn", arn);
        JsonNode execution = backend.stepFunctions("DescribeExecution", req);
        JsonNode machine = backend.stepFunctions("DescribeStateMachineForExecution", req.deepCopy());
        String type = arn.contains(":express:") ? "EXPRESS" : "STANDARD";
        return new Snapshot(execution, machine.path("definition").asText(), type, history(arn));
    }

    List<JsonNode> history(String arn) { return histories.of(arn); }

    /** Appends the events recorded since {@code known} (see {@link Histories#newer}). */
    void newer(String arn, List<JsonNode> known) { histories.newer(arn, known); }

    String page(String arn) {
        Snapshot s = read(arn);
        ExecutionPicture p = ExecutionPicture.of(s.events, -1, shapeOf(s.definition));
        JsonNode e = s.execution;
        String status = e.path("status").asText();
        String machineArn = e.path("stateMachineArn").asText();
        StringBuilder b = new StringBuilder();
        b.append("<div id=\"execution\" data-arn=\"").append(Html.esc(arn)).append("\" data-status=\"").append(Html.esc(status))
                .append("\" data-events=\"").append(s.events.size()).append("\" data-machine=\"").append(Html.esc(machineArn)).append("\">");
        b.append("<h1>").append(Html.esc(e.path("name").asText())).append(' ').append("<span id=\"status\">")
                .append(Html.status(status)).append("</span></h1>");
        b.append("<p class=\"arn\">").append(Html.esc(arn)).append(" · <a href=\"machine?arn=").append(Html.url(machineArn))
                .append("\">state machine</a></p>");
        // One block the page's script swaps in place when a live execution ends (no reload).
        b.append("<div id=\"summary\">").append(facts(s, p)).append(buttons(e, status));
        if (e.hasNonNull("error") || e.hasNonNull("cause")) {
            b.append("<div class=\"failure\"><b>").append(Html.esc(e.path("error").asText(""))).append("</b> ")
                    .append(Html.esc(e.path("cause").asText(""))).append("</div>");
        }
        b.append("</div>");
        b.append("<div class=\"stepper\"><button type=\"button\" id=\"step-prev\">◀</button>")
                .append("<input type=\"range\" id=\"step\" min=\"0\" max=\"").append(s.events.size()).append("\" value=\"")
                .append(s.events.size()).append("\"><button type=\"button\" id=\"step-next\">▶</button>")
                .append("<span id=\"step-label\">all ").append(s.events.size()).append(" events</span></div>");
        b.append("<section class=\"split\"><div class=\"graph\" id=\"graph\">").append(graph(s.definition, p)).append("</div>");
        b.append("<aside class=\"side\" id=\"details\"><p class=\"empty\">Click a state to see its input, output and error.</p></aside></section>");
        b.append(legend());
        b.append("<section><details id=\"timeline-box\"").append(s.events.size() <= TIMELINE_OPEN ? " open" : "")
                .append("><summary><h2>Timeline</h2></summary><div id=\"timeline\" class=\"timeline\"></div></details></section>");
        b.append(mapRuns.section(arn));
        b.append("<section><h2>Events</h2><div class=\"bar\" id=\"iteration-filter\" hidden></div>")
                .append("<table class=\"list events\" id=\"events\"><thead><tr><th>ID</th><th>Type</th><th>State</th><th>Time</th>")
                .append("<th>Details</th></tr></thead><tbody data-loaded=\"").append(Math.min(ROWS_SHOWN, s.events.size())).append("\">")
                .append(rows(s.events, 0, ROWS_SHOWN)).append("</tbody></table>");
        if (s.events.size() > ROWS_SHOWN) {
            b.append("<p class=\"bar\"><button type=\"button\" id=\"more-rows\">Show the next ").append(ROWS_SHOWN)
                    .append(" events</button><span id=\"rows-shown\">").append(ROWS_SHOWN).append(" of ").append(s.events.size())
                    .append(" events shown; the filters apply to those</span></p>");
        }
        b.append("</section>");
        // The first picture comes with the page, not in a second request that reads the history again.
        // JSON in a non-script type is never run; "<" is escaped so no "</script>" in the data ends it.
        b.append("<script type=\"application/json\" id=\"picture-data\">")
                .append(Html.json(pictureJson(p, s.events.size())).replace("<", "\\u003c")).append("</script>");
        b.append("<div id=\"input-data\" hidden><pre>").append(Html.esc(Html.pretty(parse(e.path("input").asText("{}")))))
                .append("</pre></div></div>");
        return Html.page(e.path("name").asText(), b.toString());
    }

    String graph(String definition, ExecutionPicture p) {
        Map<String, String> classes = p.classes();
        return drawings.svg(definition, state -> classes.getOrDefault(state, "st-notreached"));
    }

    private String facts(Snapshot s, ExecutionPicture p) {
        JsonNode e = s.execution;
        StringBuilder b = new StringBuilder("<dl class=\"facts\">");
        fact(b, "Started", Html.date(e.get("startDate")));
        if (e.has("stopDate")) {
            fact(b, "Stopped", Html.date(e.get("stopDate")));
            long ms = Math.round((e.get("stopDate").asDouble() - e.get("startDate").asDouble()) * 1000);
            fact(b, "Duration", ms + " ms");
        }
        fact(b, "State transitions", Integer.toString(p.transitions));
        if (e.path("redriveCount").asInt() > 0) fact(b, "Redriven", e.path("redriveCount").asInt() + " times");
        Prices.Estimate cost = price(s, p);
        b.append("<dt>Estimated AWS price</dt><dd id=\"price\" title=\"").append(Html.esc(cost.how() + "; " + prices.source()))
                .append("\">$").append(String.format(Locale.ROOT, "%.8f", cost.dollars())).append(" <small>")
                .append(Html.esc(cost.how())).append("</small></dd>");
        return b.append("</dl>").toString();
    }

    Prices.Estimate price(Snapshot s, ExecutionPicture p) {
        if (!s.machineType.equals("EXPRESS")) return prices.standard(p.transitions);
        JsonNode e = s.execution;
        long ms = e.has("stopDate") ? Math.round((e.get("stopDate").asDouble() - e.get("startDate").asDouble()) * 1000) : 0;
        int steps = 0;
        for (StateRun r : p.states.values()) if (r.type.equals("Map") || r.type.equals("Parallel")) steps += r.entries;
        long payload = e.path("input").asText("").getBytes(StandardCharsets.UTF_8).length;
        return prices.express(ms, s.definition.getBytes(StandardCharsets.UTF_8).length, payload, steps);
    }

    private static void fact(StringBuilder b, String name, String value) {
        b.append("<dt>").append(Html.esc(name)).append("</dt><dd>").append(Html.esc(value)).append("</dd>");
    }

    private static String buttons(JsonNode e, String status) {
        StringBuilder b = new StringBuilder("<div class=\"actions\" id=\"actions\">");
        if (status.equals("RUNNING")) b.append("<button type=\"button\" data-action=\"stop\">Stop</button>");
        if ("REDRIVABLE".equals(e.path("redriveStatus").asText())) b.append("<button type=\"button\" data-action=\"redrive\">Redrive</button>");
        b.append("<button type=\"button\" data-action=\"again\">Start again with this input</button>");
        return b.append("<span class=\"message\"></span></div>").toString();
    }

    private static String legend() {
        StringBuilder b = new StringBuilder("<p class=\"legend\">");
        for (String s : List.of("notreached:not reached", "running:running", "succeeded:succeeded", "failed:failed", "caught:caught",
                "retried:retried", "aborted:aborted")) {
            String[] kv = s.split(":");
            b.append("<span class=\"key st-").append(kv[0]).append("\">").append(kv[1]).append("</span>");
        }
        return b.append("</p>").toString();
    }

    /**
     * Table rows for the events from index {@code from} up to {@code to}; each row says its state
     * and Map iteration for the filters.
     */
    static String rows(List<JsonNode> events, int from, int to) {
        EventScopes scopes = EventScopes.of(events);
        StringBuilder b = new StringBuilder();
        for (int i = from; i < Math.min(to, events.size()); i++) {
            JsonNode e = events.get(i);
            JsonNode details = ExecutionPicture.details(e);
            long id = e.path("id").asLong();
            String state = details.path("name").asText("");
            String type = e.path("type").asText();
            b.append("<tr data-id=\"").append(id).append("\" data-state=\"").append(Html.esc(scopes.state(id)))
                    .append("\" data-iteration=\"").append(scopes.iteration(id)).append("\" class=\"ev-").append(kind(type)).append("\"><td>")
                    .append(id).append("</td><td>").append(Html.esc(type)).append("</td><td>")
                    .append(Html.esc(state)).append("</td><td>").append(Html.date(e.get("timestamp"))).append("</td><td>");
            if (!details.isMissingNode() && !details.isEmpty()) {
                b.append("<details><summary>details</summary><pre>").append(Html.esc(Html.pretty(readable(details))))
                        .append("</pre></details>");
            }
            b.append("</td></tr>");
        }
        return b.toString();
    }

    /** The history's rows from {@code from} on, a page of {@link #ROWS_SHOWN}: the page's "show more" button. */
    String moreRows(String arn, int from) {
        List<JsonNode> events = history(arn);
        return rows(events, Math.max(0, from), Math.max(0, from) + ROWS_SHOWN);
    }

    private static String kind(String type) {
        if (type.endsWith("Failed") || type.endsWith("TimedOut") || type.endsWith("Aborted")) return "bad";
        if (type.endsWith("Succeeded")) return "good";
        return "plain";
    }

    /** Details with their JSON-text payloads shown as JSON. */
    private static JsonNode readable(JsonNode details) {
        ObjectNode copy = details.deepCopy();
        for (String f : List.of("input", "output", "parameters")) {
            if (copy.path(f).isTextual()) copy.set(f, parse(copy.get(f).asText()));
        }
        return copy;
    }

    static JsonNode parse(String text) {
        try {
            return Html.MAPPER.readTree(text);
        } catch (IOException e) {
            return Html.MAPPER.getNodeFactory().textNode(text);
        }
    }

    /** The picture after {@code upTo} events as JSON: the execution's status and each state's. */
    JsonNode picture(String arn, int upTo) {
        List<JsonNode> events = history(arn);
        ExecutionPicture.Shape shape = shape(arn);
        ObjectNode out = pictureJson(ExecutionPicture.of(events, upTo, shape), events.size());
        if (upTo > 0 && upTo <= events.size()) { // what the stepper's label says of event upTo
            JsonNode e = events.get(upTo - 1);
            out.putObject("at").put("type", e.path("type").asText()).put("state", EventScopes.of(events.subList(0, upTo)).state(e.path("id").asLong()));
        }
        return out;
    }

    /**
     * One Map iteration's picture: only the events of the iteration that starts at event
     * {@code startedEventId}, and {@code inside}, the states it may colour (the Map's nested states).
     */
    JsonNode iteration(String arn, String map, long startedEventId) {
        List<JsonNode> events = history(arn);
        EventScopes scopes = EventScopes.of(events);
        List<JsonNode> mine = new ArrayList<>();
        for (JsonNode e : events) if (scopes.iteration(e.path("id").asLong()) == startedEventId) mine.add(e);
        ExecutionPicture.Shape shape = shape(arn);
        ObjectNode out = pictureJson(ExecutionPicture.of(mine, -1, shape), events.size());
        ArrayNode inside = out.putArray("inside");
        shape.inside().getOrDefault(map, Set.of()).forEach(inside::add);
        return out;
    }

    /**
     * One Parallel branch's picture: only the events of the states in branch {@code index} (from
     * 0) of Parallel {@code parallel}, and {@code inside}, that branch's states.
     */
    JsonNode branch(String arn, String parallel, int index) {
        List<JsonNode> events = history(arn);
        ExecutionPicture.Shape shape = shape(arn);
        List<Set<String>> branches = shape.branches().getOrDefault(parallel, List.of());
        if (index < 0 || index >= branches.size()) {
            throw new Backend.Failure("ValidationException", "\"" + parallel + "\" has no branch " + (index + 1));
        }
        Set<String> names = branches.get(index);
        EventScopes scopes = EventScopes.of(events);
        List<JsonNode> mine = new ArrayList<>();
        for (JsonNode e : events) if (names.contains(scopes.state(e.path("id").asLong()))) mine.add(e);
        ObjectNode out = pictureJson(ExecutionPicture.of(mine, -1, shape), events.size());
        ArrayNode inside = out.putArray("inside");
        names.forEach(inside::add);
        return out;
    }

    /** The timeline of the whole execution ({@link Timeline}). */
    JsonNode timeline(String arn) {
        return Timeline.of(history(arn), shape(arn));
    }

    /** What the definition an execution ran adds to its history (see {@link ExecutionPicture.Shape}). */
    ExecutionPicture.Shape shape(String executionArn) {
        JsonNode m = backend.stepFunctions("DescribeStateMachineForExecution", Html.MAPPER.createObjectNode().put("executionArn", executionArn));
        return shapeOf(m.path("definition").asText());
    }

    static ExecutionPicture.Shape shapeOf(String definition) {
        try {
            JsonNode tree = DefinitionReader.read(definition);
            return ExecutionPicture.Shape.of(tree, Graphs.flow(tree));
        } catch (IllegalArgumentException e) {
            return ExecutionPicture.Shape.NONE;
        }
    }

    static ObjectNode pictureJson(ExecutionPicture p, int total) {
        ObjectNode out = Html.MAPPER.createObjectNode().put("status", p.executionStatus).put("events", total)
                .put("transitions", p.transitions);
        if (p.error != null) out.put("error", p.error);
        if (p.cause != null) out.put("cause", p.cause);
        ObjectNode states = out.putObject("states");
        for (StateRun r : p.states.values()) {
            ObjectNode s = states.putObject(r.name).put("type", r.type).put("status", r.status.name())
                    .put("class", ExecutionPicture.cssClass(r.status) + (r.retried ? " st-retried" : ""))
                    .put("entries", r.entries).put("retried", r.retried);
            if (r.input != null) s.set("input", r.input);
            if (r.output != null) s.set("output", r.output);
            if (r.variables != null) s.set("variables", r.variables);
            if (r.error != null) s.put("error", r.error);
            if (r.cause != null) s.put("cause", r.cause);
            if (r.exited > 0) s.put("durationMillis", r.exited - r.entered);
        }
        ArrayNode parallels = out.putArray("parallels"); // the branches one can choose
        p.shape().branches().forEach((name, list) -> parallels.addObject().put("state", name).put("branches", list.size()));
        ArrayNode its = out.putArray("iterations");
        for (Iteration it : p.iterations) {
            its.addObject().put("map", it.map()).put("index", it.index()).put("status", it.status().name()).put("event", it.startedEventId());
        }
        return out;
    }
}
