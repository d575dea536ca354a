package dev.stride.api.console;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Map;

/**
 * A machine's published versions and aliases (ListStateMachineVersions, ListStateMachineAliases,
 * DescribeStateMachineAlias), and an alias's own page. A version links to the machine page of its
 * ARN (that version's definition, its executions, a start form that runs it); an alias shows
 * its routing weights, each version linked, and the executions started through it.
 */
final class MachineVersions {
    private final Backend backend;
    private final MachinePages machines;

    MachineVersions(Backend backend, MachinePages machines) {
        this.backend = backend;
        this.machines = machines;
    }

    /** True for a version's or an alias's ARN ({@code ...:stateMachine:NAME:QUALIFIER}). */
    static boolean qualified(String arn) {
        int at = arn.indexOf(":stateMachine:");
        return at >= 0 && arn.indexOf(':', at + ":stateMachine:".length()) >= 0;
    }

    /** The section on an unqualified machine's page; empty when it has neither. */
    String section(String machineArn) {
        ObjectNode req = Html.MAPPER.createObjectNode().put("stateMachineArn", machineArn);
        List<JsonNode> versions = backend.every("ListStateMachineVersions", req, "stateMachineVersions");
        List<JsonNode> aliases = backend.every("ListStateMachineAliases", req, "stateMachineAliases");
        StringBuilder b = new StringBuilder("<section class=\"versions\" id=\"versions\"><h2>Versions and aliases</h2>");
        if (versions.isEmpty() && aliases.isEmpty()) {
            return b.append("<p class=\"empty\">No published versions or aliases (PublishStateMachineVersion, CreateStateMachineAlias).</p>")
                    .append("</section>").toString();
        }
        b.append("<div class=\"columns\"><table class=\"list\" id=\"version-list\"><thead><tr><th>Version</th><th>Published</th></tr></thead><tbody>");
        for (JsonNode v : versions) {
            String arn = v.path("stateMachineVersionArn").asText();
            b.append("<tr><td>").append(versionLink(arn)).append("</td><td>").append(Html.date(v.get("creationDate"))).append("</td></tr>");
        }
        b.append("</tbody></table><table class=\"list\" id=\"alias-list\"><thead><tr><th>Alias</th><th>Routes to</th></tr></thead><tbody>");
        for (JsonNode a : aliases) {
            String arn = a.path("stateMachineAliasArn").asText();
            JsonNode alias = backend.stepFunctions("DescribeStateMachineAlias", Html.MAPPER.createObjectNode().put("stateMachineAliasArn", arn));
            b.append("<tr><td><a href=\"alias?arn=").append(Html.url(arn)).append("\">").append(Html.esc(alias.path("name").asText()))
                    .append("</a></td><td>").append(routing(alias)).append("</td></tr>");
        }
        return b.append("</tbody></table></div></section>").toString();
    }

    /** An alias: its description, routing and the executions started through it. */
    String alias(String aliasArn, Map<String, String> q) {
        JsonNode a = backend.stepFunctions("DescribeStateMachineAlias", Html.MAPPER.createObjectNode().put("stateMachineAliasArn", aliasArn));
        String machineArn = aliasArn.substring(0, aliasArn.lastIndexOf(':'));
        StringBuilder b = new StringBuilder("<h1>").append(Html.esc(a.path("name").asText())).append(" <small>alias</small></h1>");
        b.append("<p class=\"arn\">").append(Html.esc(aliasArn)).append(" · alias of <a href=\"machine?arn=").append(Html.url(machineArn))
                .append("\">").append(Html.esc(machineArn.substring(machineArn.lastIndexOf(':') + 1))).append("</a></p>");
        if (a.hasNonNull("description")) b.append("<p>").append(Html.esc(a.get("description").asText())).append("</p>");
        b.append("<dl class=\"facts\"><dt>Routes to</dt><dd id=\"routing\">").append(routing(a)).append("</dd><dt>Created</dt><dd>")
                .append(Html.date(a.get("creationDate"))).append("</dd><dt>Updated</dt><dd>").append(Html.date(a.get("updateDate")))
                .append("</dd></dl>");
        String type = backend.stepFunctions("DescribeStateMachine", Html.MAPPER.createObjectNode().put("stateMachineArn", machineArn))
                .path("type").asText();
        b.append(machines.startAndExecutions(aliasArn, type, q, "alias"));
        return Html.page(a.path("name").asText(), b.toString());
    }

    private static String routing(JsonNode alias) {
        StringBuilder b = new StringBuilder();
        for (JsonNode r : alias.path("routingConfiguration")) {
            if (!b.isEmpty()) b.append(", ");
            b.append(versionLink(r.path("stateMachineVersionArn").asText())).append(' ').append(r.path("weight").asInt()).append('%');
        }
        return b.toString();
    }

    private static String versionLink(String versionArn) {
        return "<a href=\"machine?arn=" + Html.url(versionArn) + "\">version " + Html.esc(versionArn.substring(versionArn.lastIndexOf(':') + 1))
                + "</a>";
    }
}
