package dev.stride.cli.services;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.stride.cli.ServerProcess;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.sfn.SfnClient;
import software.amazon.awssdk.services.sfn.model.DescribeExecutionResponse;
import software.amazon.awssdk.services.sfn.model.ExecutionStatus;
import software.amazon.awssdk.services.sns.SnsClient;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/**
 * State machines whose Task states send to SQS and publish to SNS on the same server, read back
 * by the user's own SDK clients: the messages are really there.
 */
class MessagingStateMachineTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String ROLE = "arn:aws:iam::123456789012:role/r";
    @TempDir
    static Path data;
    static ServerProcess server;
    static SqsClient sqs;
    static SnsClient sns;
    static SfnClient sfn;

    @BeforeAll
    static void start() throws Exception {
        server = ServerProcess.start(data);
        sqs = Clients.sqs(server);
        sns = Clients.sns(server);
        sfn = Clients.sfn(server);
    }

    @AfterAll
    static void stop() throws Exception {
        sqs.close();
        sns.close();
        sfn.close();
        server.close();
    }

    static DescribeExecutionResponse run(String name, String definition, String input) throws InterruptedException {
        String sm = sfn.createStateMachine(b -> b.name(name).definition(definition).roleArn(ROLE)).stateMachineArn();
        String exec = sfn.startExecution(b -> b.stateMachineArn(sm).input(input)).executionArn();
        return awaitEnd(exec);
    }

    static DescribeExecutionResponse awaitEnd(String exec) throws InterruptedException {
        DescribeExecutionResponse d = sfn.describeExecution(b -> b.executionArn(exec));
        for (int i = 0; i < 200 && d.status() == ExecutionStatus.RUNNING; i++) {
            Thread.sleep(50);
            d = sfn.describeExecution(b -> b.executionArn(exec));
        }
        return d;
    }

    @Test
    void aSendMessageTaskPutsTheMessageInTheQueueAndReturnsAwsOutput() throws Exception {
        String url = sqs.createQueue(b -> b.queueName("from-workflow")).queueUrl();
        String def = """
            {"StartAt":"Send","States":{"Send":{"Type":"Task","Resource":"arn:aws:states:::sqs:sendMessage",
              "Parameters":{"QueueUrl":"%s","MessageBody.$":"$.order"},"End":true}}}""".formatted(url);
        DescribeExecutionResponse d = run("send", def, "{\"order\":{\"id\":42}}");
        assertThat(d.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
        JsonNode out = JSON.readTree(d.output());
        assertThat(out.path("MessageId").asText()).isNotBlank();
        assertThat(out.path("MD5OfMessageBody").asText()).hasSize(32);
        assertThat(out.has("SdkHttpMetadata")).isTrue();

        List<Message> got = sqs.receiveMessage(b -> b.queueUrl(url).waitTimeSeconds(1)).messages();
        assertThat(got).extracting(Message::body).containsExactly("{\"id\":42}");
        assertThat(got.get(0).messageId()).isEqualTo(out.path("MessageId").asText());
    }

    @Test
    void aPublishTaskNotifiesTheTopicsSubscribers() throws Exception {
        String topic = sns.createTopic(b -> b.name("job-status")).topicArn();
        String url = sqs.createQueue(b -> b.queueName("job-status-inbox")).queueUrl();
        String arn = sqs.getQueueAttributes(b -> b.queueUrl(url).attributeNames(QueueAttributeName.QUEUE_ARN)).attributes()
                .get(QueueAttributeName.QUEUE_ARN);
        sns.subscribe(b -> b.topicArn(topic).protocol("sqs").endpoint(arn).attributes(java.util.Map.of("RawMessageDelivery", "true")));
        String def = """
            {"StartAt":"Notify","States":{"Notify":{"Type":"Task","Resource":"arn:aws:states:::aws-sdk:sns:publish",
              "Parameters":{"TopicArn":"%s","Message":"Batch job succeeded"},"End":true}}}""".formatted(topic);
        DescribeExecutionResponse d = run("notify", def, "{}");
        assertThat(d.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
        assertThat(JSON.readTree(d.output()).path("MessageId").asText()).isNotBlank();
        assertThat(sqs.receiveMessage(b -> b.queueUrl(url).waitTimeSeconds(1)).messages()).extracting(Message::body)
                .containsExactly("Batch job succeeded");
    }

    @Test
    void aMissingQueueFailsTheTaskWithAwsErrorWhichCatchHandles() throws Exception {
        String def = """
            {"StartAt":"Send","States":{"Send":{"Type":"Task","Resource":"arn:aws:states:::sqs:sendMessage",
              "Parameters":{"QueueUrl":"%s/123456789012/absent","MessageBody":"x"},
              "Catch":[{"ErrorEquals":["SQS.QueueDoesNotExistException"],"ResultPath":"$.err","Next":"Caught"}],"End":true},
              "Caught":{"Type":"Pass","End":true}}}""".formatted(server.endpoint());
        DescribeExecutionResponse d = run("missing-queue", def, "{}");
        assertThat(d.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
        JsonNode err = JSON.readTree(d.output()).path("err");
        assertThat(err.path("Error").asText()).isEqualTo("SQS.QueueDoesNotExistException");
        assertThat(err.path("Cause").asText()).contains("The specified queue does not exist");
    }

    @Test
    void aTaskTokenSentThroughAQueueIsAnsweredByAConsumer() throws Exception {
        String url = sqs.createQueue(b -> b.queueName("approvals")).queueUrl();
        String def = """
            {"StartAt":"Ask","States":{"Ask":{"Type":"Task","Resource":"arn:aws:states:::sqs:sendMessage.waitForTaskToken",
              "Parameters":{"QueueUrl":"%s","MessageBody":{"request.$":"$.request","token.$":"$$.Task.Token"}},"End":true}}}"""
                .formatted(url);
        String sm = sfn.createStateMachine(b -> b.name("approve").definition(def).roleArn(ROLE)).stateMachineArn();
        String exec = sfn.startExecution(b -> b.stateMachineArn(sm).input("{\"request\":\"deploy\"}")).executionArn();

        List<Message> got = sqs.receiveMessage(b -> b.queueUrl(url).waitTimeSeconds(5)).messages();
        assertThat(got).hasSize(1);
        JsonNode body = JSON.readTree(got.get(0).body());
        assertThat(body.path("request").asText()).isEqualTo("deploy");
        sfn.sendTaskSuccess(b -> b.taskToken(body.path("token").asText()).output("{\"approved\":true}"));
        sqs.deleteMessage(b -> b.queueUrl(url).receiptHandle(got.get(0).receiptHandle()));

        DescribeExecutionResponse d = awaitEnd(exec);
        assertThat(d.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
        assertThat(d.output()).isEqualTo("{\"approved\":true}");
    }
}
