package dev.stride.examples;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/**
 * An SQS queue subscribed to an SNS topic, where an example reads back the notifications its
 * workflow published: each one as SNS delivers it, in its envelope ({@code Message},
 * {@code TopicArn}, {@code Subject}, ...).
 */
public final class Inbox {
    private final Session session;
    private final String name;
    private final String url;

    private Inbox(Session session, String name, String url) {
        this.session = session;
        this.name = name;
        this.url = url;
    }

    /** Creates the queue {@code session.name(base)} and subscribes it to the topic. */
    public static Inbox subscribedTo(Session s, String topicArn, String base) {
        String name = s.name(base);
        String url = s.sqs().createQueue(b -> b.queueName(name)).queueUrl();
        String arn = s.sqs().getQueueAttributes(b -> b.queueUrl(url).attributeNames(QueueAttributeName.QUEUE_ARN))
                .attributes().get(QueueAttributeName.QUEUE_ARN);
        s.sns().subscribe(b -> b.topicArn(topicArn).protocol("sqs").endpoint(arn));
        return new Inbox(s, name, url);
    }

    public String name() { return name; }

    public String url() { return url; }

    /**
     * The envelopes on the queue, each once (SQS delivers at least once, so they count by id),
     * waiting up to 3 s for the first; they stay on the queue for whoever looks next.
     */
    public List<JsonNode> envelopes() {
        Map<String, JsonNode> byId = new LinkedHashMap<>();
        for (int i = 0; i < 3 && byId.isEmpty(); i++) {
            for (Message m : session.sqs().receiveMessage(b -> b.queueUrl(url).maxNumberOfMessages(10).waitTimeSeconds(1)
                    .visibilityTimeout(0)).messages()) {
                byId.putIfAbsent(m.messageId(), read(m.body()));
            }
        }
        return List.copyOf(byId.values());
    }

    private static JsonNode read(String body) {
        try {
            return ExampleRun.JSON.readTree(body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
