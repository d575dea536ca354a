package dev.stride.examples.containernotify;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.stride.examples.Checks;
import dev.stride.examples.Example;
import dev.stride.examples.ExampleRun;
import dev.stride.examples.Inbox;
import dev.stride.examples.Outcome;
import dev.stride.examples.Plan;
import dev.stride.examples.Session;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.cloudwatchlogs.model.OutputLogEvent;
import software.amazon.awssdk.services.ecs.model.Compatibility;
import software.amazon.awssdk.services.ecs.model.Container;
import software.amazon.awssdk.services.ecs.model.KeyValuePair;
import software.amazon.awssdk.services.ecs.model.LogDriver;
import software.amazon.awssdk.services.ecs.model.NetworkMode;
import software.amazon.awssdk.services.ecs.model.Task;
import software.amazon.awssdk.services.sfn.model.HistoryEvent;

/**
 * AWS's "Manage a container task" sample: an ECS task on Fargate run and waited for
 * ({@code ecs:runTask.sync}), then a notification on SNS of its success or failure, read back
 * here from an SQS queue subscribed to the topic. Added to the sample: a Retry, since the
 * container fails on its first try (its dependency "is not ready yet") and succeeds on the second.
 */
public final class ContainerNotify implements Example {
    private static final ObjectMapper JSON = new ObjectMapper();
    static final String CONTAINER = "app";

    private String clusterArn;
    private String logGroup;
    private Inbox inbox;

    @Override public String name() { return "container-notify"; }

    @Override public String summary() {
        return "Runs an ECS task on Fargate and waits for it (runTask.sync), retrying it once when it fails, then notifies the outcome on SNS; shows the notification from a subscribed SQS queue and each try's log.";
    }

    @Override public String definition() { return "examples/container-notify/statemachine.asl.json"; }

    @Override public Map<String, String> flags() {
        return Map.of("fail", "the container fails on every try: the Retry runs out and the workflow takes its failure path (Notify Failure)");
    }

    @Override
    public Plan prepare(Session s) throws Exception {
        Path folder = s.folder(name());
        Path script = Files.writeString(folder.resolve("task.sh"), ExampleRun.read("examples/container-notify/task.sh"));
        clusterArn = s.ecs().createCluster(b -> b.clusterName(s.name("FargateTaskNotification-ECSCluster"))).cluster().clusterArn();
        logGroup = "/ecs/" + s.name("container-notify");
        String failingTries = s.flag("fail") ? "99" : "1";
        String definitionArn = s.ecs().registerTaskDefinition(b -> b.family(s.name("FargateTaskNotification-ECSTaskDefinition"))
                .networkMode(NetworkMode.AWSVPC).requiresCompatibilities(Compatibility.FARGATE).cpu("256").memory("512")
                .containerDefinitions(c -> c.name(CONTAINER).image("public.ecr.aws/docker/library/busybox:latest").essential(true)
                        .command("sh", script.toString())
                        .environment(KeyValuePair.builder().name("FAILING_TRIES").value(failingTries).build())
                        .logConfiguration(l -> l.logDriver(LogDriver.AWSLOGS).options(Map.of("awslogs-group", logGroup,
                                "awslogs-region", s.region(), "awslogs-stream-prefix", "ecs")))))
                .taskDefinition().taskDefinitionArn();
        s.say("Created ECS cluster " + clusterArn + ",");
        s.say("  task definition " + definitionArn + " running sh " + script + " (it fails while the try is below " + failingTries + ")");

        String topicArn = s.sns().createTopic(b -> b.name(s.name("FargateTaskNotification-SNSTopic"))).topicArn();
        inbox = Inbox.subscribedTo(s, topicArn, "container-notifications");
        s.say("Created SNS topic " + topicArn + ", delivering to the SQS queue " + inbox.name());
        return new Plan(JSON.createObjectNode(), Map.of("ECSClusterArn", clusterArn, "ECSTaskDefinitionArn", definitionArn,
                "ContainerName", CONTAINER, "SNSTopicArn", topicArn));
    }

    @Override
    public void check(Session s, Outcome outcome, Checks checks) throws Exception {
        boolean fail = s.flag("fail");
        List<Task> tasks = tasksRun(s, outcome);
        List<JsonNode> notifications = inbox.envelopes();

        s.say("Effects:");
        for (int i = 0; i < tasks.size(); i++) {
            Task t = tasks.get(i);
            Container c = t.containers().get(0);
            String id = t.taskArn().substring(t.taskArn().lastIndexOf('/') + 1);
            String stream = "ecs/" + CONTAINER + "/" + id;
            s.say("  try " + i + ": task " + t.taskArn() + " " + t.lastStatus() + " (" + t.stopCodeAsString() + "), exit code " + c.exitCode());
            s.say("    its log, " + logGroup + " " + stream + ":");
            logLines(s, stream).forEach(line -> s.say("    | " + line));
        }
        s.say("  see them yourself: " + s.aws("ecs", "list-tasks --cluster " + clusterArn + " --desired-status STOPPED") + ", "
                + s.aws("logs", "tail " + logGroup));
        for (JsonNode n : notifications) {
            s.say("  notification on " + inbox.name() + ": \"" + n.path("Message").asText() + "\" (from " + n.path("TopicArn").asText() + ")");
        }

        List<Integer> exits = tasks.stream().map(t -> t.containers().get(0).exitCode()).toList();
        checks.expectEqual("the execution succeeded (the sample catches the task's failure and notifies it)", "SUCCEEDED", outcome.status());
        checks.expectEqual("the task was run twice: once more after its first try failed", 2, tasks.size());
        checks.expectEqual(fail ? "both tries failed (exit codes)" : "the first try failed and the retry succeeded (exit codes)",
                fail ? List.of(1, 1) : List.of(1, 0), exits);
        checks.expect("every task stopped because its essential container exited", !tasks.isEmpty()
                && tasks.stream().allMatch(t -> "STOPPED".equals(t.lastStatus()) && "EssentialContainerExited".equals(t.stopCodeAsString())));
        checks.expect("the retry started after the first try had stopped", tasks.size() == 2
                && !tasks.get(1).createdAt().isBefore(tasks.get(0).stoppedAt()));
        checks.expectEqual("the workflow took the " + (fail ? "failure" : "success") + " path",
                List.of("Run Fargate Task", fail ? "Notify Failure" : "Notify Success"), outcome.states());
        checks.expectEqual("one notification reached the subscribed queue", 1, notifications.size());
        checks.expectEqual("it says the task " + (fail ? "failed" : "succeeded"), "AWS Fargate Task started by Step Functions " + (fail ? "failed" : "succeeded"),
                notifications.isEmpty() ? null : notifications.get(0).path("Message").asText());
    }

    /** The tasks the execution ran, one per try, found by the ARNs in its TaskSubmitted events. */
    private List<Task> tasksRun(Session s, Outcome outcome) throws Exception {
        List<String> arns = new ArrayList<>();
        for (HistoryEvent e : outcome.events()) {
            if (e.taskSubmittedEventDetails() == null) continue;
            arns.add(JSON.readTree(e.taskSubmittedEventDetails().output()).path("Tasks").path(0).path("TaskArn").asText());
        }
        if (arns.isEmpty()) return List.of();
        Map<String, Task> byArn = new LinkedHashMap<>();
        s.ecs().describeTasks(b -> b.cluster(clusterArn).tasks(arns)).tasks().forEach(t -> byArn.put(t.taskArn(), t));
        return arns.stream().filter(byArn::containsKey).map(byArn::get).toList();
    }

    private List<String> logLines(Session s, String stream) {
        return s.logs().getLogEvents(b -> b.logGroupName(logGroup).logStreamName(stream).startFromHead(true))
                .events().stream().map(OutputLogEvent::message).toList();
    }
}
