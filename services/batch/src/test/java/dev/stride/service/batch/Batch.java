package dev.stride.service.batch;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.stride.service.JsonProtocol;
import dev.stride.service.ServiceCall;
import dev.stride.service.compute.ComputeSettings;
import dev.stride.service.logs.LogsService;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/** A Batch service over a map store with a Logs service, and short ways to call it in the wire's camelCase. */
final class Batch implements AutoCloseable {
    final MapRecordStore store;
    final LogsService logs;
    final BatchService service;

    Batch(Path work, MapRecordStore store) {
        this.store = store;
        this.logs = new LogsService(store, System::currentTimeMillis);
        this.service = new BatchService(store, System::currentTimeMillis,
                new ComputeSettings(work, "http://localhost:1", "us-east-1", "test", "test", 1 << 20, 200), logs);
    }

    /** Calls in-process; params and reply in PascalCase. */
    JsonNode call(String action, String json) {
        return service.call(new ServiceCall(action, parse(json), "us-east-1", "123456789012", "http://localhost:1", null));
    }

    static ObjectNode parse(String json) {
        try {
            return (ObjectNode) JsonProtocol.MAPPER.readTree(json.replace('\'', '"'));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A queue "q" over an environment "ce" of maxvCpus, and a definition "def" running the command (JSON array text). */
    void setUp(int maxvCpus, String command) {
        call("CreateComputeEnvironment", "{'ComputeEnvironmentName':'ce','Type':'MANAGED','ComputeResources':{'Type':'FARGATE','MaxvCpus':" + maxvCpus + "}}");
        call("CreateJobQueue", "{'JobQueueName':'q','Priority':1,'ComputeEnvironmentOrder':[{'Order':1,'ComputeEnvironment':'ce'}]}");
        define("def", command);
    }

    void define(String name, String command) {
        call("RegisterJobDefinition", "{'JobDefinitionName':'" + name + "','Type':'container','ContainerProperties':{'Image':'busybox','Command':" + command + "}}");
    }

    String submit(String extra) {
        return call("SubmitJob", "{'JobName':'j','JobQueue':'q','JobDefinition':'def'" + extra + "}").path("JobId").asText();
    }

    /** The job's description (PascalCase) once it ends. */
    JsonNode awaitEnd(String jobId) {
        CompletableFuture<JsonNode> ended = new CompletableFuture<>();
        service.whenEnded("us-east-1", "123456789012", jobId, ended::complete);
        try {
            ended.get(20, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new AssertionError("job " + jobId + " did not end: " + describe(jobId), e);
        }
        return describe(jobId);
    }

    JsonNode describe(String jobId) { return call("DescribeJobs", "{'Jobs':['" + jobId + "']}").path("Jobs").path(0); }

    @Override
    public void close() { service.close(); }
}
