package dev.stride.service.sqs;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.stride.service.ServiceException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class QueueLifecycleTest {
    private final Sqs sqs = new Sqs();

    @AfterEach
    void close() { sqs.close(); }

    @Test
    void a_queue_url_is_the_endpoint_account_and_name_and_its_arn_names_the_region() {
        String url = sqs.createQueue("orders");
        assertThat(url).isEqualTo("http://localhost:8083/123456789012/orders");
        assertThat(sqs.attribute(url, "QueueArn")).isEqualTo("arn:aws:sqs:us-east-1:123456789012:orders");
        assertThat(sqs.call("GetQueueUrl", "{'QueueName':'orders'}").get("QueueUrl").asText()).isEqualTo(url);
    }

    @Test
    void creating_again_with_equal_attributes_succeeds_and_with_different_ones_fails_as_aws() {
        String url = sqs.createQueue("q", "{'VisibilityTimeout':'40'}");
        assertThat(sqs.createQueue("q", "{'VisibilityTimeout':'40'}")).isEqualTo(url);
        ServiceException e = sqs.error("CreateQueue", "{'QueueName':'q','Attributes':{'VisibilityTimeout':'50'}}");
        assertThat(e.type()).isEqualTo("QueueNameExists");
        assertThat(e.code()).isEqualTo("QueueAlreadyExists");
        assertThat(e.getMessage()).isEqualTo("A queue already exists with the same name and a different value for attribute VisibilityTimeout");
    }

    @Test
    void queue_names_follow_aws_rules() {
        assertThat(sqs.error("CreateQueue", "{'QueueName':'bad name'}").getMessage())
                .isEqualTo("Can only include alphanumeric characters, hyphens, or underscores. 1 to 80 in length");
        assertThat(sqs.error("CreateQueue", "{'QueueName':'" + "a".repeat(81) + "'}").code()).isEqualTo("InvalidParameterValue");
        assertThat(sqs.error("CreateQueue", "{'QueueName':'x','Attributes':{'FifoQueue':'true'}}").getMessage()).startsWith("The name of a FIFO queue");
        assertThat(sqs.error("CreateQueue", "{'QueueName':'x.fifo'}").code()).isEqualTo("InvalidParameterValue");
        assertThat(sqs.error("CreateQueue", "{}").getMessage()).isEqualTo("The request must contain the parameter QueueName.");
    }

    @Test
    void a_missing_queue_is_QueueDoesNotExist_with_the_query_code() {
        ServiceException e = sqs.error("SendMessage", "{'QueueUrl':'http://localhost:8083/123456789012/nope','MessageBody':'x'}");
        assertThat(e.type()).isEqualTo("QueueDoesNotExist");
        assertThat(e.code()).isEqualTo("AWS.SimpleQueueService.NonExistentQueue");
        assertThat(e.getMessage()).isEqualTo("The specified queue does not exist.");
        assertThat(sqs.error("GetQueueUrl", "{'QueueName':'nope'}").type()).isEqualTo("QueueDoesNotExist");
    }

    @Test
    void queues_of_one_region_are_invisible_from_another_and_any_host_finds_a_queue() {
        String url = sqs.createQueue("regional");
        sqs.send("http://some-other-host:4566/123456789012/regional", "hello");
        sqs.region = "eu-west-1";
        assertThat(sqs.error("GetQueueUrl", "{'QueueName':'regional'}").type()).isEqualTo("QueueDoesNotExist");
        assertThat(sqs.call("ListQueues", "{}").has("QueueUrls")).isFalse();
        sqs.region = "us-east-1";
        assertThat(sqs.attribute(url, "ApproximateNumberOfMessages")).isEqualTo("1");
    }

    @Test
    void list_queues_filters_by_prefix_and_pages_with_a_token() {
        for (String n : new String[] {"a1", "a2", "a3", "b1"}) sqs.createQueue(n);
        assertThat(sqs.call("ListQueues", "{'QueueNamePrefix':'a'}").get("QueueUrls")).hasSize(3);
        JsonNode first = sqs.call("ListQueues", "{'MaxResults':2}");
        assertThat(first.get("QueueUrls")).extracting(JsonNode::asText).containsExactly(Sqs.ENDPOINT + "/123456789012/a1", Sqs.ENDPOINT + "/123456789012/a2");
        JsonNode second = sqs.call("ListQueues", "{'MaxResults':2,'NextToken':'" + first.get("NextToken").asText() + "'}");
        assertThat(second.get("QueueUrls")).extracting(JsonNode::asText).containsExactly(Sqs.ENDPOINT + "/123456789012/a3", Sqs.ENDPOINT + "/123456789012/b1");
        assertThat(second.has("NextToken")).isFalse();
        assertThat(sqs.error("ListQueues", "{'MaxResults':0}").getMessage())
                .isEqualTo("Value 0 for parameter MaxResults is invalid. Reason: MaxResults must be an integer between 1 and 1000.");
    }

    @Test
    void get_queue_attributes_all_lists_the_defaults_and_counts() {
        String url = sqs.createQueue("defaults");
        JsonNode a = sqs.call("GetQueueAttributes", "{'QueueUrl':'" + url + "','AttributeNames':['All']}").get("Attributes");
        assertThat(a.get("VisibilityTimeout").asText()).isEqualTo("30");
        assertThat(a.get("MaximumMessageSize").asText()).isEqualTo("262144");
        assertThat(a.get("MessageRetentionPeriod").asText()).isEqualTo("345600");
        assertThat(a.get("DelaySeconds").asText()).isEqualTo("0");
        assertThat(a.get("ReceiveMessageWaitTimeSeconds").asText()).isEqualTo("0");
        assertThat(a.get("SqsManagedSseEnabled").asText()).isEqualTo("true");
        assertThat(a.get("ApproximateNumberOfMessages").asText()).isEqualTo("0");
        assertThat(a.get("CreatedTimestamp").asText()).isEqualTo("1700000000");
        assertThat(a.has("FifoQueue")).isFalse();
        assertThat(sqs.error("GetQueueAttributes", "{'QueueUrl':'" + url + "','AttributeNames':['Bogus']}").getMessage())
                .isEqualTo("Unknown Attribute Bogus.");
    }

    @Test
    void set_queue_attributes_checks_ranges_with_aws_errors() {
        String url = sqs.createQueue("ranges");
        sqs.call("SetQueueAttributes", "{'QueueUrl':'" + url + "','Attributes':{'VisibilityTimeout':'100','DelaySeconds':'5'}}");
        assertThat(sqs.attribute(url, "VisibilityTimeout")).isEqualTo("100");
        ServiceException e = sqs.error("SetQueueAttributes", "{'QueueUrl':'" + url + "','Attributes':{'MessageRetentionPeriod':'59'}}");
        assertThat(e.code()).isEqualTo("InvalidAttributeValue");
        assertThat(e.getMessage()).isEqualTo("Invalid value for the parameter MessageRetentionPeriod.");
        assertThat(sqs.error("SetQueueAttributes", "{'QueueUrl':'" + url + "','Attributes':{'VisibilityTimeout':'43201'}}").code()).isEqualTo("InvalidAttributeValue");
        assertThat(sqs.error("SetQueueAttributes", "{'QueueUrl':'" + url + "','Attributes':{'MaximumMessageSize':'1023'}}").code()).isEqualTo("InvalidAttributeValue");
        assertThat(sqs.error("SetQueueAttributes", "{'QueueUrl':'" + url + "','Attributes':{'ContentBasedDeduplication':'true'}}").code()).isEqualTo("InvalidAttributeName");
    }

    @Test
    void a_redrive_policy_needs_an_existing_dead_letter_queue_and_is_listed_as_its_source() {
        String dlq = sqs.createQueue("dlq");
        String arn = sqs.attribute(dlq, "QueueArn");
        ServiceException e = sqs.error("CreateQueue", "{'QueueName':'src','Attributes':{'RedrivePolicy':'{\\'deadLetterTargetArn\\':\\'arn:aws:sqs:us-east-1:123456789012:none\\',\\'maxReceiveCount\\':3}'}}");
        assertThat(e.getMessage()).endsWith("Reason: Dead letter target does not exist.");
        String src = sqs.createQueue("src", "{'RedrivePolicy':'{\\'deadLetterTargetArn\\':\\'" + arn + "\\',\\'maxReceiveCount\\':\\'3\\'}'}");
        assertThat(sqs.attribute(src, "RedrivePolicy")).isEqualTo("{\"deadLetterTargetArn\":\"" + arn + "\",\"maxReceiveCount\":3}");
        assertThat(sqs.call("ListDeadLetterSourceQueues", "{'QueueUrl':'" + dlq + "'}").get("queueUrls").get(0).asText()).isEqualTo(src);
    }

    @Test
    void tags_are_set_listed_and_removed() {
        String url = sqs.call("CreateQueue", "{'QueueName':'tagged','tags':{'team':'a'}}").get("QueueUrl").asText();
        sqs.call("TagQueue", "{'QueueUrl':'" + url + "','Tags':{'env':'dev'}}");
        assertThat(sqs.call("ListQueueTags", "{'QueueUrl':'" + url + "'}").get("Tags").toString()).isEqualTo("{\"env\":\"dev\",\"team\":\"a\"}");
        sqs.call("UntagQueue", "{'QueueUrl':'" + url + "','TagKeys':['team']}");
        assertThat(sqs.call("ListQueueTags", "{'QueueUrl':'" + url + "'}").get("Tags").toString()).isEqualTo("{\"env\":\"dev\"}");
    }

    @Test
    void delete_queue_removes_it_and_purge_is_allowed_once_a_minute() {
        String url = sqs.createQueue("gone");
        sqs.send(url, "x");
        sqs.call("PurgeQueue", "{'QueueUrl':'" + url + "'}");
        assertThat(sqs.attribute(url, "ApproximateNumberOfMessages")).isEqualTo("0");
        ServiceException e = sqs.error("PurgeQueue", "{'QueueUrl':'" + url + "'}");
        assertThat(e.type()).isEqualTo("PurgeQueueInProgress");
        assertThat(e.getMessage()).isEqualTo("Only one PurgeQueue operation on gone is allowed every 60 seconds.");
        sqs.advanceSeconds(61);
        sqs.call("PurgeQueue", "{'QueueUrl':'" + url + "'}");
        sqs.call("DeleteQueue", "{'QueueUrl':'" + url + "'}");
        assertThat(sqs.error("GetQueueUrl", "{'QueueName':'gone'}").type()).isEqualTo("QueueDoesNotExist");
    }
}
