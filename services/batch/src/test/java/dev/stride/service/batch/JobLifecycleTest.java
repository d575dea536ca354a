package dev.stride.service.batch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.stride.service.ServiceCall;
import dev.stride.service.ServiceException;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JobLifecycleTest {
    @TempDir Path work;
    Batch batch;

    @BeforeEach
    void start() { batch = new Batch(work, new MapRecordStore()); }

    @AfterEach
    void stop() { batch.close(); }

    @Test
    void aJobThatExitsZeroSucceedsWithItsOutputInItsLogStream() {
        batch.setUp(4, "['sh','-c','echo hello $AWS_BATCH_JOB_ID attempt $AWS_BATCH_JOB_ATTEMPT on $AWS_BATCH_CE_NAME from $AWS_BATCH_JQ_NAME']");
        String id = batch.submit("");
        JsonNode job = batch.awaitEnd(id);
        assertThat(job.path("Status").asText()).isEqualTo("SUCCEEDED");
        assertThat(job.path("StatusReason").asText()).isEqualTo("Essential container in task exited");
        assertThat(job.path("Container").path("ExitCode").asInt()).isZero();
        assertThat(job.path("StartedAt").asLong()).isGreaterThanOrEqualTo(job.path("CreatedAt").asLong());
        assertThat(job.path("StoppedAt").asLong()).isGreaterThanOrEqualTo(job.path("StartedAt").asLong());
        assertThat(job.path("Attempts")).hasSize(1);
        String stream = job.path("Container").path("LogStreamName").asText();
        assertThat(stream).startsWith("def/default/");
        JsonNode events = batch.logs.call(new ServiceCall("GetLogEvents", Batch.parse(
                "{'LogGroupName':'/aws/batch/job','LogStreamName':'" + stream + "','StartFromHead':true}"), "us-east-1", "123456789012", null, null));
        assertThat(events.path("events").path(0).path("message").asText()).isEqualTo("hello " + id + " attempt 1 on ce from q");
    }

    @Test
    void aFailingJobIsRetriedUntilItsAttemptsAreSpent() {
        batch.setUp(4, "['sh','-c','exit 3']");
        String id = batch.submit(",'RetryStrategy':{'Attempts':3}");
        JsonNode job = batch.awaitEnd(id);
        assertThat(job.path("Status").asText()).isEqualTo("FAILED");
        assertThat(job.path("Attempts")).hasSize(3);
        assertThat(job.path("Container").path("ExitCode").asInt()).isEqualTo(3);
    }

    @Test
    void evaluateOnExitCanEndRetriesEarly() {
        batch.setUp(4, "['sh','-c','exit 7']");
        String id = batch.submit(",'RetryStrategy':{'Attempts':5,'EvaluateOnExit':[{'OnExitCode':'7','Action':'EXIT'}]}");
        assertThat(batch.awaitEnd(id).path("Attempts")).hasSize(1);
    }

    @Test
    void parametersAndOverridesShapeTheCommand() {
        batch.setUp(4, "['sh','-c','echo Ref::word $EXTRA > out.txt; test $EXTRA = yes']");
        String id = batch.submit(",'Parameters':{'word':'hi'},'ContainerOverrides':{'Environment':[{'Name':'EXTRA','Value':'yes'}]}");
        JsonNode job = batch.awaitEnd(id);
        assertThat(job.path("Status").asText()).isEqualTo("SUCCEEDED");
        assertThat(job.path("Container").path("Command").path(2).asText()).isEqualTo("echo hi $EXTRA > out.txt; test $EXTRA = yes");
    }

    @Test
    void anArrayJobRunsEveryIndexAndSummarisesThem() {
        batch.setUp(4, "['sh','-c','test $AWS_BATCH_JOB_ARRAY_INDEX != 2']");
        String id = batch.submit(",'ArrayProperties':{'Size':3}");
        JsonNode parent = batch.awaitEnd(id);
        assertThat(parent.path("Status").asText()).isEqualTo("FAILED");
        assertThat(parent.path("ArrayProperties").path("StatusSummary").path("SUCCEEDED").asInt()).isEqualTo(2);
        assertThat(parent.path("ArrayProperties").path("StatusSummary").path("FAILED").asInt()).isEqualTo(1);
        assertThat(batch.describe(id + ":2").path("Status").asText()).isEqualTo("FAILED");
        assertThat(batch.describe(id + ":0").path("ArrayProperties").path("Index").asInt()).isZero();
    }

    @Test
    void aJobWaitsForItsDependencyAndFailsWhenItFails() {
        batch.setUp(4, "['sh','-c','sleep 0.2; exit 1']");
        batch.define("ok", "['true']");
        String first = batch.submit("");
        String second = batch.call("SubmitJob", "{'JobName':'b','JobQueue':'q','JobDefinition':'ok','DependsOn':[{'JobId':'" + first + "'}]}").path("JobId").asText();
        assertThat(batch.describe(second).path("Status").asText()).isEqualTo("PENDING");
        JsonNode after = batch.awaitEnd(second);
        assertThat(after.path("Status").asText()).isEqualTo("FAILED");
        assertThat(after.path("StatusReason").asText()).isEqualTo("Dependent Job failed");
    }

    @Test
    void terminateKillsTheProcessTreeAndIsNotRetried() {
        batch.setUp(4, "['sh','-c','sleep 60 & sleep 60']");
        String id = batch.submit(",'RetryStrategy':{'Attempts':3}");
        long deadline = System.currentTimeMillis() + 5000;
        while (!batch.describe(id).path("Status").asText().equals("RUNNING") && System.currentTimeMillis() < deadline) Thread.onSpinWait();
        batch.call("TerminateJob", "{'JobId':'" + id + "','Reason':'no longer needed'}");
        JsonNode job = batch.awaitEnd(id);
        assertThat(job.path("Status").asText()).isEqualTo("FAILED");
        assertThat(job.path("StatusReason").asText()).isEqualTo("no longer needed");
        assertThat(job.path("Attempts")).hasSize(1);
    }

    @Test
    void maxvCpusBoundsHowManyJobsRunAtOnce() {
        batch.setUp(1, "['sh','-c','sleep 0.3']");
        String a = batch.submit("");
        String b = batch.submit("");
        assertThat(batch.describe(b).path("Status").asText()).isIn("RUNNABLE");
        batch.awaitEnd(a);
        assertThat(batch.awaitEnd(b).path("Status").asText()).isEqualTo("SUCCEEDED");
    }

    @Test
    void anUnknownQueueOrDefinitionIsAClientException() {
        batch.setUp(1, "['true']");
        assertThatThrownBy(() -> batch.call("SubmitJob", "{'JobName':'j','JobQueue':'nope','JobDefinition':'def'}"))
                .isInstanceOf(ServiceException.class).hasMessage("JobQueue nope not found.")
                .extracting(e -> ((ServiceException) e).type()).isEqualTo("ClientException");
        assertThatThrownBy(() -> batch.call("SubmitJob", "{'JobName':'j','JobQueue':'q','JobDefinition':'nope'}"))
                .hasMessage("JobDefinition name nope does not exist or is not in ACTIVE status");
    }

    @Test
    void aRunningJobLostInACrashFailsAsItsHostTerminatedAndIsRetried() throws Exception {
        batch.setUp(4, "['sh','-c','test $AWS_BATCH_JOB_ATTEMPT = 2 || sleep 60']");
        String id = batch.submit(",'RetryStrategy':{'Attempts':2}");
        long deadline = System.currentTimeMillis() + 5000;
        while (!batch.describe(id).path("Status").asText().equals("RUNNING") && System.currentTimeMillis() < deadline) Thread.onSpinWait();
        batch.close(); // as a crash leaves it: RUNNING in the store
        batch = new Batch(work, batch.store);
        JsonNode job = batch.awaitEnd(id);
        assertThat(job.path("Status").asText()).isEqualTo("SUCCEEDED");
        assertThat(job.path("Attempts").path(0).path("StatusReason").asText()).matches("Host EC2 \\(instance i-[0-9a-f]+\\) terminated\\.");
    }
}
