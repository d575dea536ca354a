package dev.stride.api.console;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/**
 * Activities (ListActivities, DescribeActivity). An activity's page also names the state
 * machines whose definitions mention its ARN, the ones whose workers poll it.
 */
final class ActivityPages {
    private final Backend backend;

    ActivityPages(Backend backend) { this.backend = backend; }

    String list() {
        List<JsonNode> all = backend.every("ListActivities", Html.MAPPER.createObjectNode(), "activities");
        StringBuilder b = new StringBuilder("<h1>Activities</h1>");
        if (all.isEmpty()) {
            return Html.page("Activities", b.append("<p class=\"empty\">No activities yet: create one with "
                    + "<code>aws stepfunctions create-activity --name NAME</code>.</p>").toString());
        }
        b.append("<table class=\"list\" id=\"activities\"><thead><tr><th>Name</th><th>ARN</th><th>Created</th></tr></thead><tbody>");
        for (JsonNode a : all) {
            String arn = a.path("activityArn").asText();
            b.append("<tr><td><a href=\"activity?arn=").append(Html.url(arn)).append("\">").append(Html.esc(a.path("name").asText()))
                    .append("</a></td><td class=\"arn\">").append(Html.esc(arn)).append("</td><td>").append(Html.date(a.get("creationDate")))
                    .append("</td></tr>");
        }
        return Html.page("Activities", b.append("</tbody></table>").toString());
    }

    String activity(String arn) {
        JsonNode a = backend.stepFunctions("DescribeActivity", Html.MAPPER.createObjectNode().put("activityArn", arn));
        StringBuilder b = new StringBuilder("<h1>").append(Html.esc(a.path("name").asText())).append(" <small>activity</small></h1>");
        b.append("<p class=\"arn\">").append(Html.esc(arn)).append("</p><dl class=\"facts\"><dt>Created</dt><dd>")
                .append(Html.date(a.get("creationDate"))).append("</dd></dl>");
        b.append("<p>Workers take its tasks with <code>aws stepfunctions get-activity-task --activity-arn ").append(Html.esc(arn))
                .append("</code> and answer with send-task-success or send-task-failure.</p><h2>Used by</h2>");
        StringBuilder users = new StringBuilder();
        for (JsonNode m : backend.every("ListStateMachines", Html.MAPPER.createObjectNode(), "stateMachines")) {
            String machineArn = m.path("stateMachineArn").asText();
            String definition = backend.stepFunctions("DescribeStateMachine", Html.MAPPER.createObjectNode().put("stateMachineArn", machineArn))
                    .path("definition").asText();
            if (definition.contains(arn)) {
                users.append("<li><a href=\"machine?arn=").append(Html.url(machineArn)).append("\">").append(Html.esc(m.path("name").asText()))
                        .append("</a></li>");
            }
        }
        b.append(users.isEmpty() ? "<p class=\"empty\">No state machine's definition names this activity.</p>"
                : "<ul id=\"activity-users\">" + users + "</ul>");
        return Html.page(a.path("name").asText(), b.toString());
    }
}
