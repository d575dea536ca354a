package dev.stride.cli.services;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stride.cli.ServerProcess;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.batch.BatchClient;
import software.amazon.awssdk.services.batch.model.JobDetail;
import software.amazon.awssdk.services.batch.model.JobStatus;
import software.amazon.awssdk.services.batch.model.RetryAction;

/**
 * A server killed with SIGKILL while jobs run: after the restart the queue, definition and jobs
 * are back, the crash's orphaned processes are gone, and each running job failed its attempt as
 * AWS fails a job whose host is lost, its retry strategy deciding what comes next.
 */
class BatchThroughCrashTest {
    @TempDir
    Path data;

    @Test
    void jobsRunningInACrashFailAsTheirHostTerminatedAndRetryWhenTheirStrategySaysSo() throws Exception {
        Path pids = Files.createDirectories(data.resolveSibling(data.getFileName() + "-pids"));
        try (ServerProcess server = ServerProcess.start(data)) {
            BatchClient batch = Clients.batch(server);
            batch.createComputeEnvironment(b -> b.computeEnvironmentName("ce").type("UNMANAGED"));
            batch.createJobQueue(b -> b.jobQueueName("q").priority(1).computeEnvironmentOrder(o -> o.order(1).computeEnvironment("ce")));
            batch.registerJobDefinition(b -> b.jobDefinitionName("long").type("container").containerProperties(c -> c.image("busybox")
                    .command("sh", "-c", "echo $$ > " + pids + "/$AWS_BATCH_JOB_ID-$AWS_BATCH_JOB_ATTEMPT; test $AWS_BATCH_JOB_ATTEMPT = 2 || sleep 60")));
            String retried = batch.submitJob(b -> b.jobName("retried").jobQueue("q").jobDefinition("long").retryStrategy(r -> r.attempts(2)
                    .evaluateOnExit(e -> e.onStatusReason("Host EC2*").action(RetryAction.RETRY)))).jobId();
            String lost = batch.submitJob(b -> b.jobName("lost").jobQueue("q").jobDefinition("long")).jobId();
            Path firstPid = pids.resolve(retried + "-1");
            for (int i = 0; i < 500 && !(Files.exists(firstPid) && Files.exists(pids.resolve(lost + "-1"))); i++) Thread.sleep(10);
            Thread.sleep(50);
            long orphan = Long.parseLong(Files.readString(firstPid).trim());

            server.kill();
            assertThat(ProcessHandle.of(orphan).map(ProcessHandle::isAlive)).contains(true); // SIGKILL leaves the job's process behind
            server.restart();
            batch.close();
            batch = Clients.batch(server);

            JobDetail r = await(batch, retried);
            assertThat(r.status()).isEqualTo(JobStatus.SUCCEEDED);
            assertThat(r.attempts()).hasSize(2);
            assertThat(r.attempts().get(0).statusReason()).matches("Host EC2 \\(instance i-[0-9a-f]+\\) terminated\\.");
            JobDetail l = await(batch, lost);
            assertThat(l.status()).isEqualTo(JobStatus.FAILED);
            assertThat(l.statusReason()).matches("Host EC2 \\(instance i-[0-9a-f]+\\) terminated\\.");
            // killed at the restart; its exit is reaped by whoever adopted it, so allow a moment
            for (int i = 0; i < 200 && ProcessHandle.of(orphan).map(ProcessHandle::isAlive).orElse(false); i++) Thread.sleep(10);
            assertThat(ProcessHandle.of(orphan).map(ProcessHandle::isAlive).orElse(false)).isFalse();
            batch.close();
        }
    }

    @Test
    void aSyncTaskWaitingOnAJobThroughACrashEndsWithThatJobNotASecondOne() throws Exception {
        Path pids = Files.createDirectories(data.resolveSibling(data.getFileName() + "-sync-pids"));
        try (ServerProcess server = ServerProcess.start(data)) {
            BatchClient batch = Clients.batch(server);
            var sfn = Clients.sfn(server);
            batch.createComputeEnvironment(b -> b.computeEnvironmentName("ce").type("UNMANAGED"));
            batch.createJobQueue(b -> b.jobQueueName("q").priority(1).computeEnvironmentOrder(o -> o.order(1).computeEnvironment("ce")));
            batch.registerJobDefinition(b -> b.jobDefinitionName("long").type("container").containerProperties(c -> c.image("busybox")
                    .command("sh", "-c", "echo $$ > " + pids + "/$AWS_BATCH_JOB_ATTEMPT; test $AWS_BATCH_JOB_ATTEMPT = 2 || sleep 60")));
            String definition = """
                {"StartAt":"Run","States":{"Run":{"Type":"Task","Resource":"arn:aws:states:::batch:submitJob.sync",
                  "Parameters":{"JobName":"through-crash","JobQueue":"q","JobDefinition":"long",
                    "RetryStrategy":{"Attempts":2,"EvaluateOnExit":[{"OnStatusReason":"Host EC2*","Action":"RETRY"}]}},"End":true}}}""";
            String sm = sfn.createStateMachine(b -> b.name("sync-crash").definition(definition).roleArn("arn:aws:iam::123456789012:role/r")).stateMachineArn();
            String exec = sfn.startExecution(b -> b.stateMachineArn(sm)).executionArn();
            for (int i = 0; i < 500 && !Files.exists(pids.resolve("1")); i++) Thread.sleep(10);
            Thread.sleep(100); // the RUNNING record is committed right after the process starts

            server.kill();
            server.restart();
            sfn.close();
            batch.close();
            var sfnAgain = Clients.sfn(server);
            BatchClient batchAgain = Clients.batch(server);
            var d = sfnAgain.describeExecution(b -> b.executionArn(exec));
            for (int i = 0; i < 600 && d.status() == software.amazon.awssdk.services.sfn.model.ExecutionStatus.RUNNING; i++) {
                Thread.sleep(20);
                d = sfnAgain.describeExecution(b -> b.executionArn(exec));
            }
            assertThat(d.status()).isEqualTo(software.amazon.awssdk.services.sfn.model.ExecutionStatus.SUCCEEDED);
            assertThat(new com.fasterxml.jackson.databind.ObjectMapper().readTree(d.output()).path("Attempts").size()).isEqualTo(2);
            var jobs = batchAgain.listJobs(b -> b.jobQueue("q").filters(f -> f.name("JOB_NAME").values("through-crash"))).jobSummaryList();
            assertThat(jobs).hasSize(1);
            sfnAgain.close();
            batchAgain.close();
        }
    }

    private static JobDetail await(BatchClient batch, String id) throws InterruptedException {
        JobDetail j = batch.describeJobs(b -> b.jobs(id)).jobs().get(0);
        for (int i = 0; i < 500 && j.status() != JobStatus.SUCCEEDED && j.status() != JobStatus.FAILED; i++) {
            Thread.sleep(20);
            j = batch.describeJobs(b -> b.jobs(id)).jobs().get(0);
        }
        return j;
    }
}
