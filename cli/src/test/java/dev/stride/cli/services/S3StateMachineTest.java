package dev.stride.cli.services;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.stride.cli.ServerProcess;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.sfn.SfnClient;
import software.amazon.awssdk.services.sfn.model.DescribeExecutionResponse;
import software.amazon.awssdk.services.sfn.model.ExecutionStatus;

/** Task states calling {@code arn:aws:states:::aws-sdk:s3:*} in-process, read back by the user's own S3 client. */
class S3StateMachineTest {
    private static final ObjectMapper JSON = new ObjectMapper();
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
    }

    @AfterAll
    static void stop() throws Exception {
        if (server != null) server.close();
    }

    @Test
    void aWorkflowWritesReadsAndListsObjectsAndCatchesNoSuchKey() throws Exception {
        s3.createBucket(b -> b.bucket("flow-data"));
        s3.putObject(b -> b.bucket("flow-data").key("in/order.json"), RequestBody.fromString("{\"id\":7}"));
        String def = """
            {"StartAt":"Get","States":{
              "Get":{"Type":"Task","Resource":"arn:aws:states:::aws-sdk:s3:getObject",
                "Parameters":{"Bucket":"flow-data","Key":"in/order.json"},"ResultSelector":{"order.$":"States.StringToJson($.Body)"},
                "Next":"Put"},
              "Put":{"Type":"Task","Resource":"arn:aws:states:::aws-sdk:s3:putObject",
                "Parameters":{"Bucket":"flow-data","Key":"out/result.json","Body.$":"$.order","ContentType":"application/json"},
                "ResultPath":"$.put","Next":"List"},
              "List":{"Type":"Task","Resource":"arn:aws:states:::aws-sdk:s3:listObjectsV2",
                "Parameters":{"Bucket":"flow-data","Prefix":"out/"},"ResultPath":"$.list","Next":"Missing"},
              "Missing":{"Type":"Task","Resource":"arn:aws:states:::aws-sdk:s3:getObject",
                "Parameters":{"Bucket":"flow-data","Key":"nope"},
                "Catch":[{"ErrorEquals":["S3.NoSuchKeyException"],"ResultPath":"$.error","Next":"Done"}],"End":true},
              "Done":{"Type":"Pass","End":true}}}""";
        String sm = sfn.createStateMachine(b -> b.name("s3-flow").definition(def).roleArn("arn:aws:iam::123456789012:role/r")).stateMachineArn();
        String exec = sfn.startExecution(b -> b.stateMachineArn(sm).input("{}")).executionArn();
        DescribeExecutionResponse d = sfn.describeExecution(b -> b.executionArn(exec));
        for (int i = 0; i < 200 && d.status() == ExecutionStatus.RUNNING; i++) {
            Thread.sleep(50);
            d = sfn.describeExecution(b -> b.executionArn(exec));
        }
        assertThat(d.status()).as(d.toString()).isEqualTo(ExecutionStatus.SUCCEEDED);
        JsonNode out = JSON.readTree(d.output());
        assertThat(out.path("list").path("KeyCount").asInt()).isEqualTo(1);
        assertThat(out.path("list").path("Contents").get(0).path("Key").asText()).isEqualTo("out/result.json");
        assertThat(out.path("error").path("Error").asText()).isEqualTo("S3.NoSuchKeyException");
        assertThat(s3.getObjectAsBytes(b -> b.bucket("flow-data").key("out/result.json")).asUtf8String()).isEqualTo("{\"id\":7}");
    }
}
