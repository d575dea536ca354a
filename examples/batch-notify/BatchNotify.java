package dev.stride.examples.batchnotify;

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
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.batch.model.CEType;
import software.amazon.awssdk.services.batch.model.CRType;
import software.amazon.awssdk.services.batch.model.JobDetail;
import software.amazon.awssdk.services.batch.model.JobStatus;
import software.amazon.awssdk.services.batch.model.KeyValuePair;
import software.amazon.awssdk.services.batch.model.PlatformCapability;
import software.amazon.awssdk.services.batch.model.ResourceType;
import software.amazon.awssdk.services.cloudwatchlogs.model.OutputLogEvent;
import software.amazon.awssdk.services.sfn.model.HistoryEvent;

/**
 * AWS's "Manage a batch job" sample: a Batch job submitted and waited for ({@code .sync}), then a
 * notification on SNS of its success or failure, read back here from an SQS queue subscribed to
 * the topic, with the job's own log lines from CloudWatch Logs.
 */
public final class BatchNotify implements Example {
    private static final ObjectMapper JSON = new ObjectMapper();
    static final String LOG_GROUP = "/aws/batch/job";
    static final int FAILURE_EXIT_CODE = 3;

    private String queueArn;
    private String topicArn;
    private Inbox inbox;

    @Override public String name() { return "batch-notify"; }

    @Override public String summary() {
        return "Submits an AWS Batch job and waits for it (.sync), then notifies its success or failure on SNS; shows the notification from a subscribed SQS queue and the job's log.";
    }

    @Override public String definition() { return "examples/batch-notify/statemachine.asl.json"; }

    @Override public Map<String, String> flags() {
        return Map.of("fail", "the job exits " + FAILURE_EXIT_CODE + ": the workflow takes its failure path (Notify Failure)");
    }

    @Override
    public Plan prepare(Session s) throws Exception {
        Path folder = s.folder(name());
        Path script = Files.writeString(folder.resolve("job.sh"), ExampleRun.read("examples/batch-notify/job.sh"));
        String environment = s.batch().createComputeEnvironment(b -> b.computeEnvironmentName(s.name("BatchComputeEnvironment"))
                .type(CEType.MANAGED).computeResources(r -> r.type(CRType.FARGATE).maxvCpus(4).subnets("subnet-local")))
                .computeEnvironmentArn();
        queueArn = s.batch().createJobQueue(b -> b.jobQueueName(s.name("BatchJobQueue")).priority(1)
                .computeEnvironmentOrder(o -> o.order(1).computeEnvironment(environment))).jobQueueArn();
        List<KeyValuePair> env = new ArrayList<>();
        if (s.flag("fail")) env.add(KeyValuePair.builder().name("SIMULATE_FAILURE").value("the ledger does not balance (--fail)").build());
        String definitionArn = s.batch().registerJobDefinition(b -> b.jobDefinitionName(s.name("BatchJobDefinition")).type("container")
                .platformCapabilities(PlatformCapability.FARGATE)
                .containerProperties(c -> c.image("public.ecr.aws/amazonlinux/amazonlinux:latest").command("sh", script.toString())
                        .environment(env).resourceRequirements(r -> r.type(ResourceType.VCPU).value("1"),
                                r -> r.type(ResourceType.MEMORY).value("2048")))).jobDefinitionArn();
        s.say("Created Batch compute environment " + environment + ",");
        s.say("  job queue " + queueArn + ",");
        s.say("  job definition " + definitionArn + " running sh " + script + (s.flag("fail") ? " (with SIMULATE_FAILURE: it exits " + FAILURE_EXIT_CODE + ")" : ""));

        topicArn = s.sns().createTopic(b -> b.name(s.name("BatchJobNotificationTopic"))).topicArn();
        inbox = Inbox.subscribedTo(s, topicArn, "batch-notifications");
        s.say("Created SNS topic " + topicArn + ", delivering to the SQS queue " + inbox.name());
        return new Plan(JSON.createObjectNode(), Map.of("BatchJobQueueArn", queueArn, "BatchJobDefinitionArn", definitionArn, "SNSTopicArn", topicArn));
    }

    @Override
    public void check(Session s, Outcome outcome, Checks checks) throws Exception {
        boolean fail = s.flag("fail");
        JobDetail job = submittedJob(s, outcome);
        List<String> log = job == null ? List.of() : logLines(s, job);
        List<JsonNode> notifications = inbox.envelopes();

        s.say("Effects:");
        if (job != null) {
            s.say("  job " + job.jobName() + " " + job.jobId() + ": " + job.statusAsString() + ", exit code " + job.container().exitCode()
                    + ", " + job.statusReason());
            s.say("  its log, " + LOG_GROUP + " " + job.container().logStreamName() + "   ("
                    + s.aws("logs", "get-log-events --log-group-name " + LOG_GROUP + " --log-stream-name " + job.container().logStreamName()) + "):");
            log.forEach(line -> s.say("    | " + line));
        }
        for (JsonNode n : notifications) {
            s.say("  notification on " + inbox.name() + ": \"" + n.path("Message").asText() + "\" (from " + n.path("TopicArn").asText() + ")");
        }
        s.say("  read them yourself: " + s.aws("sqs", "receive-message --queue-url " + inbox.url()));

        checks.expectEqual("the execution succeeded (the sample catches the job's failure and notifies it)", "SUCCEEDED", outcome.status());
        checks.expect("the workflow waited for the job to end before notifying", job != null && job.stoppedAt() != null
                && notifyScheduledAt(outcome) >= job.stoppedAt());
        checks.expectEqual("the job " + (fail ? "failed" : "succeeded"), fail ? JobStatus.FAILED : JobStatus.SUCCEEDED, job == null ? null : job.status());
        checks.expectEqual("the job's container exited " + (fail ? FAILURE_EXIT_CODE : 0), fail ? FAILURE_EXIT_CODE : 0,
                job == null ? null : job.container().exitCode());
        checks.expect("the job's log holds its output", job != null && log.stream().anyMatch(l -> l.startsWith("job " + job.jobId()))
                && log.contains(fail ? "error: the ledger does not balance (--fail)" : "done"));
        checks.expectEqual("the workflow took the " + (fail ? "failure" : "success") + " path", List.of("Submit Batch Job", fail ? "Notify Failure" : "Notify Success"),
                outcome.states());
        checks.expectEqual("one notification reached the subscribed queue", 1, notifications.size());
        checks.expectEqual("it says the job " + (fail ? "failed" : "succeeded"), "Batch job submitted through Step Functions " + (fail ? "failed" : "succeeded"),
                notifications.isEmpty() ? null : notifications.get(0).path("Message").asText());
    }

    /** The job the execution submitted, found by the id in its TaskSubmitted event. */
    private static JobDetail submittedJob(Session s, Outcome outcome) throws Exception {
        for (HistoryEvent e : outcome.events()) {
            if (e.taskSubmittedEventDetails() == null) continue;
            String id = JSON.readTree(e.taskSubmittedEventDetails().output()).path("JobId").asText();
            List<JobDetail> jobs = s.batch().describeJobs(b -> b.jobs(id)).jobs();
            return jobs.isEmpty() ? null : jobs.get(0);
        }
        return null;
    }

    private static long notifyScheduledAt(Outcome outcome) {
        return outcome.events().stream().filter(e -> e.taskScheduledEventDetails() != null && "sns".equals(e.taskScheduledEventDetails().resourceType()))
                .map(e -> e.timestamp().toEpochMilli()).findFirst().orElse(-1L);
    }

    static List<String> logLines(Session s, JobDetail job) {
        return s.logs().getLogEvents(b -> b.logGroupName(LOG_GROUP).logStreamName(job.container().logStreamName()).startFromHead(true))
                .events().stream().map(OutputLogEvent::message).toList();
    }
}
