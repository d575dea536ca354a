package dev.stride.examples.tabletofifo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.stride.examples.Checks;
import dev.stride.examples.Example;
import dev.stride.examples.ExampleRun;
import dev.stride.examples.Outcome;
import dev.stride.examples.Plan;
import dev.stride.examples.Running;
import dev.stride.examples.Session;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.Select;
import software.amazon.awssdk.services.sfn.model.HistoryEvent;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/**
 * AWS's "Transfer data records" sample: a table loaded by the workflow itself, then emptied one
 * record at a time into a FIFO queue, which {@link RecordConsumer} reads in order meanwhile.
 */
public final class TableToFifo implements Example {
    private static final ObjectMapper JSON = new ObjectMapper();
    private String table;
    private String queueName;
    private String queueUrl;
    private JsonNode records;
    private volatile List<RecordConsumer.Received> consumed = List.of();

    @Override public String name() { return "table-to-fifo"; }

    @Override public String summary() {
        return "Loads a DynamoDB table, then moves each record to an SQS FIFO queue and deletes it until the table is empty; a Java consumer reads the queue in order.";
    }

    @Override public String definition() { return "examples/table-to-fifo/statemachine.asl.json"; }

    @Override
    public Plan prepare(Session s) throws Exception {
        table = s.name("records");
        s.dynamodb().createTable(b -> b.tableName(table).billingMode(BillingMode.PAY_PER_REQUEST)
                .attributeDefinitions(AttributeDefinition.builder().attributeName("MessageId").attributeType(ScalarAttributeType.S).build())
                .keySchema(KeySchemaElement.builder().attributeName("MessageId").keyType(KeyType.HASH).build()));
        s.say("Created DynamoDB table " + table + " (key MessageId)");
        queueName = s.name("records") + ".fifo";
        queueUrl = s.sqs().createQueue(b -> b.queueName(queueName).attributes(Map.of(QueueAttributeName.FIFO_QUEUE, "true"))).queueUrl();
        s.say("Created SQS FIFO queue " + queueUrl);
        records = JSON.readTree(ExampleRun.read("examples/table-to-fifo/records.json"));
        ObjectNode input = JSON.createObjectNode();
        input.set("records", records);
        return new Plan(input, Map.of("DynamoDBTableName", table, "SQSQueueUrl", queueUrl));
    }

    @Override
    public void alongside(Session s, Running running) {
        s.say("   consumer: reading " + queueName + " (RecordConsumer, AWS SDK v2)");
        consumed = RecordConsumer.read(s.sqs(), queueUrl, s::say, running::ended, r -> {});
    }

    @Override
    public void check(Session s, Outcome outcome, Checks checks) throws Exception {
        List<String> loaded = new ArrayList<>();
        records.forEach(r -> loaded.add(r.path("Message").asText()));
        List<String> sent = sentBodies(outcome.events());
        List<String> read = consumed.stream().map(RecordConsumer.Received::body).toList();
        int left = s.dynamodb().scan(b -> b.tableName(table).select(Select.COUNT).consistentRead(true)).count();
        Map<QueueAttributeName, String> queue = s.sqs().getQueueAttributes(b -> b.queueUrl(queueUrl).attributeNames(
                QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES, QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_NOT_VISIBLE)).attributes();

        s.say("Effects:");
        s.say("  table " + table + ": " + loaded.size() + " records loaded, " + left + " left   ("
                + s.aws("dynamodb", "scan --table-name " + table) + ")");
        s.say("  queue " + queueName + ": " + sent.size() + " messages sent, " + read.size() + " read by the consumer in this order: " + read);
        s.say("  read it yourself: " + s.aws("sqs", "receive-message --queue-url " + queueUrl + " --attribute-names All"));
        s.say("  or with the consumer: java -cp cli/target/stride.jar " + RecordConsumer.class.getName() + " " + s.endpoint() + " " + queueUrl);

        checks.expectEqual("the execution succeeded", "SUCCEEDED", outcome.status());
        checks.expectEqual("every record loaded was sent to the queue once", sorted(loaded), sorted(sent));
        checks.expectEqual("the consumer read every message, in the order the workflow sent them", sent, read);
        checks.expect("the queue numbered them in that order", increasing(consumed));
        checks.expectEqual("the table is empty", 0, left);
        checks.expectEqual("the queue is empty: the consumer deleted what it read", "0/0",
                queue.get(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES) + "/"
                        + queue.get(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_NOT_VISIBLE));
        checks.expectEqual("the loop read the table once per record, and once more to find it empty",
                (long) loaded.size() + 1, outcome.entered("Read Next Message from DynamoDB"));
    }

    /** The message bodies of the sqs:sendMessage tasks, in the order they were scheduled. */
    private static List<String> sentBodies(List<HistoryEvent> events) throws Exception {
        List<String> bodies = new ArrayList<>();
        for (HistoryEvent e : events) {
            var scheduled = e.taskScheduledEventDetails();
            if (scheduled == null || !"sqs".equals(scheduled.resourceType()) || !"sendMessage".equals(scheduled.resource())) continue;
            bodies.add(JSON.readTree(scheduled.parameters()).path("MessageBody").asText());
        }
        return bodies;
    }

    private static List<String> sorted(List<String> values) { return values.stream().sorted().toList(); }

    private static boolean increasing(List<RecordConsumer.Received> received) {
        for (int i = 1; i < received.size(); i++) {
            if (new BigInteger(received.get(i - 1).sequenceNumber()).compareTo(new BigInteger(received.get(i).sequenceNumber())) >= 0) {
                return false;
            }
        }
        return !received.isEmpty();
    }
}
