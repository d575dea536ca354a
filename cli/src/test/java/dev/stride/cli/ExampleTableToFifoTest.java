package dev.stride.cli;

import static dev.stride.cli.ExampleHarness.stride;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.stride.examples.tabletofifo.RecordConsumer;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.Select;
import software.amazon.awssdk.services.sfn.SfnClient;
import software.amazon.awssdk.services.sfn.model.ExecutionListItem;
import software.amazon.awssdk.services.sfn.model.HistoryEvent;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/** examples/table-to-fifo end to end, on a real server: what a user would look at afterwards. */
class ExampleTableToFifoTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<String> RECORDS = List.of("Order 1001: 2 x espresso beans", "Order 1002: 1 x grinder",
            "Order 1003: 6 x filter papers", "Order 1004: 1 x kettle", "Order 1005: 3 x mugs");

    @Test
    void theTableEndsEmptyAndTheConsumerReadsEveryRecordInTheOrderSent(@TempDir Path dir) throws Exception {
        try (ServerProcess server = ServerProcess.start(dir.resolve("data"));
             SqsClient sqs = ExampleHarness.sqs(server.endpoint());
             DynamoDbClient dynamodb = ExampleHarness.dynamodb(server.endpoint());
             SfnClient sfn = ExampleHarness.sfn(server.endpoint())) {
            ExampleHarness.Result r = stride("example", "table-to-fifo", "--endpoint", server.endpoint().toString());
            assertThat(r.exitCode()).as(r.output()).isZero();
            assertThat(r.lastLine()).isEqualTo("SUCCEEDED");
            assertThat(r.took()).isLessThan(Duration.ofSeconds(15));

            String table = dynamodb.listTables().tableNames().stream().filter(t -> t.startsWith("records-")).findFirst().orElseThrow();
            assertThat(dynamodb.scan(b -> b.tableName(table).select(Select.COUNT)).count()).as("items left in " + table).isZero();

            String queueUrl = sqs.listQueues(b -> b.queueNamePrefix("records-")).queueUrls().getFirst();
            Map<QueueAttributeName, String> attrs = sqs.getQueueAttributes(b -> b.queueUrl(queueUrl).attributeNames(QueueAttributeName.ALL)).attributes();
            assertThat(attrs).containsEntry(QueueAttributeName.FIFO_QUEUE, "true")
                    .containsEntry(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES, "0")
                    .containsEntry(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_NOT_VISIBLE, "0");

            // The messages the workflow sent, in order, with the sequence numbers SQS gave them ...
            String machine = sfn.listStateMachines().stateMachines().stream().filter(m -> m.name().startsWith("example-table-to-fifo"))
                    .findFirst().orElseThrow().stateMachineArn();
            ExecutionListItem run = sfn.listExecutions(b -> b.stateMachineArn(machine)).executions().getFirst();
            assertThat(run.statusAsString()).isEqualTo("SUCCEEDED");
            List<String> sent = new ArrayList<>();
            for (HistoryEvent e : sfn.getExecutionHistory(b -> b.executionArn(run.executionArn()).maxResults(1000)).events()) {
                if (e.taskSucceededEventDetails() != null && "sendMessage".equals(e.taskSucceededEventDetails().resource())) {
                    sent.add(JSON.readTree(e.taskSucceededEventDetails().output()).path("SequenceNumber").asText());
                }
            }
            assertThat(sent).hasSize(RECORDS.size());
            // ... are the ones the consumer printed, in that order, and they are every record loaded.
            List<String> consumed = r.lines().stream().filter(l -> l.startsWith("   consumer: #")).toList();
            assertThat(consumed).hasSize(RECORDS.size());
            for (int i = 0; i < sent.size(); i++) assertThat(consumed.get(i)).startsWith("   consumer: #" + sent.get(i) + " ");
            assertThat(consumed.stream().map(l -> l.substring(l.indexOf(": ", 12) + 2)).sorted().toList()).isEqualTo(RECORDS);
        }
    }

    @Test
    void runsOnItsOwnThrowawayServerTooAndSaysWhereToLook() {
        ExampleHarness.Result r = stride("example", "table-to-fifo");
        assertThat(r.exitCode()).as(r.output()).isZero();
        assertThat(r.output()).contains("ok: the table is empty", "ok: the consumer read every message, in the order the workflow sent them",
                "aws dynamodb --endpoint-url http://localhost:", "scan --table-name records", RecordConsumer.class.getName());
        assertThat(r.lastLine()).isEqualTo("SUCCEEDED");
        assertThat(r.took()).isLessThan(Duration.ofSeconds(15));
    }

}
