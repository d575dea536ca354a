package dev.stride.service.sns;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stride.engine.spi.RecordStore;
import dev.stride.service.ServiceRequest;
import dev.stride.service.ServiceResponse;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class QueryProtocolTest {
    final RecordingSqs sqs = new RecordingSqs();
    final SnsService service = new SnsService(SnsService.Options.builder().store(new MapRecordStore()).sqs(sqs).build());

    @AfterEach
    void close() { service.close(); }

    ServiceResponse post(String... pairs) {
        StringBuilder body = new StringBuilder("Version=2010-03-31");
        for (int i = 0; i < pairs.length; i += 2) {
            body.append('&').append(URLEncoder.encode(pairs[i], StandardCharsets.UTF_8)).append('=')
                    .append(URLEncoder.encode(pairs[i + 1], StandardCharsets.UTF_8));
        }
        return service.serve(new ServiceRequest("POST", "/", null,
                Map.of("Content-Type", List.of("application/x-www-form-urlencoded; charset=utf-8")),
                body.toString().getBytes(StandardCharsets.UTF_8), Sns.REGION, Sns.ACCOUNT, Sns.ENDPOINT));
    }

    static String text(ServiceResponse r) { return new String(r.body(), StandardCharsets.UTF_8); }

    @Test
    void create_topic_with_attributes_and_tags_replies_in_xml() {
        ServiceResponse r = post("Action", "CreateTopic", "Name", "q.fifo", "Attributes.entry.1.key", "FifoTopic",
                "Attributes.entry.1.value", "true", "Tags.member.1.Key", "team", "Tags.member.1.Value", "a");
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.contentType()).isEqualTo("text/xml");
        assertThat(text(r)).contains("<CreateTopicResponse xmlns=\"http://sns.amazonaws.com/doc/2010-03-31/\"><CreateTopicResult>"
                + "<TopicArn>arn:aws:sns:us-east-1:123456789012:q.fifo</TopicArn></CreateTopicResult><ResponseMetadata><RequestId>");

        String attributes = text(post("Action", "GetTopicAttributes", "TopicArn", "arn:aws:sns:us-east-1:123456789012:q.fifo"));
        assertThat(attributes).contains("<Attributes><entry><key>Policy</key><value>").contains("<entry><key>FifoTopic</key><value>true</value></entry>");
        assertThat(text(post("Action", "ListTagsForResource", "ResourceArn", "arn:aws:sns:us-east-1:123456789012:q.fifo")))
                .contains("<Tags><member><Key>team</Key><Value>a</Value></member></Tags>");
        assertThat(text(post("Action", "ListTopics"))).contains("<Topics><member><TopicArn>arn:aws:sns:us-east-1:123456789012:q.fifo</TopicArn></member></Topics>");
    }

    @Test
    void publish_with_message_attributes_decodes_to_the_same_action() {
        post("Action", "CreateTopic", "Name", "t");
        String topic = "arn:aws:sns:us-east-1:123456789012:t";
        post("Action", "Subscribe", "TopicArn", topic, "Protocol", "sqs", "Endpoint", "arn:aws:sqs:us-east-1:123456789012:q",
                "Attributes.entry.1.key", "RawMessageDelivery", "Attributes.entry.1.value", "true");
        ServiceResponse r = post("Action", "Publish", "TopicArn", topic, "Message", "hi",
                "MessageAttributes.entry.1.Name", "color", "MessageAttributes.entry.1.Value.DataType", "String",
                "MessageAttributes.entry.1.Value.StringValue", "red");
        assertThat(text(r)).contains("<PublishResult><MessageId>");
        assertThat(sqs.sent.get(0).params().at("/MessageAttributes/color/StringValue").asText()).isEqualTo("red");

        ServiceResponse batch = post("Action", "PublishBatch", "TopicArn", topic,
                "PublishBatchRequestEntries.member.1.Id", "a", "PublishBatchRequestEntries.member.1.Message", "one",
                "PublishBatchRequestEntries.member.2.Id", "b", "PublishBatchRequestEntries.member.2.Message", "two");
        assertThat(text(batch)).contains("<Successful><member><Id>a</Id><MessageId>").contains("<Failed></Failed>");
        assertThat(sqs.sent).hasSize(3);
    }

    @Test
    void errors_are_xml_error_documents() {
        ServiceResponse missing = post("Action", "Publish", "TopicArn", "arn:aws:sns:us-east-1:123456789012:none", "Message", "x");
        assertThat(missing.status()).isEqualTo(404);
        assertThat(text(missing)).contains("<ErrorResponse><Error><Type>Sender</Type><Code>NotFound</Code><Message>Topic does not exist</Message>");

        ServiceResponse unknown = post("Action", "Frobnicate");
        assertThat(unknown.status()).isEqualTo(400);
        assertThat(text(unknown)).contains("<Code>InvalidAction</Code>");
    }

    @Test
    void an_unexpected_failure_is_a_500_reply_not_an_exception() {
        SnsService broken = new SnsService(SnsService.Options.builder().store(new RecordStore() {
            @Override
            public void commit(List<Write> writes) { throw new IllegalStateException("disk on fire"); }

            @Override
            public void scan(String table, BiConsumer<String, String> each) {}
        }).build());
        ServiceResponse r = broken.serve(new ServiceRequest("POST", "/", null, Map.of(), "Action=CreateTopic&Name=t".getBytes(StandardCharsets.UTF_8),
                Sns.REGION, Sns.ACCOUNT, Sns.ENDPOINT));
        broken.close();
        assertThat(r.status()).isEqualTo(500);
        assertThat(text(r)).contains("<Code>InternalFailure</Code>");
    }

    @Test
    void lists_actions_and_signing_name_for_the_router() {
        assertThat(service.signingName()).isEqualTo("sns");
        assertThat(service.targetPrefixes()).isEmpty();
        assertThat(service.queryActions()).contains("Publish", "PublishBatch", "ConfirmSubscription", "ListTagsForResource");
    }
}
