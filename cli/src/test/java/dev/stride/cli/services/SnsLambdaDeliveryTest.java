package dev.stride.cli.services;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.stride.cli.ServerProcess;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.sns.SnsClient;

/**
 * A topic's lambda subscription invokes a function stride.yaml declares, the same functions Task
 * states run: here a shell command that appends the event it gets on stdin to a file.
 */
class SnsLambdaDeliveryTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    @TempDir
    Path dir;

    @Test
    void aLambdaSubscriptionInvokesTheConfiguredFunctionWithTheSnsEvent() throws Exception {
        Path events = dir.resolve("events.jsonl");
        Path config = dir.resolve("stride.yaml");
        Files.writeString(config, """
            functions:
              on-order:
                command: "{ cat; echo; } >> '%s'"
            """.formatted(events));
        try (ServerProcess server = ServerProcess.start(dir.resolve("data"), "--config", config.toString());
             SnsClient sns = Clients.sns(server)) {
            String topic = sns.createTopic(b -> b.name("orders")).topicArn();
            // an alias that is not configured on its own runs the function, as for lambda:invoke
            String function = "arn:aws:lambda:us-east-1:123456789012:function:on-order:live";
            String subscription = sns.subscribe(b -> b.topicArn(topic).protocol("lambda").endpoint(function)).subscriptionArn();

            String messageId = sns.publish(b -> b.topicArn(topic).message("order 42 placed").subject("New order")).messageId();

            JsonNode record = JSON.readTree(awaitLines(events, 1).get(0)).at("/Records/0");
            assertThat(record.get("EventSource").asText()).isEqualTo("aws:sns");
            assertThat(record.get("EventVersion").asText()).isEqualTo("1.0");
            assertThat(record.get("EventSubscriptionArn").asText()).isEqualTo(subscription);
            JsonNode message = record.get("Sns");
            assertThat(message.get("Type").asText()).isEqualTo("Notification");
            assertThat(message.get("MessageId").asText()).isEqualTo(messageId);
            assertThat(message.get("TopicArn").asText()).isEqualTo(topic);
            assertThat(message.get("Subject").asText()).isEqualTo("New order");
            assertThat(message.get("Message").asText()).isEqualTo("order 42 placed");
        }
    }

    /** The file's lines once it has at least {@code count}: the delivery is asynchronous. */
    private static List<String> awaitLines(Path file, int count) throws Exception {
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (System.nanoTime() < deadline) {
            if (Files.exists(file)) {
                List<String> lines = Files.readAllLines(file).stream().filter(l -> !l.isBlank()).toList();
                if (lines.size() >= count) return lines;
            }
            Thread.sleep(25);
        }
        throw new AssertionError("the function did not receive " + count + " event(s) in 10 s");
    }
}
