package dev.stride.cli.services;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.stride.cli.ServerProcess;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real {@code aws batch} command line against a real {@code stride server}: environments,
 * queues and definitions made as a user types them, jobs submitted with overrides and parameters,
 * followed with describe-jobs and list-jobs, terminated, and the error for a queue that does not
 * exist. Holds for aws-cli v1 and v2 (see {@link AwsCli}).
 */
class BatchCliTest {
    @TempDir
    static Path data;
    @TempDir
    static Path cliDir;
    static ServerProcess server;
    static AwsCli aws;

    @BeforeAll
    static void start() throws Exception {
        AwsCli.Installation installed = AwsCli.installed();
        server = ServerProcess.start(data);
        aws = AwsCli.against(installed, server.endpoint(), cliDir);
        aws.json("batch", "create-compute-environment", "--compute-environment-name", "cli-fargate", "--type", "MANAGED",
                "--compute-resources", "{\"type\":\"FARGATE\",\"maxvCpus\":4,\"subnets\":[\"subnet-1\"],\"securityGroupIds\":[\"sg-1\"]}");
        aws.json("batch", "create-job-queue", "--job-queue-name", "cli-queue", "--priority", "1",
                "--compute-environment-order", "order=1,computeEnvironment=cli-fargate");
        aws.json("batch", "register-job-definition", "--job-definition-name", "cli-greet", "--type", "container",
                "--parameters", "who=nobody",
                "--container-properties", "{\"image\":\"busybox\",\"command\":[\"sh\",\"-c\",\"echo hello Ref::who $GREETING; exit ${CODE:-0}\"],"
                        + "\"resourceRequirements\":[{\"type\":\"VCPU\",\"value\":\"1\"},{\"type\":\"MEMORY\",\"value\":\"2048\"}]}");
    }

    @AfterAll
    static void stop() throws Exception {
        if (server != null) server.close();
    }

    @Test
    void environmentsQueuesAndDefinitionsAreDescribedAsCreated() {
        JsonNode env = aws.json("batch", "describe-compute-environments", "--compute-environments", "cli-fargate").path("computeEnvironments");
        assertThat(env).hasSize(1);
        assertThat(env.get(0).path("computeEnvironmentArn").asText()).isEqualTo("arn:aws:batch:us-east-1:123456789012:compute-environment/cli-fargate");
        assertThat(env.get(0).path("status").asText()).isEqualTo("VALID");
        assertThat(env.get(0).path("state").asText()).isEqualTo("ENABLED");
        assertThat(env.get(0).path("computeResources").path("maxvCpus").asInt()).isEqualTo(4);

        JsonNode queue = aws.json("batch", "describe-job-queues", "--job-queues", "cli-queue").path("jobQueues");
        assertThat(queue).hasSize(1);
        assertThat(queue.get(0).path("computeEnvironmentOrder").get(0).path("computeEnvironment").asText()).endsWith("/cli-fargate");

        JsonNode def = aws.json("batch", "describe-job-definitions", "--job-definition-name", "cli-greet", "--status", "ACTIVE").path("jobDefinitions");
        assertThat(def).hasSize(1);
        assertThat(def.get(0).path("revision").asInt()).isEqualTo(1);
        assertThat(def.get(0).path("parameters").path("who").asText()).isEqualTo("nobody");
    }

    @Test
    void aJobSubmittedWithContainerOverridesAndParametersRunsToSucceeded() throws Exception {
        JsonNode submitted = aws.json("batch", "submit-job", "--job-name", "greets-cli", "--job-queue", "cli-queue",
                "--job-definition", "cli-greet", "--parameters", "who=cli",
                "--container-overrides", "environment=[{name=GREETING,value=howdy}]");
        String id = submitted.path("jobId").asText();
        assertThat(submitted.path("jobArn").asText()).isEqualTo("arn:aws:batch:us-east-1:123456789012:job/" + id);

        JsonNode job = awaitStatus(id, "SUCCEEDED");
        assertThat(job.path("jobName").asText()).isEqualTo("greets-cli");
        assertThat(job.path("parameters").path("who").asText()).isEqualTo("cli");
        assertThat(SqsCliTest.texts(job.path("container").path("command"))).containsExactly("sh", "-c", "echo hello cli $GREETING; exit ${CODE:-0}");
        assertThat(job.path("container").path("environment").toString()).contains("\"GREETING\"", "\"howdy\"");
        assertThat(job.path("container").path("exitCode").asInt()).isZero();
        assertThat(job.path("container").path("logStreamName").asText()).startsWith("cli-greet/default/");
        assertThat(job.path("attempts")).hasSize(1);
        assertThat(job.path("statusReason").asText()).isEqualTo("Essential container in task exited");
        assertThat(job.path("startedAt").asLong()).isBetween(job.path("createdAt").asLong(), job.path("stoppedAt").asLong());

        JsonNode succeeded = aws.json("batch", "list-jobs", "--job-queue", "cli-queue", "--job-status", "SUCCEEDED").path("jobSummaryList");
        assertThat(SqsCliTest.texts(succeeded, "jobId")).contains(id);
    }

    @Test
    void aJobThatExitsNonZeroIsListedAsFailedWithItsExitCode() throws Exception {
        String id = aws.json("batch", "submit-job", "--job-name", "exits-2", "--job-queue", "cli-queue", "--job-definition", "cli-greet:1",
                "--container-overrides", "{\"environment\":[{\"name\":\"CODE\",\"value\":\"2\"}]}").path("jobId").asText();
        JsonNode job = awaitStatus(id, "FAILED");
        assertThat(job.path("container").path("exitCode").asInt()).isEqualTo(2);

        JsonNode failed = aws.json("batch", "list-jobs", "--job-queue", "cli-queue", "--job-status", "FAILED").path("jobSummaryList");
        JsonNode summary = find(failed, id);
        assertThat(summary.path("jobName").asText()).isEqualTo("exits-2");
        assertThat(summary.path("container").path("exitCode").asInt()).isEqualTo(2);
        assertThat(SqsCliTest.texts(aws.json("batch", "list-jobs", "--job-queue", "cli-queue", "--job-status", "SUCCEEDED")
                .path("jobSummaryList"), "jobId")).doesNotContain(id);
    }

    @Test
    void aRunningJobIsTerminatedWithTheUsersReason() throws Exception {
        String id = aws.json("batch", "submit-job", "--job-name", "sleeps", "--job-queue", "cli-queue", "--job-definition", "cli-greet",
                "--container-overrides", "command=sleep,30").path("jobId").asText();
        awaitStatus(id, "RUNNING");
        assertThat(SqsCliTest.texts(aws.json("batch", "list-jobs", "--job-queue", "cli-queue").path("jobSummaryList"), "jobId"))
                .as("list-jobs shows RUNNING jobs by default").contains(id);
        aws.json("batch", "terminate-job", "--job-id", id, "--reason", "no longer needed");
        JsonNode job = awaitStatus(id, "FAILED");
        assertThat(job.path("statusReason").asText()).isEqualTo("no longer needed");
        assertThat(SqsCliTest.texts(job.path("container").path("command"))).containsExactly("sleep", "30");
    }

    @Test
    void aQueueThatDoesNotExistIsAClientException() {
        AwsCli.Result r = aws.fails("batch", "submit-job", "--job-name", "nowhere", "--job-queue", "no-such-queue", "--job-definition", "cli-greet");
        assertThat(r.stderr()).contains("ClientException", "SubmitJob");
        assertThat(aws.json("batch", "describe-job-queues", "--job-queues", "no-such-queue").path("jobQueues")).isEmpty();
    }

    /** describe-jobs until the job reaches the status (jobs here take milliseconds; the CLI takes longer per call). */
    static JsonNode awaitStatus(String id, String status) throws InterruptedException { return awaitStatus(aws, id, status); }

    static JsonNode awaitStatus(AwsCli aws, String id, String status) throws InterruptedException {
        JsonNode job = null;
        for (int i = 0; i < 40; i++) {
            job = aws.json("batch", "describe-jobs", "--jobs", id).path("jobs").path(0);
            if (status.equals(job.path("status").asText())) return job;
            Thread.sleep(100);
        }
        throw new AssertionError("job " + id + " did not reach " + status + ": " + job);
    }

    private static JsonNode find(JsonNode summaries, String id) {
        for (JsonNode s : summaries) if (id.equals(s.path("jobId").asText())) return s;
        throw new AssertionError("no job " + id + " in " + summaries);
    }
}
