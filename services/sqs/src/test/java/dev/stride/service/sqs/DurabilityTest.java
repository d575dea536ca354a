package dev.stride.service.sqs;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Every acknowledged change is in the store: a new service over the same records has it all back. */
class DurabilityTest {
    private final MapRecordStore records = new MapRecordStore();
    private final Sqs sqs = new Sqs(records, new AtomicLong(1_700_000_000_000L));

    @AfterEach
    void close() { sqs.close(); }

    @Test
    void queues_messages_and_in_flight_state_survive_a_restart() {
        String url = sqs.createQueue("durable", "{'VisibilityTimeout':'60'}");
        sqs.call("TagQueue", "{'QueueUrl':'" + url + "','Tags':{'k':'v'}}");
        sqs.call("SendMessage", "{'QueueUrl':'" + url + "','MessageBody':'one','MessageAttributes':{'a':{'DataType':'Number','StringValue':'1'}}}");
        sqs.send(url, "two");
        sqs.send(url, "three");
        JsonNode received = sqs.receive(url, 1).get(0);
        sqs.delete(url, sqs.receive(url, 1).get(0).get("ReceiptHandle").asText());

        sqs.restart();

        assertThat(sqs.attribute(url, "VisibilityTimeout")).isEqualTo("60");
        assertThat(sqs.call("ListQueueTags", "{'QueueUrl':'" + url + "'}").at("/Tags/k").asText()).isEqualTo("v");
        assertThat(sqs.attribute(url, "ApproximateNumberOfMessages")).isEqualTo("1");
        assertThat(sqs.attribute(url, "ApproximateNumberOfMessagesNotVisible")).isEqualTo("1");
        assertThat(sqs.receive(url, 10)).extracting(m -> m.get("Body").asText()).containsExactly("three");
        sqs.advanceSeconds(60);
        JsonNode back = sqs.receive(url, 10).get(0);
        assertThat(back.get("MessageId").asText()).isEqualTo(received.get("MessageId").asText());
        assertThat(back.at("/Attributes/ApproximateReceiveCount").asText()).isEqualTo("2");
        assertThat(back.get("MD5OfMessageAttributes").asText()).isEqualTo(received.get("MD5OfMessageAttributes").asText());
        // the old receipt handle still deletes after the restart
        sqs.delete(url, received.get("ReceiptHandle").asText());
        sqs.restart();
        assertThat(sqs.attribute(url, "ApproximateNumberOfMessagesNotVisible")).isEqualTo("1");
    }

    @Test
    void receive_counts_survive_a_restart_so_the_dead_letter_queue_still_gets_the_message() {
        String dlq = sqs.createQueue("dlq");
        String src = sqs.createQueue("src", "{'VisibilityTimeout':'1','RedrivePolicy':'{\\'deadLetterTargetArn\\':\\'"
                + sqs.attribute(dlq, "QueueArn") + "\\',\\'maxReceiveCount\\':1}'}");
        sqs.send(src, "poison");
        sqs.receive(src, 1);
        sqs.restart();
        sqs.advanceSeconds(1);
        assertThat(sqs.receive(src, 1)).isEmpty();
        sqs.restart();
        assertThat(sqs.receive(dlq, 1).get(0).get("Body").asText()).isEqualTo("poison");
        assertThat(records.size("sqs.messages")).isEqualTo(1);
    }

    @Test
    void the_fifo_deduplication_window_and_sequence_survive_a_restart() {
        String url = sqs.createQueue("d.fifo", "{'FifoQueue':'true'}");
        JsonNode first = sqs.call("SendMessage", "{'QueueUrl':'" + url + "','MessageBody':'x','MessageGroupId':'g','MessageDeduplicationId':'d'}");
        sqs.restart();
        JsonNode dup = sqs.call("SendMessage", "{'QueueUrl':'" + url + "','MessageBody':'x','MessageGroupId':'g','MessageDeduplicationId':'d'}");
        assertThat(dup.get("MessageId")).isEqualTo(first.get("MessageId"));
        JsonNode next = sqs.call("SendMessage", "{'QueueUrl':'" + url + "','MessageBody':'y','MessageGroupId':'g','MessageDeduplicationId':'e'}");
        assertThat(next.get("SequenceNumber").asText()).isGreaterThan(first.get("SequenceNumber").asText());
    }

    @Test
    void an_idempotent_send_repeated_after_a_restart_gets_the_first_reply_and_sends_nothing() {
        String url = sqs.createQueue("tasks");
        JsonNode first = sqs.call("SendMessageBatch", "{'QueueUrl':'" + url + "','Entries':[{'Id':'a','MessageBody':'1'}]}", "token-7");
        sqs.restart();
        JsonNode again = sqs.call("SendMessageBatch", "{'QueueUrl':'" + url + "','Entries':[{'Id':'a','MessageBody':'1'}]}", "token-7");
        assertThat(again).isEqualTo(first);
        assertThat(sqs.attribute(url, "ApproximateNumberOfMessages")).isEqualTo("1");
    }

    @Test
    void a_deleted_queue_and_its_messages_are_gone_from_the_store() {
        String url = sqs.createQueue("temp");
        sqs.send(url, "x");
        sqs.call("DeleteQueue", "{'QueueUrl':'" + url + "'}");
        sqs.restart();
        assertThat(sqs.call("ListQueues", "{}").has("QueueUrls")).isFalse();
        assertThat(records.size("sqs.messages")).isZero();
    }
}
