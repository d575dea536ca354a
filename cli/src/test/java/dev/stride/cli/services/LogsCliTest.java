package dev.stride.cli.services;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.stride.cli.ServerProcess;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real {@code aws logs} command line reading what a Batch job wrote (the job itself submitted
 * with {@code aws batch}): get-log-events, filter-log-events, describe-log-streams, and
 * {@code aws logs tail}, which only aws-cli v2 has. Holds for v1 and v2 (see {@link AwsCli}).
 */
class LogsCliTest {
    private static final String GROUP = "/aws/batch/job";
    @TempDir
    static Path data;
    @TempDir
    static Path cliDir;
    static ServerProcess server;
    static AwsCli aws;
    static AwsCli.Installation installed;
    static String stream;

    @BeforeAll
    static void start() throws Exception {
        installed = AwsCli.installed();
        server = ServerProcess.start(data);
        aws = AwsCli.against(installed, server.endpoint(), cliDir);
        aws.json("batch", "create-compute-environment", "--compute-environment-name", "logs-local", "--type", "UNMANAGED");
        aws.json("batch", "create-job-queue", "--job-queue-name", "logs-queue", "--priority", "1",
                "--compute-environment-order", "order=1,computeEnvironment=logs-local");
        aws.json("batch", "register-job-definition", "--job-definition-name", "report", "--type", "container", "--container-properties",
                // one line at a time: stdout and stderr are read apart, so lines written at once could be stamped in either order
                "{\"image\":\"busybox\",\"command\":[\"sh\",\"-c\",\"echo starting report; sleep 0.05; echo ERROR row 7 is malformed >&2; sleep 0.05; "
                        + "echo wrote 41 rows; sleep 0.05; echo ERROR row 9 is malformed >&2; sleep 0.05; echo done\"]}");
        String id = aws.json("batch", "submit-job", "--job-name", "report", "--job-queue", "logs-queue", "--job-definition", "report")
                .path("jobId").asText();
        stream = BatchCliTest.awaitStatus(aws, id, "SUCCEEDED").path("container").path("logStreamName").asText();
        assertThat(stream).startsWith("report/default/");
    }

    @AfterAll
    static void stop() throws Exception {
        if (server != null) server.close();
    }

    @Test
    void getLogEventsReadsTheJobsLinesInOrderFromTheHead() {
        JsonNode events = aws.json("logs", "get-log-events", "--log-group-name", GROUP, "--log-stream-name", stream, "--start-from-head")
                .path("events");
        assertThat(SqsCliTest.texts(events, "message")).containsExactly("starting report", "ERROR row 7 is malformed", "wrote 41 rows",
                "ERROR row 9 is malformed", "done");
        for (int i = 1; i < events.size(); i++) {
            assertThat(events.get(i).path("timestamp").asLong()).isGreaterThanOrEqualTo(events.get(i - 1).path("timestamp").asLong());
        }
        JsonNode two = aws.json("logs", "get-log-events", "--log-group-name", GROUP, "--log-stream-name", stream, "--start-from-head",
                "--limit", "2");
        assertThat(SqsCliTest.texts(two.path("events"), "message")).containsExactly("starting report", "ERROR row 7 is malformed");
        assertThat(two.path("nextForwardToken").asText()).startsWith("f/");
    }

    @Test
    void filterLogEventsFindsTheMatchingLinesOfTheJobsStream() {
        JsonNode found = aws.json("logs", "filter-log-events", "--log-group-name", GROUP, "--log-stream-names", stream,
                "--filter-pattern", "ERROR malformed");
        assertThat(SqsCliTest.texts(found.path("events"), "message")).containsExactly("ERROR row 7 is malformed", "ERROR row 9 is malformed");
        assertThat(found.path("events").path(0).path("logStreamName").asText()).isEqualTo(stream);
        JsonNode phrase = aws.json("logs", "filter-log-events", "--log-group-name", GROUP, "--log-stream-name-prefix", "report/",
                "--filter-pattern", "\"41 rows\"");
        assertThat(SqsCliTest.texts(phrase.path("events"), "message")).containsExactly("wrote 41 rows");
    }

    @Test
    void describeLogStreamsShowsTheJobsStreamAndAMissingGroupIsResourceNotFound() {
        JsonNode streams = aws.json("logs", "describe-log-streams", "--log-group-name", GROUP, "--log-stream-name-prefix", "report/")
                .path("logStreams");
        assertThat(SqsCliTest.texts(streams, "logStreamName")).containsExactly(stream);
        assertThat(streams.get(0).path("lastEventTimestamp").asLong()).isGreaterThanOrEqualTo(streams.get(0).path("firstEventTimestamp").asLong());
        assertThat(aws.fails("logs", "get-log-events", "--log-group-name", "/no/such/group", "--log-stream-name", stream).stderr())
                .contains("ResourceNotFoundException");
    }

    @Test
    void tailPrintsTheJobsLinesWithTheirStream() {
        assumeTrue(installed.major() >= 2, "aws logs tail is a command of aws-cli v2 only (" + installed + ")");
        AwsCli.Result r = aws.run("logs", "tail", GROUP, "--since", "1h");
        assertThat(r.exitCode()).as(r.describe()).isZero();
        assertThat(r.stdout().lines().toList()).hasSize(5).allMatch(l -> l.contains(" " + stream + " "))
                .anyMatch(l -> l.endsWith(" wrote 41 rows"));
        AwsCli.Result filtered = aws.run("logs", "tail", GROUP, "--since", "1h", "--filter-pattern", "ERROR", "--format", "short");
        assertThat(filtered.stdout().lines().toList()).hasSize(2).allMatch(l -> l.contains("ERROR row"));
    }
}
