package dev.stride.cli.services;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.stride.cli.ServerProcess;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.sfn.SfnClient;
import software.amazon.awssdk.services.sfn.model.DescribeExecutionResponse;
import software.amazon.awssdk.services.sfn.model.ExecutionStatus;
import software.amazon.awssdk.services.sfn.model.HistoryEvent;

/**
 * A distributed Map reading its items from S3 (ItemReader), batching them (ItemBatcher) and
 * writing its results to S3 (ResultWriter), driven by the SDK v2 S3 and Step Functions clients
 * against a real server.
 */
class DistributedMapReaderTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final AtomicInteger NAMES = new AtomicInteger();
    @TempDir
    static Path data;
    static ServerProcess server;
    static S3Client s3;
    static SfnClient sfn;

    @BeforeAll
    static void start() throws Exception {
        server = ServerProcess.start(data);
        s3 = S3Clients.pathStyle(server);
        sfn = Clients.sfn(server);
        s3.createBucket(b -> b.bucket("items"));
        s3.createBucket(b -> b.bucket("results"));
    }

    @AfterAll
    static void stop() throws Exception {
        if (server != null) server.close();
    }

    private static void put(String key, String body) {
        s3.putObject(b -> b.bucket("items").key(key), RequestBody.fromString(body));
    }

    private static String map(String reader, String extra) {
        return """
            {"StartAt":"Map","States":{"Map":{"Type":"Map","MaxConcurrency":5,%s
              "ItemReader":%s,
              "ItemProcessor":{"ProcessorConfig":{"Mode":"DISTRIBUTED","ExecutionType":"STANDARD"},
                "StartAt":"P","States":{"P":{"Type":"Pass","End":true}}},"End":true}}}""".formatted(extra, reader);
    }

    private static DescribeExecutionResponse run(String definition, String input) throws Exception {
        String name = "dm-" + NAMES.incrementAndGet();
        String sm = sfn.createStateMachine(b -> b.name(name).definition(definition).roleArn("arn:aws:iam::123456789012:role/r")).stateMachineArn();
        String exec = sfn.startExecution(b -> b.stateMachineArn(sm).input(input)).executionArn();
        DescribeExecutionResponse d = sfn.describeExecution(b -> b.executionArn(exec));
        for (int i = 0; i < 400 && d.status() == ExecutionStatus.RUNNING; i++) {
            Thread.sleep(25);
            d = sfn.describeExecution(b -> b.executionArn(exec));
        }
        return d;
    }

    private static final String JSON_READER = """
        {"Resource":"arn:aws:states:::s3:getObject","ReaderConfig":{"InputType":"JSON"},
         "Parameters":{"Bucket.$":"$.Bucket","Key.$":"$.Key"}}""";

    @Test
    void aJsonArrayBecomesOneChildPerItemAndTheHistoryIsAwsShaped() throws Exception {
        put("list.json", "[{\"a\":1},{\"a\":2},{\"a\":3}]");
        DescribeExecutionResponse d = run(map(JSON_READER, ""), "{\"Bucket\":\"items\",\"Key\":\"list.json\"}");
        assertThat(d.status()).as(d.toString()).isEqualTo(ExecutionStatus.SUCCEEDED);
        assertThat(JSON.readTree(d.output())).isEqualTo(JSON.readTree("[{\"a\":1},{\"a\":2},{\"a\":3}]"));
        List<HistoryEvent> events = sfn.getExecutionHistory(b -> b.executionArn(d.executionArn())).events();
        assertThat(events.stream().map(HistoryEvent::typeAsString).toList()).containsExactly("ExecutionStarted", "MapStateEntered",
                "MapStateStarted", "MapRunStarted", "MapRunSucceeded", "MapStateSucceeded", "MapStateExited", "ExecutionSucceeded");
        assertThat(events.get(2).mapStateStartedEventDetails().length()).isZero(); // AWS: unknown when the Map starts
    }

    @Test
    void csvWithAHeaderRowFillsMissingFieldsAndDropsExtraOnes() throws Exception {
        put("rows.csv", "H1,\nValue4,Value5,Value6\n,,,\n\"a,b\",\"say \"\"hi\"\"\"\n   \n");
        String reader = """
            {"Resource":"arn:aws:states:::s3:getObject","ReaderConfig":{"InputType":"CSV","CSVHeaderLocation":"FIRST_ROW"},
             "Parameters":{"Bucket":"items","Key":"rows.csv"}}""";
        DescribeExecutionResponse d = run(map(reader, ""), "{}");
        assertThat(d.status()).as(d.toString()).isEqualTo(ExecutionStatus.SUCCEEDED);
        assertThat(JSON.readTree(d.output())).isEqualTo(JSON.readTree(
                "[{\"H1\":\"Value4\",\"\":\"Value5\"},{\"H1\":\"\",\"\":\"\"},{\"H1\":\"a,b\",\"\":\"say \\\"hi\\\"\"},{\"H1\":\"   \",\"\":\"\"}]"));
    }

    @Test
    void givenCsvHeadersWithAPipeDelimiterAndMaxItems() throws Exception {
        put("pipes.csv", "1|x\n2|y\n3|z\n");
        String reader = """
            {"Resource":"arn:aws:states:::s3:getObject",
             "ReaderConfig":{"InputType":"CSV","CSVHeaderLocation":"GIVEN","CSVHeaders":["n","s"],"CSVDelimiter":"PIPE","MaxItems":2},
             "Parameters":{"Bucket":"items","Key":"pipes.csv"}}""";
        DescribeExecutionResponse d = run(map(reader, ""), "{}");
        assertThat(JSON.readTree(d.output())).isEqualTo(JSON.readTree("[{\"n\":\"1\",\"s\":\"x\"},{\"n\":\"2\",\"s\":\"y\"}]"));
    }

    @Test
    void duplicateCsvHeadersFailTheMapRunAsAwsDoes() throws Exception {
        String reader = """
            {"Resource":"arn:aws:states:::s3:getObject",
             "ReaderConfig":{"InputType":"CSV","CSVHeaderLocation":"GIVEN","CSVHeaders":["a","a"]},
             "Parameters":{"Bucket":"items","Key":"pipes.csv"}}""";
        put("pipes.csv", "1|x\n");
        DescribeExecutionResponse d = run(map(reader, ""), "{}");
        assertThat(d.status()).isEqualTo(ExecutionStatus.FAILED);
        assertThat(d.error()).isEqualTo("States.ItemReaderFailed");
        assertThat(d.cause()).isEqualTo("CSV headers cannot contain duplicates.");
        List<HistoryEvent> events = sfn.getExecutionHistory(b -> b.executionArn(d.executionArn())).events();
        assertThat(events.stream().map(HistoryEvent::typeAsString).toList()).containsExactly("ExecutionStarted", "MapStateEntered",
                "MapStateStarted", "MapRunStarted", "MapRunFailed", "MapStateFailed", "ExecutionFailed");
        assertThat(events.get(4).mapRunFailedEventDetails().error()).isEqualTo("States.ItemReaderFailed");
    }

    @Test
    void jsonLinesAndAnItemsPointer() throws Exception {
        put("lines.jsonl", "{\"k\":1}\n\n{\"k\":2}\n");
        put("nested.json", "{\"skip\":[1,2],\"data\":{\"rows\":[\"x\",\"y\"]}}");
        String lines = """
            {"Resource":"arn:aws:states:::s3:getObject","ReaderConfig":{"InputType":"JSONL"},"Parameters":{"Bucket":"items","Key":"lines.jsonl"}}""";
        assertThat(JSON.readTree(run(map(lines, ""), "{}").output())).isEqualTo(JSON.readTree("[{\"k\":1},{\"k\":2}]"));
        String pointer = """
            {"Resource":"arn:aws:states:::s3:getObject","ReaderConfig":{"InputType":"JSON","ItemsPointer":"/data/rows"},
             "Parameters":{"Bucket":"items","Key":"nested.json"}}""";
        assertThat(JSON.readTree(run(map(pointer, ""), "{}").output())).isEqualTo(JSON.readTree("[\"x\",\"y\"]"));
    }

    @Test
    void listObjectsV2GivesOneItemPerObject() throws Exception {
        s3.createBucket(b -> b.bucket("listed"));
        for (int i = 0; i < 3; i++) {
            int n = i;
            s3.putObject(b -> b.bucket("listed").key("file_" + n + ".txt"), RequestBody.fromString(n + "HelloWorld!"));
        }
        String reader = """
            {"Resource":"arn:aws:states:::s3:listObjectsV2","Parameters":{"Bucket":"listed"}}""";
        JsonNode out = JSON.readTree(run(map(reader, ""), "{}").output());
        assertThat(out).hasSize(3);
        assertThat(out.get(0).path("Key").asText()).isEqualTo("file_0.txt");
        assertThat(out.get(0).path("Size").asInt()).isEqualTo(12);
        assertThat(out.get(0).path("StorageClass").asText()).isEqualTo("STANDARD");
        assertThat(out.get(0).path("Etag").asText()).startsWith("\"");
        assertThat(out.get(0).path("LastModified").isNumber()).isTrue();
    }

    @Test
    void aMissingKeyOrAMalformedFileFailsWithItemReaderFailedAndTheServerGoesOn() throws Exception {
        DescribeExecutionResponse missing = run(map(JSON_READER, ""), "{\"Bucket\":\"items\",\"Key\":\"nope.json\"}");
        assertThat(missing.error()).isEqualTo("States.ItemReaderFailed");
        assertThat(missing.cause()).contains("NoSuchKey");
        DescribeExecutionResponse noBucket = run(map(JSON_READER, ""), "{\"Bucket\":\"no-bucket\",\"Key\":\"x.json\"}");
        assertThat(noBucket.cause()).contains("NoSuchBucket");
        put("bad.json", "[{\"a\":1},{\"a\":");
        DescribeExecutionResponse bad = run(map(JSON_READER, ""), "{\"Bucket\":\"items\",\"Key\":\"bad.json\"}");
        assertThat(bad.error()).isEqualTo("States.ItemReaderFailed");
        put("object.json", "{\"a\":1}");
        DescribeExecutionResponse notList = run(map(JSON_READER, ""), "{\"Bucket\":\"items\",\"Key\":\"object.json\"}");
        assertThat(notList.cause()).isEqualTo("Attempting to map over non-iterable node.");
        String caught = """
            {"StartAt":"Map","States":{"Map":{"Type":"Map","ItemReader":%s,
              "ItemProcessor":{"ProcessorConfig":{"Mode":"DISTRIBUTED","ExecutionType":"EXPRESS"},
                "StartAt":"P","States":{"P":{"Type":"Pass","End":true}}},
              "Catch":[{"ErrorEquals":["States.ItemReaderFailed"],"Next":"Handled"}],"End":true},
              "Handled":{"Type":"Pass","End":true}}}""".formatted(JSON_READER);
        DescribeExecutionResponse handled = run(caught, "{\"Bucket\":\"items\",\"Key\":\"nope.json\"}");
        assertThat(handled.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
        assertThat(JSON.readTree(handled.output()).path("Error").asText()).isEqualTo("States.ItemReaderFailed");
    }

    @Test
    void itemBatcherGroupsSelectedItemsWithBatchInput() throws Exception {
        put("ten.json", "[0,1,2,3,4,5,6,7,8,9]");
        String extra = """
            "ItemSelector":{"v.$":"$$.Map.Item.Value"},
            "ItemBatcher":{"MaxItemsPerBatch":4,"BatchInput":{"run.$":"$.Run"}},""";
        DescribeExecutionResponse d = run(map(JSON_READER, extra), "{\"Bucket\":\"items\",\"Key\":\"ten.json\",\"Run\":\"r1\"}");
        JsonNode out = JSON.readTree(d.output());
        assertThat(out).as(d.toString()).hasSize(3);
        assertThat(out.get(0)).isEqualTo(JSON.readTree("{\"BatchInput\":{\"run\":\"r1\"},\"Items\":[{\"v\":0},{\"v\":1},{\"v\":2},{\"v\":3}]}"));
        assertThat(out.get(2).path("Items")).hasSize(2);
    }

    @Test
    void resultWriterWritesTheManifestAndResultFiles() throws Exception {
        put("three.json", "[\"a\",\"b\",\"c\"]");
        String extra = """
            "Label":"Writer","ResultWriter":{"Resource":"arn:aws:states:::s3:putObject","Parameters":{"Bucket":"results","Prefix":"jobs"}},""";
        DescribeExecutionResponse d = run(map(JSON_READER, extra), "{\"Bucket\":\"items\",\"Key\":\"three.json\"}");
        assertThat(d.status()).as(d.toString()).isEqualTo(ExecutionStatus.SUCCEEDED);
        JsonNode out = JSON.readTree(d.output());
        String runArn = out.path("MapRunArn").asText();
        assertThat(runArn).contains(":mapRun:").contains("/Writer:");
        String uuid = runArn.substring(runArn.lastIndexOf(':') + 1);
        assertThat(out.path("ResultWriterDetails")).isEqualTo(JSON.readTree(
                "{\"Bucket\":\"results\",\"Key\":\"jobs/" + uuid + "/manifest.json\"}"));
        JsonNode manifest = JSON.readTree(s3.getObjectAsBytes(b -> b.bucket("results").key("jobs/" + uuid + "/manifest.json")).asUtf8String());
        assertThat(manifest.path("DestinationBucket").asText()).isEqualTo("results");
        assertThat(manifest.path("MapRunArn").asText()).isEqualTo(runArn);
        assertThat(manifest.path("ResultFiles").path("FAILED")).isEmpty();
        assertThat(manifest.path("ResultFiles").path("PENDING")).isEmpty();
        JsonNode file = manifest.path("ResultFiles").path("SUCCEEDED").get(0);
        assertThat(file.path("Key").asText()).isEqualTo("jobs/" + uuid + "/SUCCEEDED_0.json");
        String body = s3.getObjectAsBytes(b -> b.bucket("results").key(file.path("Key").asText())).asUtf8String();
        assertThat(file.path("Size").asLong()).isEqualTo(body.getBytes(java.nio.charset.StandardCharsets.UTF_8).length);
        JsonNode results = JSON.readTree(body);
        assertThat(results).hasSize(3);
        assertThat(results.get(1).path("Output").asText()).isEqualTo("\"b\"");
        assertThat(results.get(1).path("Status").asText()).isEqualTo("SUCCEEDED");
        assertThat(results.get(1).path("ExecutionArn").asText()).contains(":execution:").contains("/Writer:");
        var counts = sfn.describeMapRun(b -> b.mapRunArn(runArn)).itemCounts();
        assertThat(counts.total()).isEqualTo(3);
        assertThat(counts.succeeded()).isEqualTo(3);
        assertThat(counts.resultsWritten()).isEqualTo(3);
        assertThat(counts.pending()).isZero();
    }

    @Test
    void aResultWriterToAMissingBucketFailsWithResultWriterFailed() throws Exception {
        put("one.json", "[1]");
        String extra = """
            "ResultWriter":{"Resource":"arn:aws:states:::s3:putObject","Parameters":{"Bucket":"no-such-results","Prefix":"p"}},""";
        DescribeExecutionResponse d = run(map(JSON_READER, extra), "{\"Bucket\":\"items\",\"Key\":\"one.json\"}");
        assertThat(d.error()).isEqualTo("States.ResultWriterFailed");
        assertThat(d.cause()).contains("NoSuchBucket");
    }
}
