package dev.stride.service.sqs;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stride.engine.spi.RecordStore;
import dev.stride.service.ServiceRequest;
import dev.stride.service.ServiceResponse;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Both protocols over {@link SqsService#serve}: the query protocol's form and XML, and AWS JSON 1.0. */
class ProtocolTest {
    private static final String NS = "xmlns=\"http://queue.amazonaws.com/doc/2012-11-05/\"";
    private final SqsService sqs = new SqsService(RecordStore.NONE, new AtomicLong(1_700_000_000_000L)::get);

    @AfterEach
    void close() { sqs.close(); }

    private ServiceResponse query(String path, String... pairs) {
        StringBuilder form = new StringBuilder("Version=2012-11-05");
        for (int i = 0; i < pairs.length; i += 2) {
            form.append('&').append(URLEncoder.encode(pairs[i], StandardCharsets.UTF_8)).append('=').append(URLEncoder.encode(pairs[i + 1], StandardCharsets.UTF_8));
        }
        return sqs.serve(new ServiceRequest("POST", path, null, Map.of("Content-Type", List.of("application/x-www-form-urlencoded")),
                form.toString().getBytes(StandardCharsets.UTF_8), "us-east-1", Sqs.ACCOUNT, Sqs.ENDPOINT));
    }

    private ServiceResponse json(String action, String body) {
        return sqs.serve(new ServiceRequest("POST", "/", null, Map.of("X-Amz-Target", List.of("AmazonSQS." + action),
                "Content-Type", List.of("application/x-amz-json-1.0")), body.replace('\'', '"').getBytes(StandardCharsets.UTF_8), "us-east-1", Sqs.ACCOUNT, Sqs.ENDPOINT));
    }

    private static String text(ServiceResponse r) { return new String(r.body(), StandardCharsets.UTF_8); }

    private static String element(String xml, String name) {
        Matcher m = Pattern.compile("<" + name + ">(.*?)</" + name + ">").matcher(xml);
        return m.find() ? m.group(1) : null;
    }

    @Test
    void the_query_protocol_answers_in_sqs_xml() {
        String created = text(query("/", "Action", "CreateQueue", "QueueName", "xml", "Attribute.1.Name", "VisibilityTimeout", "Attribute.1.Value", "45"));
        assertThat(created).contains("<CreateQueueResponse " + NS + "><CreateQueueResult><QueueUrl>http://localhost:8083/123456789012/xml</QueueUrl>");

        String url = text(query("/", "Action", "GetQueueUrl", "QueueName", "xml"));
        assertThat(element(url, "QueueUrl")).isEqualTo("http://localhost:8083/123456789012/xml");
        assertThat(url).contains("<ResponseMetadata><RequestId>");

        // posted to the queue's own URL: the path names the queue
        String sent = text(query("/123456789012/xml", "Action", "SendMessage", "MessageBody", "<hi & bye>",
                "MessageAttribute.1.Name", "color", "MessageAttribute.1.Value.DataType", "String", "MessageAttribute.1.Value.StringValue", "red"));
        assertThat(sent).startsWith("<?xml version=\"1.0\"?>\n<SendMessageResponse " + NS + "><SendMessageResult><MessageId>");
        assertThat(element(sent, "MD5OfMessageBody")).hasSize(32);
        assertThat(element(sent, "MD5OfMessageAttributes")).hasSize(32);

        String received = text(query("/", "Action", "ReceiveMessage", "QueueUrl", "http://elsewhere/123456789012/xml",
                "AttributeName.1", "All", "MessageAttributeName.1", "All", "MaxNumberOfMessages", "5"));
        assertThat(received).contains("<ReceiveMessageResult><Message><MessageId>");
        assertThat(element(received, "Body")).isEqualTo("&lt;hi &amp; bye&gt;");
        assertThat(received).contains("<Attribute><Name>ApproximateReceiveCount</Name><Value>1</Value></Attribute>");
        assertThat(received).contains("<MessageAttribute><Name>color</Name><Value><StringValue>red</StringValue><DataType>String</DataType></Value></MessageAttribute>");
        assertThat(element(received, "MD5OfBody")).isEqualTo(element(sent, "MD5OfMessageBody"));

        query("/", "Action", "CreateQueue", "QueueName", "xml2");
        String listed = text(query("/", "Action", "ListQueues"));
        assertThat(listed).contains("<ListQueuesResult><QueueUrl>http://localhost:8083/123456789012/xml</QueueUrl><QueueUrl>http://localhost:8083/123456789012/xml2</QueueUrl></ListQueuesResult>");

        String attrs = text(query("/", "Action", "GetQueueAttributes", "QueueUrl", Sqs.ENDPOINT + "/123456789012/xml", "AttributeName.1", "VisibilityTimeout"));
        assertThat(attrs).contains("<GetQueueAttributesResult><Attribute><Name>VisibilityTimeout</Name><Value>45</Value></Attribute></GetQueueAttributesResult>");
    }

    @Test
    void query_batches_decode_their_entries_and_answer_per_entry() {
        query("/", "Action", "CreateQueue", "QueueName", "b");
        String r = text(query("/123456789012/b", "Action", "SendMessageBatch",
                "SendMessageBatchRequestEntry.1.Id", "one", "SendMessageBatchRequestEntry.1.MessageBody", "1",
                "SendMessageBatchRequestEntry.2.Id", "two", "SendMessageBatchRequestEntry.2.MessageBody", "2",
                "SendMessageBatchRequestEntry.2.DelaySeconds", "1000"));
        assertThat(r).contains("<SendMessageBatchResultEntry><Id>one</Id><MessageId>");
        assertThat(r).contains("<BatchResultErrorEntry><Id>two</Id><SenderFault>true</SenderFault><Code>InvalidParameterValue</Code>");
    }

    @Test
    void query_errors_are_sqs_error_documents_with_the_old_codes() {
        ServiceResponse r = query("/", "Action", "GetQueueUrl", "QueueName", "missing");
        assertThat(r.status()).isEqualTo(400);
        assertThat(text(r)).contains("<Error><Type>Sender</Type><Code>AWS.SimpleQueueService.NonExistentQueue</Code><Message>The specified queue does not exist.</Message>");
        assertThat(text(query("/", "Action", "Frobnicate"))).contains("<Code>InvalidAction</Code>");
    }

    @Test
    void json_errors_carry_the_modelled_type_and_the_query_code() {
        ServiceResponse r = json("GetQueueUrl", "{'QueueName':'missing'}");
        assertThat(r.status()).isEqualTo(400);
        assertThat(text(r)).isEqualTo("{\"__type\":\"com.amazonaws.sqs#QueueDoesNotExist\",\"message\":\"The specified queue does not exist.\"}");
        assertThat(r.headers().get("x-amzn-query-error")).isEqualTo("AWS.SimpleQueueService.NonExistentQueue;Sender");
        assertThat(json("CreateQueue", "{'QueueName':'j'}").status()).isEqualTo(200);
        assertThat(text(json("SendMessage", "{'QueueUrl':'http://localhost:8083/123456789012/j','MessageBody':'x'}"))).contains("\"MD5OfMessageBody\":\"9dd4e461268c8034f5c8564e155c67a6\"");
        assertThat(json("SendMessage", "not json").status()).isEqualTo(400);
    }
}
