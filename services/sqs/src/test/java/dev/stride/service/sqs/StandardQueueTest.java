package dev.stride.service.sqs;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.stride.service.ServiceException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class StandardQueueTest {
    private final Sqs sqs = new Sqs();
    private final String url = sqs.createQueue("work");

    @AfterEach
    void close() { sqs.close(); }

    @Test
    void a_sent_message_is_received_with_its_md5_and_system_attributes_then_deleted() {
        JsonNode sent = sqs.send(url, "hello");
        assertThat(sent.get("MD5OfMessageBody").asText()).isEqualTo("5d41402abc4b2a76b9719d911017c592");
        assertThat(sent.get("MessageId").asText()).matches("[0-9a-f-]{36}");
        JsonNode m = sqs.receive(url, 10).get(0);
        assertThat(m.get("Body").asText()).isEqualTo("hello");
        assertThat(m.get("MD5OfBody").asText()).isEqualTo("5d41402abc4b2a76b9719d911017c592");
        assertThat(m.get("MessageId").asText()).isEqualTo(sent.get("MessageId").asText());
        assertThat(m.at("/Attributes/ApproximateReceiveCount").asText()).isEqualTo("1");
        assertThat(m.at("/Attributes/SentTimestamp").asText()).isEqualTo("1700000000000");
        assertThat(m.at("/Attributes/SenderId").asText()).isEqualTo(Sqs.ACCOUNT);
        assertThat(sqs.attribute(url, "ApproximateNumberOfMessagesNotVisible")).isEqualTo("1");
        sqs.delete(url, m.get("ReceiptHandle").asText());
        assertThat(sqs.attribute(url, "ApproximateNumberOfMessagesNotVisible")).isEqualTo("0");
        assertThat(sqs.receive(url, 10)).isEmpty();
    }

    @Test
    void a_message_comes_back_when_its_visibility_timeout_ends() {
        sqs.send(url, "again");
        String first = sqs.receive(url, 1).get(0).get("ReceiptHandle").asText();
        assertThat(sqs.receive(url, 1)).isEmpty();
        sqs.advanceSeconds(29);
        assertThat(sqs.receive(url, 1)).isEmpty();
        sqs.advanceSeconds(1);
        JsonNode m = sqs.receive(url, 1).get(0);
        assertThat(m.at("/Attributes/ApproximateReceiveCount").asText()).isEqualTo("2");
        assertThat(m.at("/Attributes/ApproximateFirstReceiveTimestamp").asText()).isEqualTo("1700000000000");
        // a handle of an earlier receive still deletes, as in AWS
        sqs.delete(url, first);
        sqs.advanceSeconds(60);
        assertThat(sqs.receive(url, 1)).isEmpty();
    }

    @Test
    void a_receive_with_visibility_timeout_zero_returns_each_message_once_and_leaves_them_visible() {
        sqs.send(url, "a");
        sqs.send(url, "b");
        String receive = "{'QueueUrl':'" + url + "','MaxNumberOfMessages':10,'VisibilityTimeout':0}";
        JsonNode first = sqs.call("ReceiveMessage", receive).get("Messages");
        assertThat(first.findValuesAsText("Body")).containsExactlyInAnyOrder("a", "b");
        JsonNode again = sqs.call("ReceiveMessage", receive).get("Messages");
        assertThat(again.findValuesAsText("Body")).containsExactlyInAnyOrder("a", "b");
        assertThat(sqs.attribute(url, "ApproximateNumberOfMessages")).isEqualTo("2");
    }

    @Test
    void change_message_visibility_extends_or_ends_the_invisibility() {
        sqs.send(url, "v");
        String handle = sqs.receive(url, 1).get(0).get("ReceiptHandle").asText();
        sqs.call("ChangeMessageVisibility", "{'QueueUrl':'" + url + "','ReceiptHandle':'" + handle + "','VisibilityTimeout':100}");
        sqs.advanceSeconds(50);
        assertThat(sqs.receive(url, 1)).isEmpty();
        sqs.call("ChangeMessageVisibility", "{'QueueUrl':'" + url + "','ReceiptHandle':'" + handle + "','VisibilityTimeout':0}");
        String again = sqs.receive(url, 1).get(0).get("ReceiptHandle").asText();
        sqs.call("ChangeMessageVisibility", "{'QueueUrl':'" + url + "','ReceiptHandle':'" + again + "','VisibilityTimeout':0}");
        ServiceException e = sqs.error("ChangeMessageVisibility", "{'QueueUrl':'" + url + "','ReceiptHandle':'" + again + "','VisibilityTimeout':5}");
        assertThat(e.type()).isEqualTo("MessageNotInflight");
        assertThat(e.code()).isEqualTo("AWS.SimpleQueueService.MessageNotInflight");
    }

    @Test
    void a_garbage_receipt_handle_is_ReceiptHandleIsInvalid() {
        ServiceException e = sqs.error("DeleteMessage", "{'QueueUrl':'" + url + "','ReceiptHandle':'garbage'}");
        assertThat(e.type()).isEqualTo("ReceiptHandleIsInvalid");
        assertThat(e.getMessage()).isEqualTo("The input receipt handle \"garbage\" is not a valid receipt handle.");
    }

    @Test
    void delayed_messages_wait_for_their_delay_queue_or_message() {
        sqs.call("SendMessage", "{'QueueUrl':'" + url + "','MessageBody':'later','DelaySeconds':10}");
        assertThat(sqs.attribute(url, "ApproximateNumberOfMessagesDelayed")).isEqualTo("1");
        assertThat(sqs.receive(url, 1)).isEmpty();
        sqs.advanceSeconds(10);
        assertThat(sqs.receive(url, 1).get(0).get("Body").asText()).isEqualTo("later");
        assertThat(sqs.error("SendMessage", "{'QueueUrl':'" + url + "','MessageBody':'x','DelaySeconds':901}").getMessage())
                .isEqualTo("Value 901 for parameter DelaySeconds is invalid. Reason: DelaySeconds must be >= 0 and <= 900.");

        String slow = sqs.createQueue("slow", "{'DelaySeconds':'5'}");
        sqs.send(slow, "q");
        assertThat(sqs.receive(slow, 1)).isEmpty();
        sqs.advanceSeconds(5);
        assertThat(sqs.receive(slow, 1)).hasSize(1);
    }

    @Test
    void messages_past_the_retention_period_disappear() {
        String shortLived = sqs.createQueue("short", "{'MessageRetentionPeriod':'60'}");
        sqs.send(shortLived, "old");
        sqs.advanceSeconds(30);
        sqs.send(shortLived, "young");
        sqs.advanceSeconds(30);
        assertThat(sqs.attribute(shortLived, "ApproximateNumberOfMessages")).isEqualTo("1");
        assertThat(sqs.receive(shortLived, 10)).extracting(m -> m.get("Body").asText()).containsExactly("young");
    }

    @Test
    void a_message_received_more_than_max_receive_count_moves_to_the_dead_letter_queue_with_its_id() {
        String dlq = sqs.createQueue("dead");
        String arn = sqs.attribute(dlq, "QueueArn");
        String src = sqs.createQueue("src", "{'VisibilityTimeout':'1','RedrivePolicy':'{\\'deadLetterTargetArn\\':\\'" + arn + "\\',\\'maxReceiveCount\\':2}'}");
        String id = sqs.call("SendMessage", "{'QueueUrl':'" + src + "','MessageBody':'poison','MessageAttributes':{'k':{'DataType':'String','StringValue':'v'}}}")
                .get("MessageId").asText();
        for (int i = 0; i < 2; i++) {
            assertThat(sqs.receive(src, 1)).hasSize(1);
            sqs.advanceSeconds(1);
        }
        assertThat(sqs.receive(src, 1)).isEmpty();
        JsonNode moved = sqs.receive(dlq, 1).get(0);
        assertThat(moved.get("MessageId").asText()).isEqualTo(id);
        assertThat(moved.at("/MessageAttributes/k/StringValue").asText()).isEqualTo("v");
        assertThat(moved.at("/Attributes/DeadLetterQueueSourceArn").asText()).isEqualTo(sqs.attribute(src, "QueueArn"));
        assertThat(moved.at("/Attributes/ApproximateReceiveCount").asText()).isEqualTo("3");
    }

    @Test
    void bodies_over_the_maximum_size_or_with_characters_xml_cannot_carry_are_refused() {
        ServiceException big = sqs.error("SendMessage", "{'QueueUrl':'" + url + "','MessageBody':'" + "x".repeat(262_145) + "'}");
        assertThat(big.code()).isEqualTo("InvalidParameterValue");
        assertThat(big.getMessage()).isEqualTo("One or more parameters are invalid. Reason: Message must be shorter than 262144 bytes.");
        ServiceException bad = sqs.error("SendMessage", "{'QueueUrl':'" + url + "','MessageBody':'a\\u0001b'}");
        assertThat(bad.type()).isEqualTo("InvalidMessageContents");
        assertThat(bad.getMessage()).startsWith("Invalid binary character '#x1' was found in the message body");
        assertThat(sqs.error("SendMessage", "{'QueueUrl':'" + url + "'}").getMessage()).isEqualTo("The request must contain the parameter MessageBody.");
        sqs.send(url, "tab\\tnewline\\n\\ud83d\\ude00 ok");
    }

    @Test
    void bad_message_attributes_get_aws_errors() {
        assertThat(sqs.error("SendMessage", "{'QueueUrl':'" + url + "','MessageBody':'x','MessageAttributes':{'a':{'DataType':'Strange','StringValue':'v'}}}").code())
                .isEqualTo("InvalidParameterValue");
        assertThat(sqs.error("SendMessage", "{'QueueUrl':'" + url + "','MessageBody':'x','MessageAttributes':{'n':{'DataType':'Number','StringValue':'abc'}}}").getMessage())
                .isEqualTo("Can't cast the value of message (user) attribute 'n' to a number.");
        StringBuilder many = new StringBuilder("{");
        for (int i = 0; i < 11; i++) many.append(i == 0 ? "" : ",").append("'a").append(i).append("':{'DataType':'String','StringValue':'v'}");
        assertThat(sqs.error("SendMessage", "{'QueueUrl':'" + url + "','MessageBody':'x','MessageAttributes':" + many + "}}").getMessage())
                .isEqualTo("Number of message attributes [11] exceeds the allowed maximum [10].");
        assertThat(sqs.error("ReceiveMessage", "{'QueueUrl':'" + url + "','MaxNumberOfMessages':11}").getMessage())
                .isEqualTo("Value 11 for parameter MaxNumberOfMessages is invalid. Reason: Must be between 1 and 10, if provided.");
    }

    @Test
    void message_attributes_are_returned_by_name_prefix_or_all() {
        sqs.call("SendMessage", "{'QueueUrl':'" + url + "','MessageBody':'x','MessageAttributes':{"
                + "'color.main':{'DataType':'String','StringValue':'red'},'size':{'DataType':'Number','StringValue':'3'},"
                + "'raw':{'DataType':'Binary','BinaryValue':'AQID'}}}");
        JsonNode m = sqs.call("ReceiveMessage", "{'QueueUrl':'" + url + "','MessageAttributeNames':['color.*','size'],'VisibilityTimeout':0}").at("/Messages/0");
        assertThat(m.get("MessageAttributes").size()).isEqualTo(2);
        JsonNode all = sqs.call("ReceiveMessage", "{'QueueUrl':'" + url + "','MessageAttributeNames':['All']}").at("/Messages/0");
        assertThat(all.at("/MessageAttributes/raw/BinaryValue").asText()).isEqualTo("AQID");
        assertThat(all.get("MD5OfMessageAttributes").asText()).isNotEqualTo(m.get("MD5OfMessageAttributes").asText());
    }

    @Test
    void batches_report_each_entry_and_refuse_bad_batches() {
        JsonNode r = sqs.call("SendMessageBatch", "{'QueueUrl':'" + url + "','Entries':[{'Id':'a','MessageBody':'1'},{'Id':'b','MessageBody':''},{'Id':'c','MessageBody':'3'}]}");
        assertThat(r.get("Successful")).extracting(e -> e.get("Id").asText()).containsExactly("a", "c");
        assertThat(r.at("/Failed/0/Id").asText()).isEqualTo("b");
        assertThat(r.at("/Failed/0/Code").asText()).isEqualTo("MissingParameter");
        assertThat(r.at("/Failed/0/SenderFault").asBoolean()).isTrue();
        assertThat(sqs.error("SendMessageBatch", "{'QueueUrl':'" + url + "','Entries':[{'Id':'a','MessageBody':'1'},{'Id':'a','MessageBody':'2'}]}").getMessage())
                .isEqualTo("Id a repeated.");
        assertThat(sqs.error("SendMessageBatch", "{'QueueUrl':'" + url + "','Entries':[]}").code()).isEqualTo("AWS.SimpleQueueService.EmptyBatchRequest");
        StringBuilder eleven = new StringBuilder("[");
        for (int i = 0; i < 11; i++) eleven.append(i == 0 ? "" : ",").append("{'Id':'m").append(i).append("','MessageBody':'x'}");
        assertThat(sqs.error("SendMessageBatch", "{'QueueUrl':'" + url + "','Entries':" + eleven + "]}").type()).isEqualTo("TooManyEntriesInBatchRequest");
        String big = "x".repeat(200_000);
        assertThat(sqs.error("SendMessageBatch", "{'QueueUrl':'" + url + "','Entries':[{'Id':'a','MessageBody':'" + big + "'},{'Id':'b','MessageBody':'" + big + "'}]}").type())
                .isEqualTo("BatchRequestTooLong");

        JsonNode got = sqs.receive(url, 10);
        JsonNode del = sqs.call("DeleteMessageBatch", "{'QueueUrl':'" + url + "','Entries':[{'Id':'x','ReceiptHandle':'" + got.get(0).get("ReceiptHandle").asText()
                + "'},{'Id':'y','ReceiptHandle':'junk'}]}");
        assertThat(del.at("/Successful/0/Id").asText()).isEqualTo("x");
        assertThat(del.at("/Failed/0/Code").asText()).isEqualTo("ReceiptHandleIsInvalid");
        JsonNode vis = sqs.call("ChangeMessageVisibilityBatch", "{'QueueUrl':'" + url + "','Entries':[{'Id':'z','ReceiptHandle':'" + got.get(1).get("ReceiptHandle").asText()
                + "','VisibilityTimeout':0}]}");
        assertThat(vis.at("/Successful/0/Id").asText()).isEqualTo("z");
        assertThat(sqs.receive(url, 10)).hasSize(1);
    }

    @Test
    void a_long_poll_returns_as_soon_as_a_message_arrives() throws Exception {
        CompletableFuture<JsonNode> poll = CompletableFuture.supplyAsync(
                () -> sqs.call("ReceiveMessage", "{'QueueUrl':'" + url + "','WaitTimeSeconds':20}"));
        Thread.sleep(100);
        assertThat(poll).isNotDone();
        long start = System.nanoTime();
        sqs.send(url, "wake");
        JsonNode got = poll.get(5, TimeUnit.SECONDS);
        assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start)).isLessThan(2000);
        assertThat(got.at("/Messages/0/Body").asText()).isEqualTo("wake");
    }

    @Test
    void the_same_idempotency_key_sends_once_and_answers_with_the_first_reply() {
        JsonNode first = sqs.call("SendMessage", "{'QueueUrl':'" + url + "','MessageBody':'once'}", "task-token-1");
        JsonNode again = sqs.call("SendMessage", "{'QueueUrl':'" + url + "','MessageBody':'once'}", "task-token-1");
        assertThat(again).isEqualTo(first);
        assertThat(sqs.attribute(url, "ApproximateNumberOfMessages")).isEqualTo("1");
    }

    @Test
    void a_step_functions_json_body_is_sent_as_its_json_text() {
        sqs.call("SendMessage", "{'QueueUrl':'" + url + "','MessageBody':{'order':7}}");
        assertThat(sqs.receive(url, 1).get(0).get("Body").asText()).isEqualTo("{\"order\":7}");
    }
}
