package dev.stride.cli.services;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.stride.cli.ServerProcess;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import java.util.Map;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.sfn.SfnClient;
import software.amazon.awssdk.services.sfn.model.DescribeExecutionResponse;
import software.amazon.awssdk.services.sfn.model.ExecutionStatus;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;

/**
 * A server whose stride.yaml passes SQS through to another endpoint, here a second Stride server
 * standing in for AWS: both the SDK's requests and the Task states' calls end up on the remote.
 */
class PassThroughTest {
    private static final String ROLE = "arn:aws:iam::123456789012:role/r";
    @TempDir
    static Path dir;
    static ServerProcess remote;
    static ServerProcess local;
    static SqsClient sqsViaLocal;
    static SqsClient sqsOnRemote;
    static SfnClient sfn;

    @BeforeAll
    static void start() throws Exception {
        remote = ServerProcess.start(dir.resolve("remote-data"));
        Path config = dir.resolve("stride.yaml");
        Files.writeString(config, """
            services:
              sqs:
                passThrough:
                  endpoint: %s
                  region: us-east-1
                  accessKeyId: remote-key
                  secretAccessKey: remote-secret
              dynamodb: {passThrough: {endpoint: %s, region: us-east-1, accessKeyId: remote-key, secretAccessKey: remote-secret}}
            """.formatted(remote.endpoint(), remote.endpoint()));
        local = ServerProcess.start(dir.resolve("local-data"), "--config", config.toString());
        sqsViaLocal = Clients.sqs(local);
        sqsOnRemote = Clients.sqs(remote);
        sfn = Clients.sfn(local);
    }

    @AfterAll
    static void stop() throws Exception {
        sqsViaLocal.close();
        sqsOnRemote.close();
        sfn.close();
        local.close();
        remote.close();
    }

    @Test
    void aQueueCreatedThroughThePassThroughServerExistsOnTheRemoteAndNotLocally() throws Exception {
        String url = sqsViaLocal.createQueue(b -> b.queueName("passed-through")).queueUrl();

        assertThat(url).startsWith(remote.endpoint().toString());
        assertThat(sqsOnRemote.listQueues(b -> b.queueNamePrefix("passed-through")).queueUrls()).containsExactly(url);
        sqsViaLocal.sendMessage(b -> b.queueUrl(url).messageBody("via local"));
        assertThat(sqsOnRemote.receiveMessage(b -> b.queueUrl(url).waitTimeSeconds(1)).messages())
                .extracting(Message::body).containsExactly("via local");
        assertThat(local.log()).contains("passed through: sqs -> " + remote.endpoint());

        // the local server's own data, served without the pass-through: its SQS never saw the queue
        local.close();
        try (ServerProcess alone = ServerProcess.start(dir.resolve("local-data"));
             SqsClient own = Clients.sqs(alone)) {
            assertThat(own.listQueues(b -> b.queueNamePrefix("passed-through")).queueUrls()).isEmpty();
        } finally {
            local.restart();
        }
    }

    @Test
    void aSendMessageTaskOnThePassThroughServerPutsTheMessageInTheRemoteQueue() throws Exception {
        String url = sqsOnRemote.createQueue(b -> b.queueName("task-target")).queueUrl();
        String definition = """
            {"StartAt":"Send","States":{"Send":{"Type":"Task","Resource":"arn:aws:states:::sqs:sendMessage",
              "Parameters":{"QueueUrl":"%s","MessageBody.$":"$.order"},"End":true}}}""".formatted(url);
        String machine = sfn.createStateMachine(b -> b.name("send-remote").definition(definition).roleArn(ROLE)).stateMachineArn();
        String execution = sfn.startExecution(b -> b.stateMachineArn(machine).input("{\"order\":{\"id\":7}}")).executionArn();

        DescribeExecutionResponse d = awaitEnd(execution);
        assertThat(d.status()).as(d.cause()).isEqualTo(ExecutionStatus.SUCCEEDED);
        assertThat(d.output()).contains("\"MessageId\"");
        List<Message> got = sqsOnRemote.receiveMessage(b -> b.queueUrl(url).waitTimeSeconds(2)).messages();
        assertThat(got).extracting(Message::body).containsExactly("{\"id\":7}");
    }

    @Test
    void dynamoDbPassesThroughAsDeclaredForBothClientsAndTaskStates() throws Exception {
        try (DynamoDbClient viaLocal = dynamodb(local); DynamoDbClient onRemote = dynamodb(remote)) {
            viaLocal.createTable(b -> b.tableName("remote-table").billingMode("PAY_PER_REQUEST")
                    .attributeDefinitions(a -> a.attributeName("id").attributeType(ScalarAttributeType.S))
                    .keySchema(k -> k.attributeName("id").keyType(KeyType.HASH)));
            assertThat(onRemote.listTables().tableNames()).contains("remote-table");

            String definition = """
                {"StartAt":"Put","States":{"Put":{"Type":"Task","Resource":"arn:aws:states:::dynamodb:putItem",
                  "Parameters":{"TableName":"remote-table","Item":{"id":{"S.$":"$.id"}}},"End":true}}}""";
            String machine = sfn.createStateMachine(b -> b.name("put-remote").definition(definition).roleArn(ROLE)).stateMachineArn();
            String execution = sfn.startExecution(b -> b.stateMachineArn(machine).input("{\"id\":\"r-1\"}")).executionArn();
            DescribeExecutionResponse d = awaitEnd(execution);
            assertThat(d.status()).as(d.cause()).isEqualTo(ExecutionStatus.SUCCEEDED);
            assertThat(onRemote.getItem(b -> b.tableName("remote-table").key(Map.of("id", AttributeValue.fromS("r-1")))).item())
                    .containsKey("id");
        }
    }

    private static DynamoDbClient dynamodb(ServerProcess server) {
        return DynamoDbClient.builder().endpointOverride(server.endpoint()).region(Region.US_EAST_1)
                .credentialsProvider(ServerProcess.CREDENTIALS).httpClientBuilder(ApacheHttpClient.builder()).build();
    }

    @Test
    void aServiceNameStrideDoesNotServeStopsTheServerNamingTheFileAndField() throws Exception {
        Path config = dir.resolve("typo.yaml");
        Files.writeString(config, "services: {sqss: {passThrough: {region: us-east-1}}}");
        assertThatThrownBy(() -> ServerProcess.start(dir.resolve("typo-data"), "--config", config.toString()))
                .hasMessageContaining(config + ": services.sqss: Stride serves no service by that name (it serves sqs, sns, ");
    }

    private static DescribeExecutionResponse awaitEnd(String execution) throws InterruptedException {
        DescribeExecutionResponse d = sfn.describeExecution(b -> b.executionArn(execution));
        for (int i = 0; i < 200 && d.status() == ExecutionStatus.RUNNING; i++) {
            Thread.sleep(50);
            d = sfn.describeExecution(b -> b.executionArn(execution));
        }
        return d;
    }
}
