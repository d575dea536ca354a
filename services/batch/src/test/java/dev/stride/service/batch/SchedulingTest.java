package dev.stride.service.batch;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SchedulingTest {
    @TempDir Path work;
    Batch batch;

    @BeforeEach
    void start() { batch = new Batch(work, new MapRecordStore()); }

    @AfterEach
    void stop() { batch.close(); }

    @Test
    void anAttemptThatOutlivesItsTimeoutFailsAndIsNotRetried() {
        batch.setUp(4, "['sleep','30']");
        String id = batch.submit(",'Timeout':{'AttemptDurationSeconds':1},'RetryStrategy':{'Attempts':3}");
        JsonNode job = batch.awaitEnd(id);
        assertThat(job.path("Status").asText()).isEqualTo("FAILED");
        assertThat(job.path("StatusReason").asText()).isEqualTo("Job attempt duration exceeded timeout");
        assertThat(job.path("Attempts")).hasSize(1);
    }

    @Test
    void cancelStopsAJobThatHasNotStartedAndLeavesARunningOneAlone() throws Exception {
        batch.setUp(1, "['sh','-c','sleep 0.5']");
        String running = batch.submit("");
        String waiting = batch.submit("");
        batch.call("CancelJob", "{'JobId':'" + waiting + "','Reason':'not needed'}");
        batch.call("CancelJob", "{'JobId':'" + running + "','Reason':'not needed'}");
        JsonNode cancelled = batch.awaitEnd(waiting);
        assertThat(cancelled.path("Status").asText()).isEqualTo("FAILED");
        assertThat(cancelled.path("StatusReason").asText()).isEqualTo("not needed");
        assertThat(cancelled.path("IsCancelled").asBoolean()).isTrue();
        assertThat(batch.awaitEnd(running).path("Status").asText()).isEqualTo("SUCCEEDED");
    }

    @Test
    void aSequentialArrayRunsItsChildrenOneAfterAnother() {
        batch.setUp(8, "['sh','-c','sleep 0.05']");
        String id = batch.submit(",'ArrayProperties':{'Size':3},'DependsOn':[{'Type':'SEQUENTIAL'}]");
        assertThat(batch.awaitEnd(id).path("Status").asText()).isEqualTo("SUCCEEDED");
        for (int i = 1; i < 3; i++) {
            assertThat(batch.describe(id + ":" + i).path("StartedAt").asLong()).isGreaterThanOrEqualTo(batch.describe(id + ":" + (i - 1)).path("StoppedAt").asLong());
        }
    }

    @Test
    void theHigherPriorityQueueIsServedFirst() {
        batch.setUp(1, "['sh','-c','sleep 0.2']");
        batch.call("CreateJobQueue", "{'JobQueueName':'urgent','Priority':10,'ComputeEnvironmentOrder':[{'Order':1,'ComputeEnvironment':'ce'}]}");
        String blocker = batch.submit("");
        String low = batch.submit("");
        String high = batch.call("SubmitJob", "{'JobName':'h','JobQueue':'urgent','JobDefinition':'def'}").path("JobId").asText();
        batch.awaitEnd(blocker);
        JsonNode h = batch.awaitEnd(high);
        JsonNode l = batch.awaitEnd(low);
        assertThat(h.path("StartedAt").asLong()).isLessThanOrEqualTo(l.path("StartedAt").asLong());
    }

    @Test
    void aCommandThatCannotStartFailsItsAttempt() {
        batch.setUp(1, "['/no/such/program']");
        JsonNode job = batch.awaitEnd(batch.submit(""));
        assertThat(job.path("Status").asText()).isEqualTo("FAILED");
        assertThat(job.path("StatusReason").asText()).isEqualTo("Task failed to start");
        assertThat(job.path("Container").path("Reason").asText()).startsWith("CannotStartContainerError");
    }
}
