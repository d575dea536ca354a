package dev.stride.cli.services;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stride.cli.ServerProcess;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.sfn.SfnClient;
import software.amazon.awssdk.services.sfn.model.ExecutionStatus;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.MessageSystemAttributeName;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/**
 * {@code stride server} killed with SIGKILL while messages are being sent, received and sent by
 * Task states: after a restart on the same data nothing acknowledged is lost, a message in
 * flight keeps its receive count, and every Task's send took effect exactly once.
 */
class MessagesThroughCrashTest {
    @TempDir
    Path data;

    @Test
    void everyAcknowledgedSendSurvivesAKillAndAnInFlightMessageKeepsItsReceiveCount() throws Exception {
        try (ServerProcess server = ServerProcess.start(data)) {
            Set<String> acked = ConcurrentHashMap.newKeySet();
            String url;
            String inFlightId;
            try (SqsClient sqs = Clients.sqs(server)) {
                url = sqs.createQueue(b -> b.queueName("durable")).queueUrl();
                sqs.sendMessage(b -> b.queueUrl(url).messageBody("in flight"));
                Message m = sqs.receiveMessage(b -> b.queueUrl(url).visibilityTimeout(2)).messages().get(0);
                inFlightId = m.messageId();
                AtomicBoolean stop = new AtomicBoolean();
                List<Thread> senders = new ArrayList<>();
                for (int t = 0; t < 4; t++) {
                    int thread = t;
                    senders.add(Thread.ofPlatform().start(() -> {
                        for (int i = 0; !stop.get(); i++) {
                            String body = thread + "-" + i;
                            try {
                                sqs.sendMessage(b -> b.queueUrl(url).messageBody(body));
                                acked.add(body);
                            } catch (RuntimeException e) {
                                return; // the server died under this request: not acknowledged
                            }
                        }
                    }));
                }
                while (acked.size() < 400) Thread.sleep(5);
                server.kill();
                stop.set(true);
                for (Thread s : senders) s.join();
            }
            server.restart();
            try (SqsClient sqs = Clients.sqs(server)) {
                Set<String> seen = new java.util.HashSet<>();
                Map<String, String> receiveCounts = new HashMap<>();
                Thread.sleep(2100); // the in-flight message's visibility timeout runs out
                while (true) {
                    List<Message> got = sqs.receiveMessage(b -> b.queueUrl(url).maxNumberOfMessages(10)
                            .messageSystemAttributeNames(MessageSystemAttributeName.APPROXIMATE_RECEIVE_COUNT)).messages();
                    if (got.isEmpty()) break;
                    for (Message m : got) {
                        seen.add(m.body());
                        receiveCounts.put(m.messageId(), m.attributes().get(MessageSystemAttributeName.APPROXIMATE_RECEIVE_COUNT));
                    }
                    sqs.deleteMessageBatch(b -> b.queueUrl(url).entries(got.stream().map(m -> software.amazon.awssdk.services.sqs.model
                            .DeleteMessageBatchRequestEntry.builder().id(m.messageId()).receiptHandle(m.receiptHandle()).build()).toList()));
                }
                assertThat(seen).containsAll(acked).contains("in flight");
                assertThat(receiveCounts.get(inFlightId)).isEqualTo("2");
            }
        }
    }

    @Test
    void aMapOfSendTasksKilledMidwaySendsEachItemExactlyOnce() throws Exception {
        int items = 300;
        try (ServerProcess server = ServerProcess.start(data)) {
            String url;
            String exec;
            try (SqsClient sqs = Clients.sqs(server); SfnClient sfn = Clients.sfn(server)) {
                url = sqs.createQueue(b -> b.queueName("fanout")).queueUrl();
                String def = """
                    {"StartAt":"Each","States":{"Each":{"Type":"Map","ItemsPath":"$.items","MaxConcurrency":8,
                      "ItemProcessor":{"StartAt":"Send","States":{"Send":{"Type":"Task","Resource":"arn:aws:states:::sqs:sendMessage",
                        "Parameters":{"QueueUrl":"%s","MessageBody.$":"States.Format('item-{}', $)"},"ResultSelector":{"id.$":"$.MessageId"},
                        "End":true}}},"End":true}}}""".formatted(url);
                String sm = sfn.createStateMachine(b -> b.name("fanout").definition(def).roleArn("arn:aws:iam::123456789012:role/r"))
                        .stateMachineArn();
                StringBuilder input = new StringBuilder("{\"items\":[");
                for (int i = 0; i < items; i++) input.append(i == 0 ? "" : ",").append(i);
                String in = input.append("]}").toString();
                exec = sfn.startExecution(b -> b.stateMachineArn(sm).input(in)).executionArn();
                while (count(sqs, url) < items / 3) Thread.sleep(2);
                server.kill();
            }
            server.restart();
            try (SqsClient sqs = Clients.sqs(server); SfnClient sfn = Clients.sfn(server)) {
                ExecutionStatus status = ExecutionStatus.RUNNING;
                for (int i = 0; i < 600 && status == ExecutionStatus.RUNNING; i++) {
                    Thread.sleep(50);
                    status = sfn.describeExecution(b -> b.executionArn(exec)).status();
                }
                assertThat(status).isEqualTo(ExecutionStatus.SUCCEEDED);
                List<String> bodies = new ArrayList<>();
                while (true) {
                    List<Message> got = sqs.receiveMessage(b -> b.queueUrl(url).maxNumberOfMessages(10).visibilityTimeout(600)).messages();
                    if (got.isEmpty()) break;
                    got.forEach(m -> bodies.add(m.body()));
                }
                assertThat(bodies).hasSize(items).doesNotHaveDuplicates();
            }
        }
    }

    private static int count(SqsClient sqs, String url) {
        return Integer.parseInt(sqs.getQueueAttributes(b -> b.queueUrl(url).attributeNames(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES))
                .attributes().get(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES));
    }
}
