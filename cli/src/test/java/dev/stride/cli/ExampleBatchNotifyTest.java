package dev.stride.cli;

import static dev.stride.cli.ExampleHarness.printed;
import static dev.stride.cli.ExampleHarness.stride;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.batch.BatchClient;
import software.amazon.awssdk.services.batch.model.JobDetail;
import software.amazon.awssdk.services.batch.model.JobStatus;
import software.amazon.awssdk.services.batch.model.JobSummary;
import software.amazon.awssdk.services.cloudwatchlogs.CloudWatchLogsClient;
import software.amazon.awssdk.services.cloudwatchlogs.model.OutputLogEvent;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;

/**
 * examples/batch-notify end to end on a real server, both paths: the job the workflow waited for,
 * its log, and the notification on the subscribed queue, each looked up with the test's own
 * clients from the names the run printed.
 */
class ExampleBatchNotifyTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    @TempDir
    static Path dir;
    private static ServerProcess server;
    private static BatchClient batch;
    private static SqsClient sqs;
    private static CloudWatchLogsClient logs;

    @BeforeAll
    static void start() throws Exception {
        server = ServerProcess.start(dir.resolve("data"));
        batch = ExampleHarness.batch(server.endpoint());
        sqs = ExampleHarness.sqs(server.endpoint());
        logs = ExampleHarness.logs(server.endpoint());
    }

    @AfterAll
    static void stop() throws Exception {
        batch.close();
        sqs.close();
        logs.close();
        server.close();
    }

    @Test
    void aJobThatSucceedsIsWaitedForAndItsSuccessNotified() throws Exception {
        ExampleHarness.Result r = run();
        assertThat(r.output()).contains("-> Submit Batch Job (Task)", "-> Notify Success (Task)", "    | processed refunds", "    | done",
                "ok: the job's log holds its output");
        assertThat(r.lastLine()).isEqualTo("SUCCEEDED");

        JobDetail job = theJob(r, JobStatus.SUCCEEDED);
        assertThat(job.jobName()).isEqualTo("BatchJobNotification");
        assertThat(job.container().exitCode()).isZero();
        assertThat(logLines(job)).first().asString().startsWith("job " + job.jobId() + ", attempt 1, on queue BatchJobQueue-");
        assertThat(logLines(job)).endsWith("processed invoices", "processed receipts", "processed refunds", "done");
        assertThat(notification(r).path("Message").asText()).isEqualTo("Batch job submitted through Step Functions succeeded");
    }

    @Test
    void withFailTheJobExitsNonZeroAndTheFailureIsNotified() throws Exception {
        ExampleHarness.Result r = run("--fail");
        assertThat(r.output()).contains("!! TaskFailed States.TaskFailed", "-> Notify Failure (Task)", "    | error: the ledger does not balance (--fail)");
        assertThat(r.output()).doesNotContain("-> Notify Success");
        assertThat(r.lastLine()).isEqualTo("SUCCEEDED"); // as AWS's sample: the failure is caught and notified

        JobDetail job = theJob(r, JobStatus.FAILED);
        assertThat(job.container().exitCode()).isEqualTo(3);
        assertThat(job.statusReason()).isEqualTo("Essential container in task exited");
        assertThat(logLines(job)).contains("error: the ledger does not balance (--fail)").doesNotContain("done");
        JsonNode n = notification(r);
        assertThat(n.path("Message").asText()).isEqualTo("Batch job submitted through Step Functions failed");
        assertThat(n.path("TopicArn").asText()).isEqualTo(printed(r, "Created SNS topic "));
    }

    private static ExampleHarness.Result run(String... flags) {
        String[] args = new String[3 + flags.length];
        args[0] = "example";
        args[1] = "batch-notify";
        args[2] = "--endpoint=" + server.endpoint();
        System.arraycopy(flags, 0, args, 3, flags.length);
        ExampleHarness.Result r = stride(args);
        assertThat(r.exitCode()).as(r.output()).isZero();
        assertThat(r.took()).isLessThan(Duration.ofSeconds(15));
        return r;
    }

    /** The one job on the run's own queue, in that status. */
    private static JobDetail theJob(ExampleHarness.Result r, JobStatus status) {
        String queue = printed(r, "  job queue ");
        List<JobSummary> jobs = batch.listJobs(b -> b.jobQueue(queue).jobStatus(status)).jobSummaryList();
        assertThat(jobs).as("jobs " + status + " on " + queue).hasSize(1);
        return batch.describeJobs(b -> b.jobs(jobs.getFirst().jobId())).jobs().getFirst();
    }

    private static List<String> logLines(JobDetail job) {
        return logs.getLogEvents(b -> b.logGroupName("/aws/batch/job").logStreamName(job.container().logStreamName()).startFromHead(true))
                .events().stream().map(OutputLogEvent::message).toList();
    }

    /** The one notification on the run's subscribed queue (an SNS envelope). */
    private static JsonNode notification(ExampleHarness.Result r) throws Exception {
        String name = r.lines().stream().filter(l -> l.startsWith("Created SNS topic ")).findFirst().orElseThrow()
                .replaceAll(".*delivering to the SQS queue ", "");
        String url = sqs.getQueueUrl(b -> b.queueName(name)).queueUrl();
        List<Message> got = sqs.receiveMessage(b -> b.queueUrl(url).maxNumberOfMessages(10).waitTimeSeconds(1)).messages();
        assertThat(got).as("messages on " + name).hasSize(1);
        return JSON.readTree(got.getFirst().body());
    }
}
