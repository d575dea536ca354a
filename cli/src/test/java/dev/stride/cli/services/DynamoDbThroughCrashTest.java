package dev.stride.cli.services;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.stride.cli.ServerProcess;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.sfn.SfnClient;
import software.amazon.awssdk.services.sfn.model.DescribeExecutionResponse;
import software.amazon.awssdk.services.sfn.model.ExecutionStatus;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.DeleteMessageBatchRequestEntry;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/**
 * {@code stride server} killed with SIGKILL while DynamoDB is being written, by clients and by a
 * state machine: after a restart on the same data every acknowledged write is there, and a
 * table walked record by record into a FIFO queue through several kills ends empty with each
 * record in the queue exactly once.
 */
class DynamoDbThroughCrashTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    @TempDir
    Path data;

    @Test
    void everyAcknowledgedPutSurvivesAKillInTheMiddleOfConcurrentWrites() throws Exception {
        try (ServerProcess server = ServerProcess.start(data)) {
            Set<String> acked = ConcurrentHashMap.newKeySet();
            try (DynamoDbClient ddb = DynamoDbClients.dynamoDbWithoutRetries(server)) {
                createTable(ddb, "writes");
                AtomicBoolean stop = new AtomicBoolean();
                CountDownLatch enough = new CountDownLatch(1_500);
                List<Thread> writers = new ArrayList<>();
                for (int t = 0; t < 8; t++) {
                    int thread = t;
                    writers.add(Thread.ofPlatform().start(() -> {
                        for (int i = 0; !stop.get(); i++) {
                            String id = thread + "-" + i;
                            try {
                                ddb.putItem(b -> b.tableName("writes").item(Map.of("id", AttributeValue.fromS(id),
                                        "writer", AttributeValue.fromN(String.valueOf(thread)), "body", AttributeValue.fromS("payload of " + id))));
                                acked.add(id);
                                enough.countDown();
                            } catch (RuntimeException e) {
                                return; // the server died under this request: not acknowledged
                            }
                        }
                    }));
                }
                assertThat(enough.await(60, TimeUnit.SECONDS)).as("1,500 puts acknowledged before the kill").isTrue();
                server.kill(); // at once: the latest acknowledgements are microseconds old
                stop.set(true);
                for (Thread w : writers) w.join();
            }
            server.restart();
            try (DynamoDbClient ddb = DynamoDbClients.dynamoDb(server)) {
                Map<String, Map<String, AttributeValue>> stored = new HashMap<>();
                ddb.scanPaginator(b -> b.tableName("writes")).items().forEach(i -> stored.put(i.get("id").s(), i));
                assertThat(stored.keySet()).containsAll(acked);
                assertThat(stored.size()).isLessThanOrEqualTo(acked.size() + 8); // at most one unacknowledged put per writer
                for (String id : acked) assertThat(stored.get(id).get("body").s()).isEqualTo("payload of " + id);
                assertThat(ddb.describeTable(b -> b.tableName("writes")).table().itemCount()).isEqualTo(stored.size());
            }
        }
    }

    @Test
    void aTableWalkedRecordByRecordIntoAFifoQueueThroughKillsEndsEmptyWithEachRecordSentOnce() throws Exception {
        // Enough records that a restart (which resumes the walk before the poll sees it) cannot carry the walk
        // past the next kill point: with 40 the last kill sometimes found the table already empty.
        int records = 120;
        long seed = System.nanoTime();
        Random random = new Random(seed);
        try (ServerProcess server = ServerProcess.start(data); DynamoDbClient ddb = DynamoDbClients.dynamoDb(server)) {
            String url;
            String exec;
            try (SqsClient sqs = Clients.sqs(server); SfnClient sfn = Clients.sfn(server)) {
                createTable(ddb, "walk");
                for (int i = 0; i < records; i++) {
                    String id = "rec-" + i;
                    ddb.putItem(b -> b.tableName("walk").item(Map.of("id", AttributeValue.fromS(id), "n", AttributeValue.fromN(id.substring(4)))));
                }
                url = sqs.createQueue(b -> b.queueName("walked.fifo").attributes(Map.of(QueueAttributeName.FIFO_QUEUE, "true"))).queueUrl();
                String sm = sfn.createStateMachine(b -> b.name("walk").definition(walk(url))
                        .roleArn("arn:aws:iam::123456789012:role/r")).stateMachineArn();
                exec = sfn.startExecution(b -> b.stateMachineArn(sm).input("{}")).executionArn();
            }
            // A record takes a few milliseconds (scan, send, delete, each committed): watch the table and kill
            // at random points of its way down. The poll itself is part of the randomness.
            List<Long> leftAtKills = new ArrayList<>();
            int kills = 2 + random.nextInt(2);
            for (int k = 1; k <= kills; k++) {
                int killAt = records - k * records / (kills + 1) + random.nextInt(5) - 2;
                long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
                long left = itemCount(ddb);
                while (left > killAt) {
                    assertThat(System.nanoTime()).as("the walk goes on below %d records (seed %d)", killAt, seed).isLessThan(deadline);
                    if (random.nextBoolean()) Thread.sleep(random.nextInt(3));
                    left = itemCount(ddb);
                }
                server.kill();
                leftAtKills.add(left);
                server.restart();
            }
            assertThat(leftAtKills).as("kills in the middle of the walk (seed %d)", seed).hasSize(kills).allMatch(left -> left > 0);

            try (SqsClient sqs = Clients.sqs(server); SfnClient sfn = Clients.sfn(server)) {
                DescribeExecutionResponse d = sfn.describeExecution(b -> b.executionArn(exec));
                for (int i = 0; i < 400 && d.status() == ExecutionStatus.RUNNING; i++) {
                    Thread.sleep(50);
                    d = sfn.describeExecution(b -> b.executionArn(exec));
                }
                assertThat(d.status()).as("%s: %s (seed %d)", d.error(), d.cause(), seed).isEqualTo(ExecutionStatus.SUCCEEDED);
                assertThat(ddb.scan(b -> b.tableName("walk")).count()).isZero();
                assertThat(itemCount(ddb)).isZero();

                List<String> sent = new ArrayList<>();
                while (true) {
                    List<Message> got = sqs.receiveMessage(b -> b.queueUrl(url).maxNumberOfMessages(10)).messages();
                    if (got.isEmpty()) break;
                    for (Message m : got) {
                        JsonNode record = JSON.readTree(m.body());
                        sent.add(record.path("id").path("S").asText());
                        assertThat(record.path("n").path("N").asText()).isEqualTo(record.path("id").path("S").asText().substring(4));
                    }
                    // One message group: the next messages come only once these are deleted.
                    sqs.deleteMessageBatch(b -> b.queueUrl(url).entries(got.stream().map(m -> DeleteMessageBatchRequestEntry.builder()
                            .id(m.messageId()).receiptHandle(m.receiptHandle()).build()).toList()));
                }
                assertThat(sent).as("seed %d", seed).doesNotHaveDuplicates()
                        .containsExactlyInAnyOrderElementsOf(IntStream.range(0, records).mapToObj(i -> "rec-" + i).toList());
            }
        }
    }

    /** Scan one record, send it to the FIFO queue deduplicated by its id, delete it, until a scan finds nothing. */
    private static String walk(String queueUrl) {
        return """
            {"StartAt":"Next","States":{
              "Next":{"Type":"Task","Resource":"arn:aws:states:::aws-sdk:dynamodb:scan",
                "Parameters":{"TableName":"walk","Limit":1},
                "ResultSelector":{"count.$":"$.Count","items.$":"$.Items"},"ResultPath":"$.page","Next":"Empty?"},
              "Empty?":{"Type":"Choice","Choices":[{"Variable":"$.page.count","NumericEquals":0,"Next":"Done"}],"Default":"Send"},
              "Send":{"Type":"Task","Resource":"arn:aws:states:::sqs:sendMessage",
                "Parameters":{"QueueUrl":"%s","MessageGroupId":"walk",
                  "MessageDeduplicationId.$":"$.page.items[0].id.S","MessageBody.$":"$.page.items[0]"},
                "ResultPath":null,"Next":"Delete"},
              "Delete":{"Type":"Task","Resource":"arn:aws:states:::dynamodb:deleteItem",
                "Parameters":{"TableName":"walk","Key":{"id.$":"$.page.items[0].id"}},"ResultPath":null,"Next":"Next"},
              "Done":{"Type":"Succeed"}}}""".formatted(queueUrl);
    }

    private static long itemCount(DynamoDbClient ddb) {
        return ddb.describeTable(b -> b.tableName("walk")).table().itemCount();
    }

    private static void createTable(DynamoDbClient ddb, String name) {
        ddb.createTable(b -> b.tableName(name).billingMode(BillingMode.PAY_PER_REQUEST)
                .attributeDefinitions(a -> a.attributeName("id").attributeType(ScalarAttributeType.S))
                .keySchema(k -> k.attributeName("id").keyType(KeyType.HASH)));
    }
}
