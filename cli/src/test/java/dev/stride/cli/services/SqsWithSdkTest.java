package dev.stride.cli.services;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.stride.cli.ServerProcess;
import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.MessageAttributeValue;
import software.amazon.awssdk.services.sqs.model.MessageSystemAttributeName;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;
import software.amazon.awssdk.services.sqs.model.QueueDoesNotExistException;
import software.amazon.awssdk.services.sqs.model.SqsException;

/**
 * The AWS SDK for Java v2's SQS client against a real {@code stride server}: what a consumer
 * program does, including the MD5 digests the SDK checks on every send and receive.
 */
class SqsWithSdkTest {
    @TempDir
    static Path data;
    static ServerProcess server;
    static SqsClient sqs;

    @BeforeAll
    static void start() throws Exception {
        server = ServerProcess.start(data);
        sqs = Clients.sqs(server);
    }

    @AfterAll
    static void stop() throws Exception {
        sqs.close();
        server.close();
    }

    @Test
    void aMessageSentWithAttributesIsReceivedOnceAndGoneAfterDelete() {
        String url = sqs.createQueue(b -> b.queueName("orders")).queueUrl();
        assertThat(url).isEqualTo(server.endpoint() + "/123456789012/orders");
        var sent = sqs.sendMessage(b -> b.queueUrl(url).messageBody("hello")
                .messageAttributes(Map.of("kind", MessageAttributeValue.builder().dataType("String").stringValue("greeting").build(),
                        "blob", MessageAttributeValue.builder().dataType("Binary").binaryValue(SdkBytes.fromUtf8String("xyz")).build())));
        assertThat(sent.messageId()).isNotBlank();

        List<Message> got = sqs.receiveMessage(b -> b.queueUrl(url).waitTimeSeconds(1).messageAttributeNames("All")
                .messageSystemAttributeNames(MessageSystemAttributeName.ALL)).messages();
        assertThat(got).hasSize(1);
        Message m = got.get(0);
        assertThat(m.body()).isEqualTo("hello");
        assertThat(m.messageId()).isEqualTo(sent.messageId());
        assertThat(m.messageAttributes().get("kind").stringValue()).isEqualTo("greeting");
        assertThat(m.attributes().get(MessageSystemAttributeName.APPROXIMATE_RECEIVE_COUNT)).isEqualTo("1");

        // In flight: a second receive sees nothing.
        assertThat(sqs.receiveMessage(b -> b.queueUrl(url)).messages()).isEmpty();
        sqs.deleteMessage(b -> b.queueUrl(url).receiptHandle(m.receiptHandle()));
        var attrs = sqs.getQueueAttributes(b -> b.queueUrl(url).attributeNames(QueueAttributeName.ALL)).attributes();
        assertThat(attrs.get(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES)).isEqualTo("0");
        assertThat(attrs.get(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_NOT_VISIBLE)).isEqualTo("0");
        assertThat(attrs.get(QueueAttributeName.QUEUE_ARN)).isEqualTo("arn:aws:sqs:us-east-1:123456789012:orders");
    }

    @Test
    void aFifoQueueDeliversAGroupInOrderAndHoldsItWhileABatchIsInFlight() {
        String url = sqs.createQueue(b -> b.queueName("steps.fifo").attributes(Map.of(QueueAttributeName.FIFO_QUEUE, "true",
                QueueAttributeName.CONTENT_BASED_DEDUPLICATION, "true"))).queueUrl();
        for (int i = 1; i <= 5; i++) {
            int n = i;
            sqs.sendMessage(b -> b.queueUrl(url).messageBody("step " + n).messageGroupId("g1"));
        }
        // A duplicate body within five minutes is dropped.
        sqs.sendMessage(b -> b.queueUrl(url).messageBody("step 1").messageGroupId("g1"));

        List<Message> first = sqs.receiveMessage(b -> b.queueUrl(url).maxNumberOfMessages(2)).messages();
        assertThat(first).extracting(Message::body).containsExactly("step 1", "step 2");
        assertThat(sqs.receiveMessage(b -> b.queueUrl(url).maxNumberOfMessages(10)).messages()).isEmpty();
        first.forEach(m -> sqs.deleteMessage(b -> b.queueUrl(url).receiptHandle(m.receiptHandle())));

        List<String> rest = new ArrayList<>();
        sqs.receiveMessage(b -> b.queueUrl(url).maxNumberOfMessages(10)).messages().forEach(m -> rest.add(m.body()));
        assertThat(rest).containsExactly("step 3", "step 4", "step 5");
    }

    @Test
    void aFifoSendWithoutAGroupIdIsRefusedWithAwsError() {
        String url = sqs.createQueue(b -> b.queueName("nogroup.fifo").attributes(Map.of(QueueAttributeName.FIFO_QUEUE, "true"))).queueUrl();
        assertThatThrownBy(() -> sqs.sendMessage(b -> b.queueUrl(url).messageBody("x").messageDeduplicationId("d")))
                .isInstanceOf(SqsException.class)
                .satisfies(e -> assertThat(((SqsException) e).awsErrorDetails().errorCode()).isEqualTo("MissingParameter"))
                .hasMessageContaining("MessageGroupId");
    }

    @Test
    void aQueueThatDoesNotExistIsQueueDoesNotExist() {
        assertThatThrownBy(() -> sqs.getQueueUrl(b -> b.queueName("nope"))).isInstanceOf(QueueDoesNotExistException.class);
        assertThatThrownBy(() -> sqs.sendMessage(b -> b.queueUrl(server.endpoint() + "/123456789012/nope").messageBody("x")))
                .isInstanceOf(QueueDoesNotExistException.class);
    }

    @Test
    void anOversizedMessageIsRefusedAndTheServerKeepsServing() {
        String url = sqs.createQueue(b -> b.queueName("big")).queueUrl();
        String body = "x".repeat(262_145);
        assertThatThrownBy(() -> sqs.sendMessage(b -> b.queueUrl(url).messageBody(body)))
                .isInstanceOf(SqsException.class).hasMessageContaining("262144");
        assertThat(sqs.sendMessage(b -> b.queueUrl(url).messageBody("small")).messageId()).isNotBlank();
    }

    @Test
    void aMessageReceivedTooOftenMovesToTheDeadLetterQueue() throws Exception {
        String dlq = sqs.createQueue(b -> b.queueName("dead")).queueUrl();
        String dlqArn = sqs.getQueueAttributes(b -> b.queueUrl(dlq).attributeNames(QueueAttributeName.QUEUE_ARN)).attributes()
                .get(QueueAttributeName.QUEUE_ARN);
        String url = sqs.createQueue(b -> b.queueName("work").attributes(Map.of(QueueAttributeName.REDRIVE_POLICY,
                "{\"deadLetterTargetArn\":\"" + dlqArn + "\",\"maxReceiveCount\":\"2\"}"))).queueUrl();
        sqs.sendMessage(b -> b.queueUrl(url).messageBody("poison"));
        for (int i = 0; i < 2; i++) {
            assertThat(sqs.receiveMessage(b -> b.queueUrl(url).visibilityTimeout(0)).messages()).hasSize(1);
        }
        assertThat(sqs.receiveMessage(b -> b.queueUrl(url).visibilityTimeout(0)).messages()).isEmpty();
        assertThat(sqs.receiveMessage(b -> b.queueUrl(dlq).waitTimeSeconds(1)).messages()).extracting(Message::body).containsExactly("poison");
        assertThat(sqs.listDeadLetterSourceQueues(b -> b.queueUrl(dlq)).queueUrls()).containsExactly(url);
    }

    @Test
    void aLongPollReturnsAsSoonAsAMessageArrives() throws Exception {
        String url = sqs.createQueue(b -> b.queueName("poll")).queueUrl();
        Thread sender = Thread.ofVirtual().start(() -> {
            try {
                Thread.sleep(300);
            } catch (InterruptedException e) {
                return;
            }
            sqs.sendMessage(b -> b.queueUrl(url).messageBody("late"));
        });
        long t0 = System.nanoTime();
        List<Message> got = sqs.receiveMessage(b -> b.queueUrl(url).waitTimeSeconds(10)).messages();
        long ms = (System.nanoTime() - t0) / 1_000_000;
        sender.join();
        assertThat(got).extracting(Message::body).containsExactly("late");
        assertThat(ms).isLessThan(5_000);
    }

    @Test
    void aQueueUrlWorksAsTheClientsEndpointAndQueuesBelongToTheirRegion() {
        String url = sqs.createQueue(b -> b.queueName("regional")).queueUrl();
        try (SqsClient viaUrl = Clients.sqs(URI.create(url), Region.US_EAST_1)) {
            viaUrl.sendMessage(b -> b.queueUrl(url).messageBody("via queue url"));
        }
        assertThat(sqs.receiveMessage(b -> b.queueUrl(url).waitTimeSeconds(1)).messages()).extracting(Message::body)
                .containsExactly("via queue url");
        try (SqsClient eu = Clients.sqs(server.endpoint(), Region.EU_WEST_1)) {
            assertThat(eu.listQueues(b -> b.queueNamePrefix("regional")).queueUrls()).isEmpty();
            String euUrl = eu.createQueue(b -> b.queueName("regional")).queueUrl();
            assertThat(eu.getQueueAttributes(b -> b.queueUrl(euUrl).attributeNames(QueueAttributeName.QUEUE_ARN)).attributes()
                    .get(QueueAttributeName.QUEUE_ARN)).isEqualTo("arn:aws:sqs:eu-west-1:123456789012:regional");
        }
    }

    @Test
    void listQueuesPagesByPrefix() {
        for (int i = 0; i < 7; i++) {
            int n = i;
            sqs.createQueue(b -> b.queueName("page-" + n));
        }
        List<String> all = new ArrayList<>();
        sqs.listQueuesPaginator(b -> b.queueNamePrefix("page-").maxResults(3)).queueUrls().forEach(all::add);
        assertThat(all).hasSize(7).allMatch(u -> u.contains("/page-"));
    }
}
