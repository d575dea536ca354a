package dev.stride.service.sqs;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class FifoQueueTest {
    private final Sqs sqs = new Sqs();
    private final String url = sqs.createQueue("orders.fifo", "{'FifoQueue':'true'}");

    @AfterEach
    void close() { sqs.close(); }

    private JsonNode send(String body, String group, String dedup) {
        return sqs.call("SendMessage", "{'QueueUrl':'" + url + "','MessageBody':'" + body + "','MessageGroupId':'" + group
                + "','MessageDeduplicationId':'" + dedup + "'}");
    }

    private static List<String> bodies(JsonNode messages) {
        List<String> out = new ArrayList<>();
        for (JsonNode m : messages) out.add(m.get("Body").asText());
        return out;
    }

    @Test
    void a_group_is_delivered_in_order_and_not_again_while_any_of_it_is_in_flight() {
        send("a1", "A", "1");
        send("b1", "B", "2");
        send("a2", "A", "3");
        send("a3", "A", "4");
        JsonNode first = sqs.receive(url, 2);
        assertThat(bodies(first)).containsExactly("a1", "a2");
        JsonNode second = sqs.receive(url, 10);
        assertThat(bodies(second)).containsExactly("b1"); // group A has messages in flight
        sqs.delete(url, first.get(0).get("ReceiptHandle").asText());
        assertThat(sqs.receive(url, 10)).isEmpty(); // a2 is still in flight
        sqs.delete(url, first.get(1).get("ReceiptHandle").asText());
        assertThat(bodies(sqs.receive(url, 10))).containsExactly("a3");
    }

    @Test
    void a_message_whose_visibility_ends_goes_out_again_before_the_rest_of_its_group() {
        send("m1", "G", "1");
        send("m2", "G", "2");
        assertThat(bodies(sqs.receive(url, 1))).containsExactly("m1");
        sqs.advanceSeconds(30);
        JsonNode again = sqs.receive(url, 10);
        assertThat(bodies(again)).containsExactly("m1", "m2");
        assertThat(again.get(0).at("/Attributes/ApproximateReceiveCount").asText()).isEqualTo("2");
    }

    @Test
    void a_duplicate_within_five_minutes_returns_the_first_message_id_and_sends_nothing() {
        String id = send("x", "G", "same").get("MessageId").asText();
        sqs.advanceSeconds(299);
        assertThat(send("x", "G", "same").get("MessageId").asText()).isEqualTo(id);
        assertThat(sqs.receive(url, 10)).hasSize(1);
        sqs.advanceSeconds(1);
        assertThat(send("x", "G", "same").get("MessageId").asText()).isNotEqualTo(id);
    }

    @Test
    void content_based_deduplication_uses_the_body() {
        String cbd = sqs.createQueue("cbd.fifo", "{'FifoQueue':'true','ContentBasedDeduplication':'true'}");
        String a = sqs.call("SendMessage", "{'QueueUrl':'" + cbd + "','MessageBody':'same','MessageGroupId':'g'}").get("MessageId").asText();
        String b = sqs.call("SendMessage", "{'QueueUrl':'" + cbd + "','MessageBody':'same','MessageGroupId':'g'}").get("MessageId").asText();
        assertThat(b).isEqualTo(a);
        JsonNode m = sqs.receive(cbd, 1).get(0);
        assertThat(m.at("/Attributes/MessageDeduplicationId").asText())
                .isEqualTo("0967115f2813a3541eaef77de9d9d5773f1c0c04314b0bbfe4ff3b3b1c55b5d5");
    }

    @Test
    void sequence_numbers_are_increasing_twenty_digit_strings() {
        String s1 = send("1", "G", "1").get("SequenceNumber").asText();
        String s2 = send("2", "G", "2").get("SequenceNumber").asText();
        assertThat(s1).hasSize(20).containsOnlyDigits();
        assertThat(s2).hasSize(20).isGreaterThan(s1);
        assertThat(sqs.receive(url, 1).get(0).at("/Attributes/SequenceNumber").asText()).isEqualTo(s1);
    }

    @Test
    void fifo_sends_need_a_group_id_and_a_deduplication_id_and_take_no_message_delay() {
        assertThat(sqs.error("SendMessage", "{'QueueUrl':'" + url + "','MessageBody':'x'}").getMessage())
                .isEqualTo("The request must contain the parameter MessageGroupId.");
        assertThat(sqs.error("SendMessage", "{'QueueUrl':'" + url + "','MessageBody':'x','MessageGroupId':'g'}").getMessage())
                .isEqualTo("The queue should either have ContentBasedDeduplication enabled or MessageDeduplicationId provided explicitly");
        assertThat(sqs.error("SendMessage", "{'QueueUrl':'" + url + "','MessageBody':'x','MessageGroupId':'g','MessageDeduplicationId':'d','DelaySeconds':5}").code())
                .isEqualTo("InvalidParameterValue");
    }

    @Test
    void a_retried_receive_with_the_same_attempt_id_gets_the_same_messages() {
        send("r1", "G", "1");
        JsonNode first = sqs.call("ReceiveMessage", "{'QueueUrl':'" + url + "','ReceiveRequestAttemptId':'try-1'}").get("Messages");
        JsonNode retry = sqs.call("ReceiveMessage", "{'QueueUrl':'" + url + "','ReceiveRequestAttemptId':'try-1'}").get("Messages");
        assertThat(retry.get(0).get("ReceiptHandle").asText()).isEqualTo(first.get(0).get("ReceiptHandle").asText());
    }
}
