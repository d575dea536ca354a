package dev.stride.examples.tabletofifo;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.DeleteMessageBatchRequestEntry;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.MessageSystemAttributeName;
import software.amazon.awssdk.services.sqs.model.ReceiveMessageResponse;

/**
 * The records' consumer: reads the FIFO queue in order with the AWS SDK for Java v2 (long polls of
 * up to ten messages), prints each record with its sequence number, and deletes what it has read,
 * as any SQS consumer would. It knows nothing of Stride beyond the endpoint.
 *
 * <pre>{@code
 * java -cp cli/target/stride.jar dev.stride.examples.tabletofifo.RecordConsumer http://localhost:8083 QUEUE_URL
 * }</pre>
 * On its own it stops after three seconds without a message; {@code stride example table-to-fifo}
 * runs it beside the execution and stops it once the execution has ended and the queue is drained.
 */
public final class RecordConsumer {
    /** One record as the queue delivered it. */
    public record Received(String messageId, String deduplicationId, String sequenceNumber, String body) {}

    private RecordConsumer() {}

    public static void main(String[] args) {
        if (args.length != 2) {
            System.err.println("usage: RecordConsumer ENDPOINT QUEUE_URL");
            System.exit(2);
        }
        try (SqsClient sqs = SqsClient.builder().endpointOverride(URI.create(args[0])).region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test")))
                .httpClient(UrlConnectionHttpClient.create()).build()) {
            long[] lastMessage = {System.nanoTime()};
            List<Received> read = read(sqs, args[1], System.out::println, () -> System.nanoTime() - lastMessage[0] > Duration.ofSeconds(3).toNanos(),
                    r -> lastMessage[0] = System.nanoTime());
            System.out.println(read.size() + " records read");
        }
    }

    /**
     * Reads until a receive comes back empty when {@code finished} is true; calls {@code seen} for
     * each record, in the queue's order.
     */
    public static List<Received> read(SqsClient sqs, String queueUrl, Consumer<String> say, BooleanSupplier finished,
                                      Consumer<Received> seen) {
        List<Received> all = new ArrayList<>();
        while (true) {
            boolean last = finished.getAsBoolean(); // asked before the receive: nothing arrives after an empty one
            ReceiveMessageResponse r = sqs.receiveMessage(b -> b.queueUrl(queueUrl).maxNumberOfMessages(10).waitTimeSeconds(1)
                    .messageSystemAttributeNames(MessageSystemAttributeName.ALL));
            if (r.messages().isEmpty()) {
                if (last) return all;
                continue;
            }
            List<DeleteMessageBatchRequestEntry> done = new ArrayList<>();
            for (Message m : r.messages()) {
                Received record = new Received(m.messageId(),
                        m.attributes().get(MessageSystemAttributeName.MESSAGE_DEDUPLICATION_ID),
                        m.attributes().get(MessageSystemAttributeName.SEQUENCE_NUMBER), m.body());
                say.accept("   consumer: #" + record.sequenceNumber() + " " + record.deduplicationId() + ": " + record.body());
                all.add(record);
                seen.accept(record);
                done.add(DeleteMessageBatchRequestEntry.builder().id(String.valueOf(done.size())).receiptHandle(m.receiptHandle()).build());
            }
            sqs.deleteMessageBatch(b -> b.queueUrl(queueUrl).entries(done));
        }
    }
}
