package dev.stride.examples.approval;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.stride.examples.Checks;
import dev.stride.examples.Example;
import dev.stride.examples.ExampleRun;
import dev.stride.examples.Outcome;
import dev.stride.examples.Plan;
import dev.stride.examples.Running;
import dev.stride.examples.Session;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/**
 * A workflow that waits for a person: the request goes out on SNS with its task token, reaches the
 * reviewer's SQS queue, and the reviewer (played here by {@link #alongside}, after printing how a
 * person would answer) approves through the link, or rejects from the command line, or does not
 * answer at all. The outcome goes to the requester's SQS queue in each case.
 */
public final class ApprovalMessages implements Example {
    private static final ObjectMapper JSON = new ObjectMapper();
    static final int HEARTBEAT_SECONDS = 60;
    static final int NO_ANSWER_HEARTBEAT_SECONDS = 2;

    private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
    private String inboxName;
    private String inboxUrl;
    private String resultsName;
    private String resultsUrl;
    private String topicArn;
    // what the reviewer saw and did, for the checks
    private volatile JsonNode request;
    private volatile int confirmPage;
    private volatile String statusAfterOpening;
    private volatile int pressed;

    @Override public String name() { return "approval-messages"; }

    @Override public String summary() {
        return "Sends an approval request with a task token over SNS to an SQS queue and waits for a person: approved by a link, rejected from the command line, or timed out by its heartbeat.";
    }

    @Override public String definition() { return "examples/approval-messages/statemachine.asl.json"; }

    @Override public Map<String, String> flags() {
        Map<String, String> flags = new LinkedHashMap<>();
        flags.put("reject", "the reviewer rejects from the command line (SendTaskSuccess with decision rejected)");
        flags.put("no-answer", "nobody answers: the " + NO_ANSWER_HEARTBEAT_SECONDS + "-second heartbeat runs out");
        return flags;
    }

    @Override
    public Plan prepare(Session s) throws Exception {
        topicArn = s.sns().createTopic(b -> b.name(s.name("approval-requests"))).topicArn();
        inboxName = s.name("reviewer-inbox");
        inboxUrl = s.sqs().createQueue(b -> b.queueName(inboxName)).queueUrl();
        String inboxArn = s.sqs().getQueueAttributes(b -> b.queueUrl(inboxUrl).attributeNames(QueueAttributeName.QUEUE_ARN))
                .attributes().get(QueueAttributeName.QUEUE_ARN);
        s.sns().subscribe(b -> b.topicArn(topicArn).protocol("sqs").endpoint(inboxArn).attributes(Map.of("RawMessageDelivery", "true")));
        s.say("Created SNS topic " + topicArn + ", delivering to the reviewer's SQS queue " + inboxName);
        resultsName = s.name("approval-results");
        resultsUrl = s.sqs().createQueue(b -> b.queueName(resultsName)).queueUrl();
        s.say("Created SQS queue " + resultsName + " for the outcome");
        ObjectNode input = (ObjectNode) JSON.readTree(ExampleRun.read("examples/approval-messages/request.json"));
        input.put("heartbeatSeconds", s.flag("no-answer") ? NO_ANSWER_HEARTBEAT_SECONDS : HEARTBEAT_SECONDS);
        String endpoint = s.endpoint().toString().replaceAll("/+$", "");
        return new Plan(input, Map.of("ApprovalTopicArn", topicArn, "ResultsQueueUrl", resultsUrl, "StrideEndpoint", endpoint));
    }

    /** The reviewer: reads the request from the queue, shows how to answer, then answers as the flags say. */
    @Override
    public void alongside(Session s, Running running) throws Exception {
        Message m = null;
        while (m == null && !running.ended()) {
            List<Message> got = s.sqs().receiveMessage(b -> b.queueUrl(inboxUrl).waitTimeSeconds(1)).messages();
            if (!got.isEmpty()) m = got.get(0);
        }
        if (m == null) return;
        String receipt = m.receiptHandle();
        s.sqs().deleteMessage(b -> b.queueUrl(inboxUrl).receiptHandle(receipt));
        JsonNode msg = JSON.readTree(m.body());
        request = msg;
        String token = msg.path("taskToken").asText();
        JsonNode req = msg.path("request");
        s.say("   reviewer: request " + req.path("id").asText() + " \"" + req.path("summary").asText() + "\" from "
                + req.path("requestedBy").asText() + ", read from " + inboxName);
        s.say("   reviewer: to approve:  " + s.aws("stepfunctions", "send-task-success --task-token " + token
                + " --task-output '{\"decision\":\"approved\",\"via\":\"command line\"}'"));
        s.say("   reviewer: to reject:   " + s.aws("stepfunctions", "send-task-success --task-token " + token
                + " --task-output '{\"decision\":\"rejected\",\"via\":\"command line\"}'"));
        s.say("   reviewer: or open      " + msg.path("approve").asText() + "   (or .../reject)");
        if (s.flag("no-answer")) {
            s.say("   reviewer: (nobody answers; the heartbeat of " + NO_ANSWER_HEARTBEAT_SECONDS + " s runs out)");
            return;
        }
        s.sfn().sendTaskHeartbeat(b -> b.taskToken(token));
        s.say("   reviewer: heartbeat sent (the request was seen)");
        if (s.flag("reject")) {
            s.sfn().sendTaskSuccess(b -> b.taskToken(token).output("{\"decision\":\"rejected\",\"via\":\"command line\"}"));
            s.say("   reviewer: rejected from the command line (SendTaskSuccess)");
            return;
        }
        URI link = URI.create(msg.path("approve").asText());
        HttpResponse<String> page = http.send(HttpRequest.newBuilder(link).GET().build(), HttpResponse.BodyHandlers.ofString());
        confirmPage = page.statusCode();
        statusAfterOpening = s.sfn().describeExecution(b -> b.executionArn(running.executionArn())).statusAsString();
        s.say("   reviewer: opened the approve link: HTTP " + page.statusCode() + ", \"" + title(page.body()) + "\"");
        HttpResponse<String> done = http.send(HttpRequest.newBuilder(link).POST(HttpRequest.BodyPublishers.noBody()).build(),
                HttpResponse.BodyHandlers.ofString());
        pressed = done.statusCode();
        s.say("   reviewer: pressed Approve: HTTP " + done.statusCode() + ", \"" + title(done.body()) + "\"");
    }

    @Override
    public void check(Session s, Outcome outcome, Checks checks) throws Exception {
        // Look without taking: the outcome stays in the queue for whoever checks next (aws CLI, tests).
        // SQS delivers at least once: the same message may come twice, so they count by id.
        Map<String, Message> byId = new LinkedHashMap<>();
        s.sqs().receiveMessage(b -> b.queueUrl(resultsUrl).maxNumberOfMessages(10).waitTimeSeconds(1).visibilityTimeout(0))
                .messages().forEach(m -> byId.putIfAbsent(m.messageId(), m));
        List<Message> results = List.copyOf(byId.values());
        JsonNode result = results.isEmpty() ? JSON.createObjectNode() : JSON.readTree(results.get(0).body());
        s.say("Effects:");
        s.say("  topic " + topicArn + ": the request with its task token, delivered to queue " + inboxName);
        s.say("  queue " + resultsName + ": " + (results.isEmpty() ? "no message" : results.get(0).body()) + "   ("
                + s.aws("sqs", "receive-message --queue-url " + resultsUrl) + ")");

        checks.expect("the reviewer's queue received the request with a task token and links",
                request != null && !request.path("taskToken").asText().isEmpty() && request.path("approve").asText().endsWith("/approve"));
        checks.expectEqual("one outcome message was sent to " + resultsName, 1, results.size());
        if (s.flag("no-answer")) {
            // AWS records a missed heartbeat as States.Timeout; Catch and Retry may name it States.HeartbeatTimeout.
            checks.expectEqual("the execution failed for want of an answer", "FAILED: States.Timeout", outcome.status() + ": " + outcome.error());
            checks.expectEqual("the missed heartbeat was caught and notified", 1L, outcome.entered("Notify No Answer"));
            checks.expectEqual("the outcome says nobody answered", "no answer", result.path("outcome").asText());
        } else if (s.flag("reject")) {
            checks.expectEqual("the execution ended rejected", "FAILED: Rejected", outcome.status() + ": " + outcome.error());
            checks.expectEqual("the outcome says rejected", "rejected", result.path("outcome").asText());
        } else {
            checks.expectEqual("the execution succeeded", "SUCCEEDED", outcome.status());
            checks.expectEqual("the link's page asked before doing anything", 200, confirmPage);
            checks.expectEqual("opening the link changed nothing: the execution still waited", "RUNNING", statusAfterOpening);
            checks.expectEqual("pressing Approve answered the task", 200, pressed);
            checks.expectEqual("the outcome says approved, through the link", "approved/link",
                    result.path("outcome").asText() + "/" + result.path("answer").path("via").asText());
            checks.expectEqual("the request was carried out", "approved", outcome.output() == null ? null : outcome.output().path("outcome").asText());
        }
        if (request != null) {
            int after = http.send(HttpRequest.newBuilder(URI.create(request.path("approve").asText())).GET().build(),
                    HttpResponse.BodyHandlers.discarding()).statusCode();
            checks.expectEqual("the link answers nothing once the task has ended", 404, after);
        }
    }

    private static String title(String html) {
        int start = html.indexOf("<h1>");
        int end = html.indexOf("</h1>");
        return start < 0 || end < start ? "" : html.substring(start + 4, end);
    }
}
