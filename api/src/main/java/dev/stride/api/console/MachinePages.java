package dev.stride.api.console;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.stride.asl.read.DefinitionReader;
import dev.stride.graph.Lint;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The state machine list (with search) and one machine's page: its graph, definition, executions and a start form. */
final class MachinePages {
    static final int PAGE_SIZE = 25;
    private static final List<String> STATUSES = List.of("RUNNING", "SUCCEEDED", "FAILED", "TIMED_OUT", "ABORTED", "PENDING_REDRIVE");
    private static final YAMLMapper YAML = YAMLMapper.builder().disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
            .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES).build();

    private final Backend backend;
    private final Drawings drawings;
    private final MachineVersions versions;

    MachinePages(Backend backend, Drawings drawings) {
        this.backend = backend;
        this.drawings = drawings;
        this.versions = new MachineVersions(backend, this);
    }

    MachineVersions versions() { return versions; }

    String list(String search) {
        List<JsonNode> all = backend.every("ListStateMachines", Html.MAPPER.createObjectNode(), "stateMachines");
        StringBuilder b = new StringBuilder("<h1>State machines</h1>");
        b.append("<form class=\"bar\" method=\"get\"><input type=\"search\" name=\"q\" placeholder=\"Search by name\" value=\"")
                .append(Html.esc(search)).append("\"><button>Search</button></form>");
        b.append("<table class=\"list\" id=\"machines\"><thead><tr><th>Name</th><th>Type</th><th>Created</th></tr></thead><tbody>");
        int shown = 0;
        for (JsonNode m : all) {
            String name = m.path("name").asText();
            if (!matches(name, search)) continue;
            shown++;
            b.append("<tr><td><a href=\"machine?arn=").append(Html.url(m.path("stateMachineArn").asText())).append("\">")
                    .append(Html.esc(name)).append("</a></td><td>").append(Html.esc(m.path("type").asText())).append("</td><td>")
                    .append(Html.date(m.get("creationDate"))).append("</td></tr>");
        }
        b.append("</tbody></table>");
        if (shown == 0) b.append("<p class=\"empty\">").append(all.isEmpty()
                ? "No state machines yet: create one with <code>aws stepfunctions create-state-machine</code> or an SDK."
                : "No state machine matches.").append("</p>");
        return Html.page("State machines", b.toString());
    }

    String machine(String arn, Map<String, String> q) {
        JsonNode m = backend.stepFunctions("DescribeStateMachine", Html.MAPPER.createObjectNode().put("stateMachineArn", arn));
        String definition = m.path("definition").asText();
        String name = m.path("name").asText();
        String type = m.path("type").asText();
        boolean version = MachineVersions.qualified(arn);
        StringBuilder b = new StringBuilder();
        b.append("<h1>").append(Html.esc(name)).append(" <small>").append(Html.esc(type))
                .append(version ? " · version " + Html.esc(arn.substring(arn.lastIndexOf(':') + 1)) : "").append("</small></h1>");
        b.append("<p class=\"arn\">").append(Html.esc(arn));
        if (version) {
            b.append(" · a published version of <a href=\"machine?arn=").append(Html.url(arn.substring(0, arn.lastIndexOf(':'))))
                    .append("\">").append(Html.esc(name)).append("</a>");
            if (m.hasNonNull("description")) b.append(" · ").append(Html.esc(m.get("description").asText()));
        }
        b.append("</p>");
        b.append("<section class=\"split\"><div class=\"graph\" id=\"graph\">").append(drawings.svg(definition, s -> null)).append("</div>");
        b.append("<div class=\"side\">").append(startForm(arn, type)).append(warnings(definition)).append("</div></section>");
        b.append(executions(arn, type, q, "machine"));
        if (!version) b.append(versions.section(arn));
        b.append(definitionViews(definition));
        return Html.page(name, b.toString());
    }

    /** An alias's page body below its facts: the start form (running through the alias) and its executions. */
    String startAndExecutions(String arn, String type, Map<String, String> q, String pageName) {
        return "<div class=\"side narrow\">" + startForm(arn, type) + "</div>" + executions(arn, type, q, pageName);
    }

    private static String startForm(String arn, String type) {
        return "<form class=\"start\" id=\"start\" data-arn=\"" + Html.esc(arn) + "\" data-type=\"" + Html.esc(type) + "\">"
                + "<h2>Start an execution</h2><label>Name (optional)<input name=\"name\" autocomplete=\"off\"></label>"
                + "<label>Input<textarea name=\"input\" rows=\"6\" spellcheck=\"false\">{}</textarea></label>"
                + "<button type=\"submit\">Start execution</button><p class=\"message\"></p></form>";
    }

    private static String warnings(String definition) {
        List<Lint.Warning> found;
        try {
            found = Lint.check(DefinitionReader.read(definition));
        } catch (IllegalArgumentException e) {
            return "";
        }
        if (found.isEmpty()) return "<p class=\"lint ok\">No warnings from static analysis.</p>";
        StringBuilder b = new StringBuilder("<div class=\"lint\"><h2>Warnings</h2><ul>");
        for (Lint.Warning w : found) {
            b.append("<li><code>").append(Html.esc(w.location())).append("</code> ").append(Html.esc(w.message())).append("</li>");
        }
        return b.append("</ul></div>").toString();
    }

    private static String definitionViews(String definition) {
        String json = definition;
        String yaml = "";
        try {
            JsonNode tree = DefinitionReader.read(definition);
            json = Html.pretty(tree);
            yaml = YAML.writeValueAsString(tree);
        } catch (IllegalArgumentException | IOException e) {
            yaml = "(cannot show as YAML: " + e.getMessage() + ")";
        }
        return "<section class=\"definition\"><h2>Definition</h2>"
                + "<details open><summary>JSON</summary><pre id=\"definition-json\">" + Html.esc(json) + "</pre></details>"
                + "<details><summary>YAML</summary><pre id=\"definition-yaml\">" + Html.esc(yaml) + "</pre></details></section>";
    }

    /**
     * One page of executions, never all of them: without a search, one ListExecutions call of
     * {@link #PAGE_SIZE} with the token of the page before ({@code ?next=}); with a search, pages
     * of 1000 read until the wanted page of matches is full.
     */
    private String executions(String arn, String type, Map<String, String> q, String pageName) {
        StringBuilder b = new StringBuilder("<section class=\"executions\"><h2>Executions</h2>");
        if (type.equals("EXPRESS")) {
            return b.append("<p class=\"empty\">Express executions are not listed (as on AWS, ListExecutions does not serve them); "
                    + "their results come back to the caller.</p></section>").toString();
        }
        String status = q.get("status");
        if (status != null && !STATUSES.contains(status)) status = null;
        String search = q.get("q") == null || q.get("q").isBlank() ? null : q.get("q");
        int page = Math.max(1, parse(q.get("page")));
        b.append(filterForm(arn, status, search));
        ObjectNode req = Html.MAPPER.createObjectNode().put("stateMachineArn", arn);
        if (status != null) req.put("statusFilter", status);
        ExecutionRows rows = search == null ? onePage(req, q.get("next")) : matching(req, search, page);
        b.append("<table class=\"list\" id=\"executions\"><thead><tr><th>Name</th><th>Status</th><th>Started</th><th>Stopped</th>")
                .append("</tr></thead><tbody>");
        for (JsonNode e : rows.shown) {
            b.append("<tr><td><a href=\"execution?arn=").append(Html.url(e.path("executionArn").asText())).append("\">")
                    .append(Html.esc(e.path("name").asText())).append("</a></td><td>").append(Html.status(e.path("status").asText()))
                    .append("</td><td>").append(Html.date(e.get("startDate"))).append("</td><td>").append(Html.date(e.get("stopDate")))
                    .append("</td></tr>");
        }
        b.append("</tbody></table>");
        boolean later = page > 1 || q.containsKey("next");
        if (rows.shown.isEmpty()) b.append("<p class=\"empty\">No executions")
                .append(status != null || search != null ? " match." : later ? " on this page." : " yet.").append("</p>");
        String base = pageName + "?arn=" + Html.url(arn) + (status == null ? "" : "&status=" + status)
                + (search == null ? "" : "&q=" + Html.url(search));
        if (later || rows.next != null) {
            b.append("<p class=\"pager\">");
            if (later) b.append("<a href=\"").append(Html.esc(base)).append("\">First page</a> ");
            b.append("<b>page ").append(page).append("</b> ");
            if (rows.next != null) {
                b.append("<a rel=\"next\" href=\"").append(Html.esc(base + "&page=" + (page + 1) + rows.next)).append("\">Next page</a>");
            }
            b.append("</p>");
        }
        return b.append("</section>").toString();
    }

    private static String filterForm(String arn, String status, String search) {
        StringBuilder b = new StringBuilder("<form class=\"bar\" method=\"get\"><input type=\"hidden\" name=\"arn\" value=\"")
                .append(Html.esc(arn)).append("\"><select name=\"status\"><option value=\"\">Any status</option>");
        for (String s : STATUSES) {
            b.append("<option").append(s.equals(status) ? " selected" : "").append('>').append(s).append("</option>");
        }
        return b.append("</select><input type=\"search\" name=\"q\" placeholder=\"Search by name\" value=\"").append(Html.esc(search))
                .append("\"><button>Filter</button></form>").toString();
    }

    /** The executions a page shows, and the query suffix of the next page (null on the last). */
    private record ExecutionRows(List<JsonNode> shown, String next) {}

    private ExecutionRows onePage(ObjectNode req, String token) {
        req.put("maxResults", PAGE_SIZE);
        if (token != null && !token.isEmpty()) req.put("nextToken", token);
        JsonNode page = backend.stepFunctions("ListExecutions", req);
        List<JsonNode> shown = new ArrayList<>();
        page.path("executions").forEach(shown::add);
        return new ExecutionRows(shown, page.hasNonNull("nextToken") ? "&next=" + Html.url(page.get("nextToken").asText()) : null);
    }

    private ExecutionRows matching(ObjectNode req, String search, int page) {
        int skip = (page - 1) * PAGE_SIZE;
        List<JsonNode> shown = new ArrayList<>();
        req.put("maxResults", 1000);
        while (true) {
            JsonNode batch = backend.stepFunctions("ListExecutions", req);
            for (JsonNode e : batch.path("executions")) {
                if (!matches(e.path("name").asText(), search)) continue;
                if (skip > 0) {
                    skip--;
                } else if (shown.size() == PAGE_SIZE) {
                    return new ExecutionRows(shown, ""); // one match more: there is a next page
                } else {
                    shown.add(e);
                }
            }
            if (!batch.hasNonNull("nextToken")) return new ExecutionRows(shown, null);
            req.put("nextToken", batch.get("nextToken").asText());
        }
    }

    private static boolean matches(String name, String search) {
        return search == null || search.isBlank() || name.toLowerCase(Locale.ROOT).contains(search.trim().toLowerCase(Locale.ROOT));
    }

    private static int parse(String text) {
        try {
            return text == null ? 1 : Integer.parseInt(text);
        } catch (NumberFormatException e) {
            return 1;
        }
    }
}
