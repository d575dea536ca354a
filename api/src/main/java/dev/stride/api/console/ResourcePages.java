package dev.stride.api.console;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The local services' resources at a glance, read through each service's in-process API with
 * read-only actions only: queues with their message counts (and their messages, peeked without
 * being received), tables (scan or query by partition key), topics with their subscriptions,
 * buckets and objects, Batch jobs and ECS tasks with their logs.
 */
final class ResourcePages {
    private static final int ROWS = 50;
    private final Backend backend;

    ResourcePages(Backend backend) { this.backend = backend; }

    String overview() {
        List<String> services = backend.services();
        StringBuilder b = new StringBuilder("<h1>Local resources</h1>");
        if (services.isEmpty()) b.append("<p class=\"empty\">This server runs no local services.</p>");
        if (services.contains("sqs")) section(b, "Queues", "queues", this::queues);
        if (services.contains("dynamodb")) section(b, "Tables", "tables", this::tables);
        if (services.contains("sns")) section(b, "Topics", "topics", this::topics);
        if (services.contains("s3")) section(b, "Buckets", "buckets", this::buckets);
        if (services.contains("batch")) section(b, "Batch jobs", "batch", this::batchJobs);
        if (services.contains("ecs")) section(b, "ECS tasks", "ecs", this::ecsTasks);
        return Html.page("Local resources", b.toString());
    }

    /** One service's part of the page; a service that fails shows its error and spoils nothing else. */
    private static void section(StringBuilder b, String title, String id, Supplier<String> body) {
        b.append("<section id=\"").append(id).append("\"><h2>").append(title).append("</h2>");
        try {
            b.append(body.get());
        } catch (RuntimeException e) {
            b.append("<p class=\"failure\">").append(Html.esc(e.getMessage())).append("</p>");
        }
        b.append("</section>");
    }

    private String queues() {
        JsonNode list = backend.service("sqs", "ListQueues", obj());
        StringBuilder b = table("Queue", "Available", "In flight", "Delayed");
        int n = 0;
        for (JsonNode url : list.path("QueueUrls")) {
            n++;
            JsonNode attrs = backend.service("sqs", "GetQueueAttributes", obj().put("QueueUrl", url.asText()))
                    .path("Attributes");
            row(b, link("resources/queue?url=" + Html.url(url.asText()), name(url.asText())),
                    Html.esc(attrs.path("ApproximateNumberOfMessages").asText("0")),
                    Html.esc(attrs.path("ApproximateNumberOfMessagesNotVisible").asText("0")),
                    Html.esc(attrs.path("ApproximateNumberOfMessagesDelayed").asText("0")));
        }
        return end(b, n, "No queues.");
    }

    String queue(String url) {
        JsonNode attrs = backend.service("sqs", "GetQueueAttributes", obj().put("QueueUrl", url)).path("Attributes");
        JsonNode peek = backend.inspect("sqs", "PeekMessages", obj().put("QueueUrl", url).put("MaxNumberOfMessages", ROWS));
        StringBuilder b = new StringBuilder("<h1>Queue ").append(Html.esc(name(url))).append("</h1><p class=\"arn\">")
                .append(Html.esc(url)).append("</p><details><summary>Attributes</summary><pre>").append(Html.esc(Html.pretty(attrs)))
                .append("</pre></details><h2>Messages</h2>");
        if (peek == null) return Html.page(name(url), b.append("<p class=\"empty\">This SQS cannot be peeked.</p>").toString());
        b.append("<p>Peeked, not received: their visibility and receive counts are unchanged. ").append(peek.path("Total").asInt())
                .append(" in the queue.</p>");
        StringBuilder t = table("Message ID", "State", "Receives", "Group", "Body");
        for (JsonNode m : peek.path("Messages")) {
            row(t, Html.esc(m.path("MessageId").asText()), Html.esc(m.path("State").asText()), Html.esc(m.path("ReceiveCount").asText()),
                    Html.esc(m.path("MessageGroupId").asText("")), "<pre>" + Html.esc(m.path("Body").asText()) + "</pre>");
        }
        return Html.page(name(url), b.append(end(t, peek.path("Messages").size(), "No messages.")).toString());
    }

    private String tables() {
        JsonNode list = backend.service("dynamodb", "ListTables", obj());
        StringBuilder b = table("Table", "Items", "Key");
        int n = 0;
        for (JsonNode name : list.path("TableNames")) {
            n++;
            JsonNode t = backend.service("dynamodb", "DescribeTable", obj().put("TableName", name.asText())).path("Table");
            row(b, link("resources/table?name=" + Html.url(name.asText()), name.asText()), Html.esc(t.path("ItemCount").asText("?")),
                    Html.esc(keys(t)));
        }
        return end(b, n, "No tables.");
    }

    String table(String name, Map<String, String> q) {
        JsonNode t = backend.service("dynamodb", "DescribeTable", obj().put("TableName", name)).path("Table");
        String hash = null;
        for (JsonNode k : t.path("KeySchema")) if (k.path("KeyType").asText().equals("HASH")) hash = k.path("AttributeName").asText();
        String value = q.get("key");
        StringBuilder b = new StringBuilder("<h1>Table ").append(Html.esc(name)).append("</h1><p>Key: ").append(Html.esc(keys(t)))
                .append(" · ").append(Html.esc(t.path("ItemCount").asText("?"))).append(" items</p>");
        b.append("<form class=\"bar\" method=\"get\"><input type=\"hidden\" name=\"name\" value=\"").append(Html.esc(name))
                .append("\"><label>Query ").append(Html.esc(hash)).append(" = <input name=\"key\" value=\"").append(Html.esc(value))
                .append("\"></label><button>Query</button> <a href=\"table?name=").append(Html.url(name)).append("\">Scan</a></form>");
        JsonNode items;
        if (value != null && !value.isEmpty() && hash != null) {
            String type = "S";
            for (JsonNode d : t.path("AttributeDefinitions")) if (d.path("AttributeName").asText().equals(hash)) type = d.path("AttributeType").asText();
            ObjectNode req = obj().put("TableName", name).put("KeyConditionExpression", "#k = :v").put("Limit", ROWS);
            req.putObject("ExpressionAttributeNames").put("#k", hash);
            req.putObject("ExpressionAttributeValues").putObject(":v").put(type, value);
            items = backend.service("dynamodb", "Query", req);
        } else {
            items = backend.service("dynamodb", "Scan", obj().put("TableName", name).put("Limit", ROWS));
        }
        StringBuilder rows = table("Item");
        for (JsonNode item : items.path("Items")) row(rows, "<pre>" + Html.esc(Html.pretty(item)) + "</pre>");
        b.append(end(rows, items.path("Items").size(), "No items."));
        if (items.has("LastEvaluatedKey")) b.append("<p>First ").append(ROWS).append(" shown.</p>");
        return Html.page(name, b.toString());
    }

    private String topics() {
        JsonNode list = backend.service("sns", "ListTopics", obj());
        StringBuilder b = table("Topic", "Subscriptions");
        int n = 0;
        for (JsonNode topic : list.path("Topics")) {
            n++;
            String arn = topic.path("TopicArn").asText();
            JsonNode subs = backend.service("sns", "ListSubscriptionsByTopic", obj().put("TopicArn", arn));
            StringBuilder s = new StringBuilder("<ul>");
            for (JsonNode sub : subs.path("Subscriptions")) {
                s.append("<li>").append(Html.esc(sub.path("Protocol").asText())).append(": ").append(Html.esc(sub.path("Endpoint").asText()))
                        .append(sub.path("SubscriptionArn").asText().startsWith("arn:") ? "" : " (pending confirmation)").append("</li>");
            }
            row(b, Html.esc(name(arn)), s.append("</ul>").toString());
        }
        return end(b, n, "No topics.");
    }

    private String buckets() {
        JsonNode list = backend.service("s3", "ListBuckets", obj());
        StringBuilder b = table("Bucket", "Created");
        int n = 0;
        for (JsonNode bucket : list.path("Buckets")) {
            n++;
            String name = bucket.path("Name").asText();
            row(b, link("resources/bucket?name=" + Html.url(name), name), Html.esc(bucket.path("CreationDate").asText()));
        }
        return end(b, n, "No buckets.");
    }

    String bucket(String name, String prefix) {
        ObjectNode req = obj().put("Bucket", name).put("MaxKeys", 200);
        if (prefix != null && !prefix.isEmpty()) req.put("Prefix", prefix);
        JsonNode list = backend.service("s3", "ListObjectsV2", req);
        StringBuilder b = new StringBuilder("<h1>Bucket ").append(Html.esc(name)).append("</h1>")
                .append("<form class=\"bar\" method=\"get\"><input type=\"hidden\" name=\"name\" value=\"").append(Html.esc(name))
                .append("\"><input name=\"prefix\" placeholder=\"Prefix\" value=\"").append(Html.esc(prefix)).append("\"><button>List</button></form>");
        StringBuilder t = table("Key", "Size", "Modified");
        for (JsonNode o : list.path("Contents")) {
            row(t, Html.esc(o.path("Key").asText()), Html.esc(o.path("Size").asText()), Html.esc(o.path("LastModified").asText()));
        }
        b.append(end(t, list.path("Contents").size(), "No objects."));
        if (list.path("IsTruncated").asBoolean()) b.append("<p>First 200 shown.</p>");
        return Html.page(name, b.toString());
    }

    private String batchJobs() {
        JsonNode queues = backend.service("batch", "DescribeJobQueues", obj());
        StringBuilder b = table("Job", "Queue", "Status", "Reason", "Logs");
        int n = 0;
        for (JsonNode q : queues.path("JobQueues")) {
            String queue = q.path("JobQueueName").asText();
            for (String status : List.of("SUBMITTED", "PENDING", "RUNNABLE", "STARTING", "RUNNING", "SUCCEEDED", "FAILED")) {
                JsonNode jobs = backend.service("batch", "ListJobs", obj().put("JobQueue", queue).put("JobStatus", status));
                for (JsonNode j : jobs.path("JobSummaryList")) {
                    n++;
                    JsonNode d = backend.service("batch", "DescribeJobs", obj().set("Jobs", Html.MAPPER.createArrayNode().add(j.path("JobId").asText())))
                            .path("Jobs").path(0);
                    String stream = d.path("Container").path("LogStreamName").asText("");
                    row(b, Html.esc(j.path("JobName").asText() + " (" + j.path("JobId").asText() + ")"), Html.esc(queue), Html.status(status),
                            Html.esc(d.path("StatusReason").asText("")),
                            stream.isEmpty() ? "" : link("resources/logs?group=" + Html.url("/aws/batch/job") + "&stream=" + Html.url(stream), "logs"));
                }
            }
        }
        return end(b, n, "No jobs.");
    }

    private String ecsTasks() {
        JsonNode clusters = backend.service("ecs", "ListClusters", obj());
        StringBuilder b = table("Task", "Cluster", "Status", "Containers");
        int n = 0;
        for (JsonNode c : clusters.path("ClusterArns")) {
            String cluster = c.asText();
            for (String status : List.of("RUNNING", "STOPPED")) {
                JsonNode arns = backend.service("ecs", "ListTasks", obj().put("Cluster", cluster).put("DesiredStatus", status)).path("TaskArns");
                if (arns.isEmpty()) continue;
                ObjectNode req = obj().put("Cluster", cluster);
                req.set("Tasks", arns);
                for (JsonNode t : backend.service("ecs", "DescribeTasks", req).path("Tasks")) {
                    n++;
                    JsonNode definition = backend.service("ecs", "DescribeTaskDefinition",
                            obj().put("TaskDefinition", t.path("TaskDefinitionArn").asText())).path("TaskDefinition");
                    StringBuilder cs = new StringBuilder();
                    for (JsonNode ct : t.path("Containers")) {
                        cs.append(Html.esc(ct.path("Name").asText())).append(": ").append(Html.esc(ct.path("LastStatus").asText()));
                        if (ct.has("ExitCode")) cs.append(" (exit ").append(ct.path("ExitCode").asInt()).append(')');
                        String logs = ecsLogs(definition, ct.path("Name").asText(), name(t.path("TaskArn").asText()));
                        if (logs != null) cs.append(' ').append(logs);
                        cs.append("<br>");
                    }
                    row(b, Html.esc(name(t.path("TaskArn").asText())), Html.esc(name(cluster)), Html.status(t.path("LastStatus").asText()),
                            cs.toString());
                }
            }
        }
        return end(b, n, "No tasks.");
    }

    /** The link to a container's awslogs output: group {@code awslogs-group}, stream {@code prefix/container/task id} (ECS's form). */
    private static String ecsLogs(JsonNode taskDefinition, String container, String taskId) {
        for (JsonNode c : taskDefinition.path("ContainerDefinitions")) {
            if (!c.path("Name").asText().equals(container)) continue;
            JsonNode config = c.path("LogConfiguration");
            if (!"awslogs".equals(config.path("LogDriver").asText())) return null;
            JsonNode options = config.path("Options");
            String group = options.path("awslogs-group").asText(null);
            if (group == null) return null;
            String prefix = options.path("awslogs-stream-prefix").asText(null);
            String stream = prefix == null ? taskId : prefix + "/" + container + "/" + taskId;
            return link("resources/logs?group=" + Html.url(group) + "&stream=" + Html.url(stream), "logs");
        }
        return null;
    }

    String logs(String group, String stream) {
        JsonNode events = backend.service("logs", "GetLogEvents", obj().put("LogGroupName", group).put("LogStreamName", stream)
                .put("StartFromHead", true));
        StringBuilder b = new StringBuilder("<h1>Logs</h1><p class=\"arn\">").append(Html.esc(group + " / " + stream)).append("</p><pre class=\"logs\">");
        JsonNode list = events.has("Events") ? events.path("Events") : events.path("events");
        for (JsonNode e : list) b.append(Html.esc(e.has("Message") ? e.path("Message").asText() : e.path("message").asText())).append('\n');
        return Html.page("Logs", b.append("</pre>").toString());
    }

    private static String keys(JsonNode table) {
        StringBuilder k = new StringBuilder();
        for (JsonNode e : table.path("KeySchema")) {
            if (k.length() > 0) k.append(", ");
            k.append(e.path("AttributeName").asText()).append(" (").append(e.path("KeyType").asText()).append(')');
        }
        return k.toString();
    }

    private static String name(String urlOrArn) {
        int cut = Math.max(urlOrArn.lastIndexOf('/'), urlOrArn.lastIndexOf(':'));
        return cut < 0 ? urlOrArn : urlOrArn.substring(cut + 1);
    }

    private static String link(String href, String text) {
        return "<a href=\"" + Console.PREFIX + Html.esc(href) + "\">" + Html.esc(text) + "</a>";
    }

    private static StringBuilder table(String... heads) {
        StringBuilder b = new StringBuilder("<table class=\"list\"><thead><tr>");
        for (String h : heads) b.append("<th>").append(Html.esc(h)).append("</th>");
        return b.append("</tr></thead><tbody>");
    }

    private static void row(StringBuilder b, String... cells) {
        b.append("<tr>");
        for (String c : cells) b.append("<td>").append(c).append("</td>");
        b.append("</tr>");
    }

    private static String end(StringBuilder b, int rows, String none) {
        b.append("</tbody></table>");
        if (rows == 0) b.append("<p class=\"empty\">").append(none).append("</p>");
        return b.toString();
    }

    private static ObjectNode obj() { return Html.MAPPER.createObjectNode(); }
}
