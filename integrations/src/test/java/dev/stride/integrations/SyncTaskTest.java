package dev.stride.integrations;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.stride.engine.spi.TaskCompletion;
import dev.stride.engine.spi.TaskInvocation;
import dev.stride.expr.Json;
import dev.stride.service.AwsService;
import dev.stride.service.RunToCompletion;
import dev.stride.service.ServiceCall;
import dev.stride.service.ServiceRequest;
import dev.stride.service.ServiceResponse;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/** The Run a Job pattern against a stand-in Batch that ends jobs when the test says so. */
class SyncTaskTest {
    static final class FakeBatch implements AwsService, RunToCompletion {
        final List<ServiceCall> calls = new CopyOnWriteArrayList<>();
        final CompletableFuture<Consumer<JsonNode>> watcher = new CompletableFuture<>();
        final List<String> stopped = new CopyOnWriteArrayList<>();

        @Override public String signingName() { return "batch"; }
        @Override public List<String> targetPrefixes() { return List.of(); }
        @Override public Set<String> queryActions() { return Set.of(); }
        @Override public ServiceResponse serve(ServiceRequest request) { throw new UnsupportedOperationException(); }

        @Override
        public JsonNode call(ServiceCall call) {
            calls.add(call);
            return Json.NODES.objectNode().put("JobId", "job-1").put("JobName", "j").put("JobArn", "arn:aws:batch:us-east-1:1:job/job-1");
        }

        @Override
        public AutoCloseable whenEnded(String region, String account, String id, Consumer<JsonNode> ended) {
            watcher.complete(ended);
            return () -> {};
        }

        @Override public boolean succeeded(JsonNode description) { return "SUCCEEDED".equals(description.path("Status").asText()); }
        @Override public void stopForTask(String region, String account, String id, String reason) { stopped.add(id); }
    }

    final FakeBatch batch = new FakeBatch();
    final AwsServiceIntegration integration = new AwsServiceIntegration(Map.of("batch", batch), "us-east-1", "123456789012",
            "http://localhost:8083", Clock.fixed(Instant.EPOCH, ZoneOffset.UTC), () -> "req-1");

    static TaskInvocation invocation(String token) {
        ObjectNode input = Json.NODES.objectNode().put("JobName", "j").put("JobQueue", "q").put("JobDefinition", "d");
        return new TaskInvocation("arn:exec", "Run", "arn:aws:states:::batch:submitJob.sync", input, token, null, null, 0);
    }

    record Outcome(JsonNode output, String error, String cause) {}

    static TaskCompletion completion(CompletableFuture<Outcome> done) {
        return new TaskCompletion() {
            @Override public void succeed(JsonNode output) { done.complete(new Outcome(output, null, null)); }
            @Override public void fail(String error, String cause) { done.complete(new Outcome(null, error, cause)); }
            @Override public void heartbeat() {}
        };
    }

    @Test
    void theTaskEndsWithTheJobsDescriptionWhenTheServiceSaysTheJobEnded() throws Exception {
        CompletableFuture<Outcome> done = new CompletableFuture<>();
        integration.start(invocation("tok"), completion(done));
        Consumer<JsonNode> ended = batch.watcher.get(5, TimeUnit.SECONDS);
        assertThat(batch.calls.get(0).action()).isEqualTo("SubmitJob");
        assertThat(batch.calls.get(0).idempotencyKey()).isEqualTo("tok:0");
        assertThat(done).isNotDone();
        ended.accept(Json.NODES.objectNode().put("JobId", "job-1").put("Status", "SUCCEEDED"));
        assertThat(done.get(5, TimeUnit.SECONDS).output().path("Status").asText()).isEqualTo("SUCCEEDED");
    }

    @Test
    void aFailedJobFailsTheTaskWithTheJobAsItsCause() throws Exception {
        CompletableFuture<Outcome> done = new CompletableFuture<>();
        integration.start(invocation("tok"), completion(done));
        batch.watcher.get(5, TimeUnit.SECONDS).accept(Json.NODES.objectNode().put("JobId", "job-1").put("Status", "FAILED"));
        Outcome o = done.get(5, TimeUnit.SECONDS);
        assertThat(o.error()).isEqualTo("States.TaskFailed");
        assertThat(Json.MAPPER.readTree(o.cause()).path("Status").asText()).isEqualTo("FAILED");
    }

    /** Regression: a .sync Task recorded no TaskSubmitted, so a history did not tell which job it started (AWS's does). */
    @Test
    void aStartedJobIsReportedAsSubmittedWithTheSubmitReply() throws Exception {
        CompletableFuture<JsonNode> submitted = new CompletableFuture<>();
        integration.start(invocation("tok"), new TaskCompletion() {
            @Override public void succeed(JsonNode output) {}
            @Override public void fail(String error, String cause) {}
            @Override public void heartbeat() {}
            @Override public void submitted(JsonNode output) { submitted.complete(output); }
        });
        JsonNode reply = submitted.get(5, TimeUnit.SECONDS);
        assertThat(reply.path("JobId").asText()).isEqualTo("job-1");
        assertThat(reply.path("JobArn").asText()).isEqualTo("arn:aws:batch:us-east-1:1:job/job-1");
        assertThat(reply.path("SdkHttpMetadata").path("HttpHeaders").path("Date").asText()).isEqualTo("Thu, 01 Jan 1970 00:00:00 GMT");
    }

    @Test
    void stoppingTheTaskStopsTheJob() throws Exception {
        integration.start(invocation("tok"), completion(new CompletableFuture<>()));
        batch.watcher.get(5, TimeUnit.SECONDS);
        integration.cancel(invocation("tok"));
        assertThat(batch.stopped).containsExactly("job-1");
    }

    @Test
    void syncIsAcceptedOnlyForServicesThatSayWhenTheirWorkEnds() {
        assertThat(integration.accepts("arn:aws:states:::batch:submitJob.sync")).isTrue();
        assertThat(integration.accepts("arn:aws:states:::batch:submitJob")).isTrue();
        assertThat(integration.accepts("arn:aws:states:::batch:describeJobs.sync")).isFalse();
        assertThat(integration.accepts("arn:aws:states:::ecs:runTask.sync")).as("not configured").isFalse();
    }
}
