package dev.stride.cli.services;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.stride.cli.ServerProcess;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.batch.BatchClient;
import software.amazon.awssdk.services.batch.model.ArrayJobDependency;
import software.amazon.awssdk.services.batch.model.BatchException;
import software.amazon.awssdk.services.batch.model.JobDetail;
import software.amazon.awssdk.services.batch.model.JobStatus;
import software.amazon.awssdk.services.batch.model.KeyValuePair;
import software.amazon.awssdk.services.cloudwatchlogs.CloudWatchLogsClient;
import software.amazon.awssdk.services.cloudwatchlogs.model.OutputLogEvent;

/** AWS Batch through the real SDK v2 client: jobs run as processes on the server's machine, their output read back through CloudWatch Logs. */
class BatchWithSdkTest {
    @TempDir
    static Path data;
    static ServerProcess server;
    static BatchClient batch;
    static CloudWatchLogsClient logs;

    @BeforeAll
    static void start() throws Exception {
        server = ServerProcess.start(data);
        batch = Clients.batch(server);
        logs = Clients.logs(server);
        batch.createComputeEnvironment(b -> b.computeEnvironmentName("local").type("MANAGED")
                .computeResources(r -> r.type("FARGATE").maxvCpus(16).subnets("subnet-1")));
        batch.createJobQueue(b -> b.jobQueueName("work").priority(1).computeEnvironmentOrder(o -> o.order(1).computeEnvironment("local")));
    }

    @AfterAll
    static void stop() throws Exception {
        batch.close();
        logs.close();
        server.close();
    }

    static String define(String name, String... command) {
        return batch.registerJobDefinition(b -> b.jobDefinitionName(name).type("container")
                .containerProperties(c -> c.image("busybox").command(command)
                        .resourceRequirements(r -> r.type("VCPU").value("1"), r -> r.type("MEMORY").value("512"))))
                .jobDefinitionArn();
    }

    static JobDetail awaitEnd(String jobId) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (true) {
            JobDetail j = batch.describeJobs(b -> b.jobs(jobId)).jobs().get(0);
            if (j.status() == JobStatus.SUCCEEDED || j.status() == JobStatus.FAILED || System.nanoTime() > deadline) return j;
            Thread.sleep(20);
        }
    }

    static void awaitStatus(String jobId, JobStatus status) throws InterruptedException {
        for (int i = 0; i < 500 && batch.describeJobs(b -> b.jobs(jobId)).jobs().get(0).status() != status; i++) Thread.sleep(10);
    }

    @Test
    void aJobRunsItsCommandWithBatchsVariablesAndItsOutputIsInCloudWatchLogs() throws Exception {
        define("hello", "sh", "-c", "echo job=$AWS_BATCH_JOB_ID queue=$AWS_BATCH_JQ_NAME ce=$AWS_BATCH_CE_NAME attempt=$AWS_BATCH_JOB_ATTEMPT; echo oops >&2");
        String id = batch.submitJob(b -> b.jobName("hello").jobQueue("work").jobDefinition("hello")).jobId();
        JobDetail j = awaitEnd(id);
        assertThat(j.status()).isEqualTo(JobStatus.SUCCEEDED);
        assertThat(j.statusReason()).isEqualTo("Essential container in task exited");
        assertThat(j.container().exitCode()).isZero();
        assertThat(j.createdAt()).isLessThanOrEqualTo(j.startedAt());
        assertThat(j.startedAt()).isLessThanOrEqualTo(j.stoppedAt());
        assertThat(j.attempts()).hasSize(1);
        String stream = j.container().logStreamName();
        assertThat(stream).startsWith("hello/default/");
        List<String> lines = logs.getLogEvents(b -> b.logGroupName("/aws/batch/job").logStreamName(stream).startFromHead(true))
                .events().stream().map(OutputLogEvent::message).toList();
        assertThat(lines).contains("job=" + id + " queue=work ce=local attempt=1", "oops");
        assertThat(logs.filterLogEvents(b -> b.logGroupName("/aws/batch/job").filterPattern("oops")).events())
                .anySatisfy(e -> assertThat(e.logStreamName()).isEqualTo(stream));
    }

    @Test
    void aFailingJobIsRetriedAndReportsItsExitCodeInEveryAttempt() throws Exception {
        define("fails", "sh", "-c", "exit 4");
        String id = batch.submitJob(b -> b.jobName("fails").jobQueue("work").jobDefinition("fails").retryStrategy(r -> r.attempts(2))).jobId();
        JobDetail j = awaitEnd(id);
        assertThat(j.status()).isEqualTo(JobStatus.FAILED);
        assertThat(j.container().exitCode()).isEqualTo(4);
        assertThat(j.attempts()).hasSize(2).allSatisfy(a -> assertThat(a.container().exitCode()).isEqualTo(4));
    }

    @Test
    void overridesAndParametersChangeWhatRuns() throws Exception {
        define("params", "sh", "-c", "test Ref::word = hi");
        String id = batch.submitJob(b -> b.jobName("params").jobQueue("work").jobDefinition("params").parameters(java.util.Map.of("word", "hi"))
                .containerOverrides(o -> o.environment(KeyValuePair.builder().name("X").value("1").build()))).jobId();
        JobDetail j = awaitEnd(id);
        assertThat(j.status()).isEqualTo(JobStatus.SUCCEEDED);
        assertThat(j.container().environment()).contains(KeyValuePair.builder().name("X").value("1").build());
        String other = batch.submitJob(b -> b.jobName("params").jobQueue("work").jobDefinition("params")
                .containerOverrides(o -> o.command("sh", "-c", "exit 9"))).jobId();
        assertThat(awaitEnd(other).container().exitCode()).isEqualTo(9);
    }

    @Test
    void arrayJobsRunEachIndexAndNToNDependenciesPairThem() throws Exception {
        define("array", "sh", "-c", "echo index $AWS_BATCH_JOB_ARRAY_INDEX");
        String first = batch.submitJob(b -> b.jobName("first").jobQueue("work").jobDefinition("array").arrayProperties(a -> a.size(3))).jobId();
        String second = batch.submitJob(b -> b.jobName("second").jobQueue("work").jobDefinition("array").arrayProperties(a -> a.size(3))
                .dependsOn(d -> d.jobId(first).type(ArrayJobDependency.N_TO_N))).jobId();
        JobDetail parent = awaitEnd(second);
        assertThat(parent.status()).isEqualTo(JobStatus.SUCCEEDED);
        assertThat(parent.arrayProperties().statusSummary()).containsEntry("SUCCEEDED", 3);
        JobDetail child = batch.describeJobs(b -> b.jobs(second + ":1")).jobs().get(0);
        JobDetail paired = batch.describeJobs(b -> b.jobs(first + ":1")).jobs().get(0);
        assertThat(child.startedAt()).isGreaterThanOrEqualTo(paired.stoppedAt());
        assertThat(batch.listJobs(b -> b.arrayJobId(second).jobStatus(JobStatus.SUCCEEDED)).jobSummaryList()).hasSize(3);
    }

    @Test
    void aJobDependingOnAnotherStartsAfterItSucceeds() throws Exception {
        define("slow", "sh", "-c", "sleep 0.3");
        String a = batch.submitJob(b -> b.jobName("a").jobQueue("work").jobDefinition("slow")).jobId();
        String b2 = batch.submitJob(b -> b.jobName("b").jobQueue("work").jobDefinition("slow").dependsOn(d -> d.jobId(a))).jobId();
        assertThat(batch.describeJobs(b -> b.jobs(b2)).jobs().get(0).status()).isEqualTo(JobStatus.PENDING);
        JobDetail after = awaitEnd(b2);
        assertThat(after.status()).isEqualTo(JobStatus.SUCCEEDED);
        assertThat(after.startedAt()).isGreaterThanOrEqualTo(awaitEnd(a).stoppedAt());
    }

    @Test
    void terminateStopsARunningJobWithTheGivenReason() throws Exception {
        define("forever", "sh", "-c", "sleep 60");
        String id = batch.submitJob(b -> b.jobName("forever").jobQueue("work").jobDefinition("forever")).jobId();
        awaitStatus(id, JobStatus.RUNNING);
        assertThat(batch.listJobs(b -> b.jobQueue("work").jobStatus(JobStatus.RUNNING)).jobSummaryList()).anySatisfy(s -> assertThat(s.jobId()).isEqualTo(id));
        batch.terminateJob(b -> b.jobId(id).reason("operator said so"));
        JobDetail j = awaitEnd(id);
        assertThat(j.status()).isEqualTo(JobStatus.FAILED);
        assertThat(j.statusReason()).isEqualTo("operator said so");
        assertThat(j.isTerminated()).isTrue();
    }

    @Test
    void listJobsFiltersByNameAcrossStatuses() throws Exception {
        define("named", "true");
        String id = batch.submitJob(b -> b.jobName("findme-1").jobQueue("work").jobDefinition("named")).jobId();
        awaitEnd(id);
        var found = batch.listJobs(b -> b.jobQueue("work").filters(f -> f.name("JOB_NAME").values("findme*"))).jobSummaryList();
        assertThat(found.stream().map(s -> s.jobId()).collect(Collectors.toList())).containsExactly(id);
    }

    @Test
    void badInputGetsBatchsClientException() {
        define("exists", "true");
        assertThatThrownBy(() -> batch.submitJob(b -> b.jobName("x").jobQueue("missing").jobDefinition("exists")))
                .isInstanceOfSatisfying(BatchException.class, e -> {
                    assertThat(e.awsErrorDetails().errorCode()).isEqualTo("ClientException");
                    assertThat(e.statusCode()).isEqualTo(400);
                    assertThat(e.awsErrorDetails().errorMessage()).isEqualTo("JobQueue missing not found.");
                });
        assertThatThrownBy(() -> batch.submitJob(b -> b.jobName("x").jobQueue("work").jobDefinition("nope:3")))
                .isInstanceOfSatisfying(BatchException.class, e -> assertThat(e.awsErrorDetails().errorMessage()).contains("does not exist"));
    }

    @Test
    void anUnsignedRestRequestReachesBatchToo() throws Exception {
        var http = java.net.http.HttpClient.newHttpClient();
        var reply = http.send(java.net.http.HttpRequest.newBuilder(server.endpoint().resolve("/v1/describejobqueues"))
                .header("Content-Type", "application/json").POST(java.net.http.HttpRequest.BodyPublishers.ofString("{\"jobQueues\":[\"work\"]}")).build(),
                java.net.http.HttpResponse.BodyHandlers.ofString());
        assertThat(reply.statusCode()).isEqualTo(200);
        assertThat(reply.body()).contains("\"jobQueueName\":\"work\"");
    }

    @Test
    void definitionsGetRevisionsAndTagsAreKept() {
        String v1 = define("revised", "true");
        String v2 = define("revised", "false");
        assertThat(v1).endsWith("job-definition/revised:1");
        assertThat(v2).endsWith("job-definition/revised:2");
        batch.deregisterJobDefinition(b -> b.jobDefinition(v1));
        assertThat(batch.describeJobDefinitions(b -> b.jobDefinitionName("revised").status("ACTIVE")).jobDefinitions()).hasSize(1);
        batch.tagResource(b -> b.resourceArn(v2).tags(java.util.Map.of("team", "data")));
        assertThat(batch.listTagsForResource(b -> b.resourceArn(v2)).tags()).containsEntry("team", "data");
        batch.untagResource(b -> b.resourceArn(v2).tagKeys("team"));
        assertThat(batch.listTagsForResource(b -> b.resourceArn(v2)).tags()).isEmpty();
    }
}
