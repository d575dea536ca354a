package dev.stride.cli;

import static dev.stride.cli.ExampleHarness.printed;
import static dev.stride.cli.ExampleHarness.stride;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.batch.BatchClient;
import software.amazon.awssdk.services.batch.model.JobDetail;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;

/**
 * examples/sequential-batch end to end on a real server: three jobs one after another, each
 * given the previous one's output, the totals they computed, and a failed middle step caught and
 * reported with the steps after it never submitted.
 */
class ExampleSequentialBatchTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    @TempDir
    static Path dir;
    private static ServerProcess server;
    private static BatchClient batch;
    private static SqsClient sqs;

    @BeforeAll
    static void start() throws Exception {
        server = ServerProcess.start(dir.resolve("data"));
        batch = ExampleHarness.batch(server.endpoint());
        sqs = ExampleHarness.sqs(server.endpoint());
    }

    @AfterAll
    static void stop() throws Exception {
        batch.close();
        sqs.close();
        server.close();
    }

    @Test
    void theJobsRunInOrderEachOnThePreviousOnesOutput() throws Exception {
        ExampleHarness.Result r = run();
        assertThat(r.lastLine()).isEqualTo("SUCCEEDED");

        List<JobDetail> jobs = jobs(r);
        assertThat(jobs).extracting(JobDetail::jobName).containsExactly("extract", "transform", "load");
        assertThat(jobs).extracting(JobDetail::statusAsString).containsOnly("SUCCEEDED");
        for (int i = 1; i < jobs.size(); i++) {
            JobDetail before = jobs.get(i - 1);
            JobDetail after = jobs.get(i);
            assertThat(after.startedAt()).as(after.jobName() + " started after " + before.jobName() + " stopped").isGreaterThanOrEqualTo(before.stoppedAt());
            assertThat(after.parameters()).containsEntry("upstream", before.jobId());
        }
        assertThat(jobs.get(1).parameters().get("input")).isEqualTo(jobs.get(0).parameters().get("output"));
        assertThat(jobs.get(2).parameters().get("input")).isEqualTo(jobs.get(1).parameters().get("output"));

        Path work = Path.of(printed(r, "The jobs share the folder "));
        assertThat(Files.readAllLines(work.resolve("totals.csv"))).containsExactly("east,2,44.15", "north,3,111.75", "south,2,107.50", "west,1,24.00");
        assertThat(Files.readString(work.resolve("report.txt"))).contains("north         3    111.75");
        JsonNode message = notification(r);
        assertThat(message.path("outcome").asText()).isEqualTo("succeeded");
        assertThat(message.path("jobs").path("load").path("JobId").asText()).isEqualTo(jobs.get(2).jobId());
    }

    @Test
    void aFailedMiddleStepIsCaughtAndReportedAndTheLastStepNeverRuns() throws Exception {
        ExampleHarness.Result r = run("--fail-step", "transform");
        assertThat(r.output()).contains("-> Read Failure (Pass)", "-> Notify Failure (Task)", "ok: the failed step wrote nothing")
                .doesNotContain("-> Load (Task)");
        assertThat(r.lastLine()).isEqualTo("FAILED: ETL.StepFailed: The transform job failed with exit code 4");

        List<JobDetail> jobs = jobs(r);
        assertThat(jobs).extracting(j -> j.jobName() + " " + j.statusAsString() + " " + j.container().exitCode())
                .containsExactly("extract SUCCEEDED 0", "transform FAILED 4");
        Path work = Path.of(printed(r, "The jobs share the folder "));
        assertThat(work.resolve("extracted.csv")).exists();
        assertThat(work.resolve("totals.csv")).doesNotExist();
        JsonNode message = notification(r);
        assertThat(message.path("failedStep").asText()).isEqualTo("transform");
        assertThat(message.path("exitCode").asInt()).isEqualTo(4);
        assertThat(message.path("completed").path("extract").path("JobId").asText()).isEqualTo(jobs.get(0).jobId());
    }

    @Test
    void aStepThatIsNotOneOfTheThreeIsAUsageError() {
        ExampleHarness.Result r = stride("example", "sequential-batch", "--fail-step", "publish");
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.output()).contains("extract, transform, load");
    }

    private static ExampleHarness.Result run(String... flags) {
        String[] args = new String[3 + flags.length];
        args[0] = "example";
        args[1] = "sequential-batch";
        args[2] = "--endpoint=" + server.endpoint();
        System.arraycopy(flags, 0, args, 3, flags.length);
        ExampleHarness.Result r = stride(args);
        assertThat(r.exitCode()).as(r.output()).isZero();
        assertThat(r.took()).isLessThan(Duration.ofSeconds(15));
        return r;
    }

    /** Every job on the run's own queue, in the order they started (ListJobs with a filter lists every status). */
    private static List<JobDetail> jobs(ExampleHarness.Result r) {
        String queue = r.lines().stream().filter(l -> l.startsWith("Created Batch compute environment ")).findFirst().orElseThrow()
                .replaceAll(".* and job queue ", "");
        List<String> ids = batch.listJobs(b -> b.jobQueue(queue).filters(f -> f.name("JOB_NAME").values("*"))).jobSummaryList()
                .stream().map(s -> s.jobId()).toList();
        return batch.describeJobs(b -> b.jobs(ids)).jobs().stream().sorted(Comparator.comparing(JobDetail::startedAt)).toList();
    }

    private static JsonNode notification(ExampleHarness.Result r) throws Exception {
        String name = r.lines().stream().filter(l -> l.startsWith("Created SNS topic ")).findFirst().orElseThrow()
                .replaceAll(".*delivering to the SQS queue ", "");
        String url = sqs.getQueueUrl(b -> b.queueName(name)).queueUrl();
        List<Message> got = sqs.receiveMessage(b -> b.queueUrl(url).maxNumberOfMessages(10).waitTimeSeconds(1)).messages();
        assertThat(got).as("messages on " + name).hasSize(1);
        return JSON.readTree(JSON.readTree(got.getFirst().body()).path("Message").asText());
    }
}
