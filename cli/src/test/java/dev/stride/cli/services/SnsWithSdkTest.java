package dev.stride.cli.services;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.stride.cli.ServerProcess;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.sns.SnsClient;
import software.amazon.awssdk.services.sns.model.InvalidParameterException;
import software.amazon.awssdk.services.sns.model.NotFoundException;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/** The AWS SDK for Java v2's SNS client against a real server, delivering into its local SQS queues. */
class SnsWithSdkTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    @TempDir
    static Path data;
    static ServerProcess server;
    static SnsClient sns;
    static SqsClient sqs;

    @BeforeAll
    static void start() throws Exception {
        server = ServerProcess.start(data);
        sns = Clients.sns(server);
        sqs = Clients.sqs(server);
    }

    @AfterAll
    static void stop() throws Exception {
        sns.close();
        sqs.close();
        server.close();
    }

    private static String queue(String name) {
        String url = sqs.createQueue(b -> b.queueName(name)).queueUrl();
        return url;
    }

    private static String arnOf(String url) {
        return sqs.getQueueAttributes(b -> b.queueUrl(url).attributeNames(QueueAttributeName.QUEUE_ARN)).attributes()
                .get(QueueAttributeName.QUEUE_ARN);
    }

    @Test
    void aPublishedMessageReachesASubscribedQueueInSnsEnvelope() throws Exception {
        String topic = sns.createTopic(b -> b.name("jobs")).topicArn();
        assertThat(topic).isEqualTo("arn:aws:sns:us-east-1:123456789012:jobs");
        String url = queue("job-events");
        sns.subscribe(b -> b.topicArn(topic).protocol("sqs").endpoint(arnOf(url)));
        String id = sns.publish(b -> b.topicArn(topic).subject("done").message("job 7 finished")
                .messageAttributes(Map.of("status", software.amazon.awssdk.services.sns.model.MessageAttributeValue.builder()
                        .dataType("String").stringValue("SUCCEEDED").build()))).messageId();

        List<Message> got = sqs.receiveMessage(b -> b.queueUrl(url).waitTimeSeconds(2)).messages();
        assertThat(got).hasSize(1);
        JsonNode envelope = JSON.readTree(got.get(0).body());
        assertThat(envelope.path("Type").asText()).isEqualTo("Notification");
        assertThat(envelope.path("MessageId").asText()).isEqualTo(id);
        assertThat(envelope.path("TopicArn").asText()).isEqualTo(topic);
        assertThat(envelope.path("Subject").asText()).isEqualTo("done");
        assertThat(envelope.path("Message").asText()).isEqualTo("job 7 finished");
        assertThat(envelope.path("MessageAttributes").path("status").path("Value").asText()).isEqualTo("SUCCEEDED");
    }

    @Test
    void rawDeliveryAndAFilterPolicyDecideWhatEachQueueGets() {
        String topic = sns.createTopic(b -> b.name("orders")).topicArn();
        String all = queue("all-orders");
        String big = queue("big-orders");
        sns.subscribe(b -> b.topicArn(topic).protocol("sqs").endpoint(arnOf(all)).attributes(Map.of("RawMessageDelivery", "true")));
        sns.subscribe(b -> b.topicArn(topic).protocol("sqs").endpoint(arnOf(big)).attributes(Map.of("RawMessageDelivery", "true",
                "FilterPolicy", "{\"amount\":[{\"numeric\":[\">=\",100]}]}")));
        for (int amount : new int[] {5, 500}) {
            sns.publish(b -> b.topicArn(topic).message("order of " + amount).messageAttributes(Map.of("amount",
                    software.amazon.awssdk.services.sns.model.MessageAttributeValue.builder().dataType("Number")
                            .stringValue(String.valueOf(amount)).build())));
        }
        assertThat(sqs.receiveMessage(b -> b.queueUrl(all).maxNumberOfMessages(10).waitTimeSeconds(1)).messages())
                .extracting(Message::body).containsExactlyInAnyOrder("order of 5", "order of 500");
        assertThat(sqs.receiveMessage(b -> b.queueUrl(big).maxNumberOfMessages(10).waitTimeSeconds(1)).messages())
                .extracting(Message::body).containsExactly("order of 500");
    }

    @Test
    void topicsAndSubscriptionsAreListed() {
        String topic = sns.createTopic(b -> b.name("listed")).topicArn();
        String sub = sns.subscribe(b -> b.topicArn(topic).protocol("sqs").endpoint(arnOf(queue("listed-q")))).subscriptionArn();
        assertThat(sns.listTopicsPaginator().topics()).extracting(t -> t.topicArn()).contains(topic);
        assertThat(sns.listSubscriptionsByTopic(b -> b.topicArn(topic)).subscriptions()).extracting(s -> s.subscriptionArn())
                .containsExactly(sub);
        sns.unsubscribe(b -> b.subscriptionArn(sub));
        assertThat(sns.listSubscriptionsByTopic(b -> b.topicArn(topic)).subscriptions()).isEmpty();
    }

    @Test
    void aMissingTopicAndABadFilterPolicyAreAwsErrors() {
        assertThatThrownBy(() -> sns.publish(b -> b.topicArn("arn:aws:sns:us-east-1:123456789012:missing").message("x")))
                .isInstanceOf(NotFoundException.class);
        String topic = sns.createTopic(b -> b.name("strict")).topicArn();
        assertThatThrownBy(() -> sns.subscribe(b -> b.topicArn(topic).protocol("sqs").endpoint(arnOf(queue("strict-q")))
                .attributes(Map.of("FilterPolicy", "{\"a\": \"not-a-list\"}"))))
                .isInstanceOf(InvalidParameterException.class).hasMessageContaining("FilterPolicy");
    }

    @Test
    void aFifoTopicDeliversToAFifoQueueInOrder() {
        String topic = sns.createTopic(b -> b.name("steps.fifo").attributes(Map.of("FifoTopic", "true",
                "ContentBasedDeduplication", "true"))).topicArn();
        String url = sqs.createQueue(b -> b.queueName("steps-sub.fifo").attributes(Map.of(QueueAttributeName.FIFO_QUEUE, "true")))
                .queueUrl();
        sns.subscribe(b -> b.topicArn(topic).protocol("sqs").endpoint(arnOf(url)).attributes(Map.of("RawMessageDelivery", "true")));
        for (int i = 1; i <= 3; i++) {
            int n = i;
            sns.publish(b -> b.topicArn(topic).message("m" + n).messageGroupId("g"));
        }
        assertThat(sqs.receiveMessage(b -> b.queueUrl(url).maxNumberOfMessages(10).waitTimeSeconds(1)).messages())
                .extracting(Message::body).containsExactly("m1", "m2", "m3");
    }
}
