package dev.stride.api.console;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;

/**
 * Distributed Map Runs: ListMapRuns is per execution, so the overview asks it for the latest
 * executions ({@link #RECENT}) of each machine whose definition holds a distributed Map; a Map
 * Run's page shows DescribeMapRun (status, item and execution counts, tolerated failures,
 * concurrency) and its child executions as ListExecutions with its mapRunArn answers.
 */
final class MapRunPages {
    static final int RECENT = 20;
    private static final List<String> COUNTS = List.of("pending", "running", "succeeded", "failed", "timedOut", "aborted", "total",
            "resultsWritten", "failuresNotRedrivable", "pendingRedrive");
    private final Backend backend;

    MapRunPages(Backend backend) { this.backend = backend; }

    String overview() {
        StringBuilder b = new StringBuilder("<h1>Map Runs</h1><p class=\"empty\">The distributed Map Runs of the latest ")
                .append(RECENT).append(" executions of each state machine with a distributed Map; an execution's page lists all of its own.</p>");
        List<JsonNode> runs = new ArrayList<>();
        for (JsonNode m : backend.every("ListStateMachines", Html.MAPPER.createObjectNode(), "stateMachines")) {
            if (!"STANDARD".equals(m.path("type").asText())) continue;
            String arn = m.path("stateMachineArn").asText();
            String definition = backend.stepFunctions("DescribeStateMachine", Html.MAPPER.createObjectNode().put("stateMachineArn", arn))
                    .path("definition").asText();
            if (!definition.contains("DISTRIBUTED")) continue;
            JsonNode latest = backend.stepFunctions("ListExecutions", Html.MAPPER.createObjectNode().put("stateMachineArn", arn)
                    .put("maxResults", RECENT));
            for (JsonNode e : latest.path("executions")) runs.addAll(ofExecution(e.path("executionArn").asText()));
        }
        b.append(table(runs, true));
        return Html.page("Map Runs", b.toString());
    }

    /** An execution's Map Runs (ListMapRuns), for its page; empty when it has none. */
    String section(String executionArn) {
        List<JsonNode> runs;
        try {
            runs = ofExecution(executionArn);
        } catch (Backend.Failure notListed) { // an Express execution's Map Runs are not listed, as on AWS
            return "";
        }
        return runs.isEmpty() ? "" : "<section id=\"map-runs\"><h2>Map Runs</h2>" + table(runs, false) + "</section>";
    }

    String mapRun(String arn) {
        ObjectNode req = Html.MAPPER.createObjectNode().put("mapRunArn", arn);
        JsonNode run = backend.stepFunctions("DescribeMapRun", req);
        String executionArn = run.path("executionArn").asText();
        StringBuilder b = new StringBuilder("<h1>Map Run <small>").append(Html.esc(arn.substring(arn.lastIndexOf(':') + 1)))
                .append("</small> <span id=\"status\">").append(Html.status(run.path("status").asText())).append("</span></h1>");
        b.append("<p class=\"arn\">").append(Html.esc(arn)).append(" · of <a href=\"execution?arn=").append(Html.url(executionArn))
                .append("\">").append(Html.esc(executionArn.substring(executionArn.lastIndexOf(':') + 1))).append("</a></p>");
        b.append("<dl class=\"facts\" id=\"map-run-facts\">");
        fact(b, "Started", Html.date(run.get("startDate")));
        fact(b, "Stopped", Html.date(run.get("stopDate")));
        fact(b, "Max concurrency", run.path("maxConcurrency").asInt() == 0 ? "unlimited (0)" : run.path("maxConcurrency").asText());
        fact(b, "Tolerated failure", run.path("toleratedFailurePercentage").asText() + "% or " + run.path("toleratedFailureCount").asText() + " items");
        fact(b, "Redriven", run.path("redriveCount").asText("0") + " times");
        b.append("</dl><table class=\"list\" id=\"map-run-counts\"><thead><tr><th>Count</th><th>Items</th><th>Child executions</th></tr>")
                .append("</thead><tbody>");
        for (String c : COUNTS) {
            b.append("<tr><td>").append(c).append("</td><td>").append(run.path("itemCounts").path(c).asText(""))
                    .append("</td><td>").append(run.path("executionCounts").path(c).asText("")).append("</td></tr>");
        }
        b.append("</tbody></table><h2>Child executions</h2>");
        List<JsonNode> children = backend.stepFunctions("ListExecutions", req.deepCopy().put("maxResults", 100)).path("executions")
                .valueStream().toList();
        if (children.isEmpty()) {
            b.append("<p class=\"empty\" id=\"map-run-children\">No child executions listed (not started yet, or Express children, which are not listed).</p>");
        } else {
            b.append("<table class=\"list\" id=\"map-run-children\"><thead><tr><th>Name</th><th>Status</th><th>Started</th></tr></thead><tbody>");
            for (JsonNode e : children) {
                b.append("<tr><td><a href=\"execution?arn=").append(Html.url(e.path("executionArn").asText())).append("\">")
                        .append(Html.esc(e.path("name").asText())).append("</a></td><td>").append(Html.status(e.path("status").asText()))
                        .append("</td><td>").append(Html.date(e.get("startDate"))).append("</td></tr>");
            }
            b.append("</tbody></table>");
        }
        return Html.page("Map Run", b.toString());
    }

    private List<JsonNode> ofExecution(String executionArn) {
        return backend.every("ListMapRuns", Html.MAPPER.createObjectNode().put("executionArn", executionArn), "mapRuns");
    }

    private String table(List<JsonNode> runs, boolean withExecution) {
        if (runs.isEmpty()) return "<p class=\"empty\">No Map Runs.</p>";
        StringBuilder b = new StringBuilder("<table class=\"list\" id=\"map-run-list\"><thead><tr><th>Map Run</th>")
                .append(withExecution ? "<th>Execution</th>" : "").append("<th>Status</th><th>Started</th><th>Stopped</th></tr></thead><tbody>");
        for (JsonNode r : runs) {
            String arn = r.path("mapRunArn").asText();
            String execution = r.path("executionArn").asText();
            JsonNode described = backend.stepFunctions("DescribeMapRun", Html.MAPPER.createObjectNode().put("mapRunArn", arn));
            b.append("<tr><td><a href=\"map-run?arn=").append(Html.url(arn)).append("\">").append(Html.esc(arn.substring(arn.indexOf(":mapRun:") + 8)))
                    .append("</a></td>");
            if (withExecution) {
                b.append("<td><a href=\"execution?arn=").append(Html.url(execution)).append("\">")
                        .append(Html.esc(execution.substring(execution.lastIndexOf(':') + 1))).append("</a></td>");
            }
            b.append("<td>").append(Html.status(described.path("status").asText())).append("</td><td>").append(Html.date(r.get("startDate")))
                    .append("</td><td>").append(Html.date(r.get("stopDate"))).append("</td></tr>");
        }
        return b.append("</tbody></table>").toString();
    }

    private static void fact(StringBuilder b, String name, String value) {
        b.append("<dt>").append(Html.esc(name)).append("</dt><dd>").append(Html.esc(value)).append("</dd>");
    }
}
