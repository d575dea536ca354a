package dev.stride.integrations;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.stride.engine.ExecutionStatus;
import dev.stride.engine.ExecutionView;
import dev.stride.engine.spi.TaskCompletion;
import dev.stride.engine.spi.TaskInvocation;
import dev.stride.expr.Json;
import dev.stride.service.ServiceCall;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** SQS and SNS Task states, optimized and aws-sdk, run through the engine against recording stand-ins for the services. */
class AwsServiceIntegrationTest {
    static final String ENDPOINT = "http://localhost:8083";
    static final String QUEUE = ENDPOINT + "/123456789012/orders";
    static final String TOPIC = "arn:aws:sns:us-east-1:123456789012:orders";
    static final String MESSAGE_ID = "5fea7756-0ea4-451a-a703-a558b933e274";
    static final String REQUEST_ID = "c9a4f1f0-7a9e-5d2b-9d47-0a3b5e1c2d3f";
    static final Clock CLOCK = Clock.fixed(Instant.parse("2024-04-08T06:27:01Z"), ZoneOffset.UTC);

    final AtomicInteger flaky = new AtomicInteger();
    final RecordingService sqs = new RecordingService("sqs", Set.of("SendMessage", "ListQueues", "GetQueueAttributes", "ReceiveMessage"), this::sqs);
    final RecordingService sns = new RecordingService("sns", Set.of("Publish", "ListTopics"), this::sns);

    JsonNode sqs(ServiceCall call) {
        ObjectNode p = call.params();
        return switch (call.action()) {
            case "SendMessage" -> {
                if (p.path("QueueUrl").asText().endsWith("/missing")) throw RecordingService.noSuchQueue();
                if (p.path("QueueUrl").asText().endsWith("/flaky") && flaky.getAndIncrement() == 0) throw RecordingService.missingParameter("Flake");
                if (!p.has("MessageBody")) throw RecordingService.missingParameter("MessageBody");
                ObjectNode r = Json.NODES.objectNode().put("MD5OfMessageBody", md5(p.get("MessageBody").textValue())).put("MessageId", MESSAGE_ID);
                if (p.path("QueueUrl").asText().endsWith(".fifo")) r.put("SequenceNumber", "18849496460467696128");
                yield r;
            }
            case "ListQueues" -> Json.parse("{\"QueueUrls\": [\"" + QUEUE + "\"]}");
            case "GetQueueAttributes" -> Json.parse("{\"Attributes\": {\"MD5OfMessageBody\": \"kept as the user named it\", \"QueueArn\": \"arn:aws:sqs:us-east-1:123456789012:orders\"}}");
            case "ReceiveMessage" -> Json.parse("{\"Messages\": [{\"MessageId\": \"m1\", \"ReceiptHandle\": \"r1\", \"MD5OfBody\": \"" + md5("hi") + "\", \"Body\": \"hi\"}]}");
            default -> throw new AssertionError("unexpected " + call.action());
        };
    }

    JsonNode sns(ServiceCall call) {
        ObjectNode p = call.params();
        String topic = p.path("TopicArn").asText();
        if (topic.endsWith(":missing")) throw RecordingService.noSuchTopic();
        if (topic.endsWith(".fifo") && !p.has("MessageGroupId")) {
            throw dev.stride.service.ServiceException.client("InvalidParameter", "Invalid parameter: The MessageGroupId parameter is required for FIFO topics");
        }
        ObjectNode r = Json.NODES.objectNode().put("MessageId", MESSAGE_ID);
        if (topic.endsWith(".fifo")) r.put("SequenceNumber", "10000000000000003000");
        return r;
    }

    AwsServiceIntegration integration() {
        return new AwsServiceIntegration(Map.of("sqs", sqs, "sns", sns), "us-east-1", "123456789012", ENDPOINT, CLOCK, () -> REQUEST_ID);
    }

    Runner runner() { return new Runner(Integrations.builder().integration(integration())); }

    static String task(String resource, String parameters) {
        return "{\"StartAt\": \"Call\", \"States\": {\"Call\": {\"Type\": \"Task\", \"Resource\": \"" + resource
                + "\", \"Parameters\": " + parameters + ", \"End\": true}}}";
    }

    static String md5(String s) {
        try {
            return String.format("%032x", new BigInteger(1, MessageDigest.getInstance("MD5").digest(s.getBytes(StandardCharsets.UTF_8))));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void sendMessageWritesAnObjectBodyAsJsonTextAndAnswersAsAwsDoes() throws Exception {
        try (Runner r = runner()) {
            String arn = r.start(task("arn:aws:states:::sqs:sendMessage",
                    "{\"QueueUrl\": \"" + QUEUE + "\", \"MessageBody\": {\"order.$\": \"$.id\", \"items\": [1, 2]}, \"DelaySeconds\": 5}"), "{\"id\": 7}");
            ExecutionView v = r.await(arn);
            assertThat(v.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
            ServiceCall call = sqs.last();
            assertThat(call.action()).isEqualTo("SendMessage");
            assertThat(call.params()).isEqualTo(Json.parse("{\"QueueUrl\": \"" + QUEUE + "\", \"MessageBody\": \"{\\\"order\\\":7,\\\"items\\\":[1,2]}\", \"DelaySeconds\": 5}"));
            assertThat(call.endpoint()).isEqualTo(ENDPOINT);
            assertThat(call.region()).isEqualTo("us-east-1");
            assertThat(call.account()).isEqualTo("123456789012");
            assertThat(v.output()).isEqualTo(Json.parse("""
                {"MD5OfMessageBody": "%s", "MessageId": "%s",
                 "SdkHttpMetadata": {
                   "AllHttpHeaders": {"x-amzn-RequestId": ["%s"], "connection": ["keep-alive"], "Content-Length": ["106"],
                                      "Date": ["Mon, 08 Apr 2024 06:27:01 GMT"], "Content-Type": ["application/x-amz-json-1.0"]},
                   "HttpHeaders": {"connection": "keep-alive", "Content-Length": "106", "Content-Type": "application/x-amz-json-1.0",
                                   "Date": "Mon, 08 Apr 2024 06:27:01 GMT", "x-amzn-RequestId": "%s"},
                   "HttpStatusCode": 200},
                 "SdkResponseMetadata": {"RequestId": "%s"}}
                """.formatted(md5("{\"order\":7,\"items\":[1,2]}"), MESSAGE_ID, REQUEST_ID, REQUEST_ID, REQUEST_ID)));
            assertThat(v.output().fieldNames()).toIterable()
                    .containsExactly("MD5OfMessageBody", "MessageId", "SdkHttpMetadata", "SdkResponseMetadata");
            assertThat(v.output().at("/SdkHttpMetadata/HttpHeaders").fieldNames()).toIterable()
                    .containsExactly("connection", "Content-Length", "Content-Type", "Date", "x-amzn-RequestId");
            assertThat(r.event(arn, "TaskScheduled").details().get("resourceType").textValue()).isEqualTo("sqs");
        }
    }

    @Test
    void aFifoQueuesSequenceNumberSortsAfterTheMetadataAsAwsShowsIt() throws Exception {
        try (Runner r = runner()) {
            ExecutionView v = r.run(task("arn:aws:states:::sqs:sendMessage",
                    "{\"QueueUrl\": \"" + QUEUE + ".fifo\", \"MessageBody\": \"hi\", \"MessageGroupId\": \"g\", \"MessageDeduplicationId\": \"d\"}"), "{}");
            assertThat(v.output().fieldNames()).toIterable()
                    .containsExactly("MD5OfMessageBody", "MessageId", "SdkHttpMetadata", "SdkResponseMetadata", "SequenceNumber");
            assertThat(sqs.last().params().get("MessageGroupId").textValue()).isEqualTo("g");
        }
    }

    @Test
    void aNullMessageBodyIsLeftOutSoTheServiceReportsItMissingAsAwsDoes() throws Exception {
        try (Runner r = runner()) {
            ExecutionView v = r.run(task("arn:aws:states:::sqs:sendMessage", "{\"QueueUrl\": \"" + QUEUE + "\", \"MessageBody.$\": \"$.body\"}"),
                    "{\"body\": null}");
            assertThat(sqs.last().params().has("MessageBody")).isFalse();
            assertThat(v.error()).isEqualTo("SQS.AmazonSQSException");
            assertThat(v.cause()).isEqualTo("The request must contain the parameter MessageBody. (Service: AmazonSQS; Status Code: 400; "
                    + "Error Code: MissingParameter; Request ID: " + REQUEST_ID + "; Proxy: null)");
        }
    }

    @Test
    void aMissingQueueIsTheSdkV1ExceptionForOptimizedAndTheSdkV2OneForAwsSdk() throws Exception {
        try (Runner r = runner()) {
            String params = "{\"QueueUrl\": \"" + ENDPOINT + "/123456789012/missing\", \"MessageBody\": \"hi\"}";
            ExecutionView optimized = r.run(task("arn:aws:states:::sqs:sendMessage", params), "{}");
            assertThat(optimized.error()).isEqualTo("SQS.QueueDoesNotExistException");
            assertThat(optimized.cause()).isEqualTo("The specified queue does not exist. (Service: AmazonSQS; Status Code: 400; "
                    + "Error Code: AWS.SimpleQueueService.NonExistentQueue; Request ID: " + REQUEST_ID + "; Proxy: null)");
            ExecutionView sdk = r.run(task("arn:aws:states:::aws-sdk:sqs:sendMessage", params), "{}");
            assertThat(sdk.error()).isEqualTo("Sqs.QueueDoesNotExistException");
            assertThat(sdk.cause()).isEqualTo("The specified queue does not exist. (Service: Sqs, Status Code: 400, Request ID: "
                    + REQUEST_ID + ") (SDK Attempt Count: 1)");
        }
    }

    @Test
    void anErrorTheModelLacksIsTheServicesBaseException() throws Exception {
        try (Runner r = runner()) {
            ExecutionView sdk = r.run(task("arn:aws:states:::aws-sdk:sqs:sendMessage", "{\"QueueUrl\": \"" + QUEUE + "\"}"), "{}");
            assertThat(sdk.error()).isEqualTo("Sqs.SqsException");
        }
    }

    @Test
    void aServiceErrorIsRetriedByItsNameAndEachAttemptHasItsOwnIdempotencyKey() throws Exception {
        try (Runner r = runner()) {
            ExecutionView v = r.run("""
                {"StartAt": "Send", "States": {"Send": {"Type": "Task", "Resource": "arn:aws:states:::sqs:sendMessage",
                  "Parameters": {"QueueUrl": "%s/123456789012/flaky", "MessageBody": "hi"},
                  "Retry": [{"ErrorEquals": ["SQS.AmazonSQSException"], "IntervalSeconds": 1, "MaxAttempts": 1, "BackoffRate": 1}],
                  "End": true}}}
                """.formatted(ENDPOINT), "{}");
            assertThat(v.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
            assertThat(sqs.calls).hasSize(2);
            String first = sqs.calls.get(0).idempotencyKey();
            String second = sqs.calls.get(1).idempotencyKey();
            // Each attempt is its own task (the engine gives a retry a new token), so its send is not answered by the first's reply.
            assertThat(first).isNotNull().isNotEqualTo(second);
            assertThat(first).matches(".+:\\d+");
            assertThat(second).matches(".+:\\d+");
        }
    }

    @Test
    void theIdempotencyKeyIsTheTaskTokenAndAttempt() throws Exception {
        try (AwsServiceIntegration i = integration()) {
            CompletableFuture<JsonNode> done = new CompletableFuture<>();
            i.start(new TaskInvocation("arn:exec", "Send", "arn:aws:states:::sqs:sendMessage",
                    Json.parse("{\"QueueUrl\": \"" + QUEUE + "\", \"MessageBody\": \"hi\"}"), "token-1", null, null, 2), completion(done));
            done.get(10, TimeUnit.SECONDS);
            assertThat(sqs.last().idempotencyKey()).isEqualTo("token-1:2");
        }
    }

    @Test
    void publishWritesAJsonMessageAsTextAndShowsSnsXmlReplyHeaders() throws Exception {
        try (Runner r = runner()) {
            ExecutionView v = r.run(task("arn:aws:states:::sns:publish",
                    "{\"TopicArn\": \"" + TOPIC + "\", \"Message\": {\"Message\": \"HelloWorld!\"}, \"Subject\": \"s\"}"), "{}");
            assertThat(sns.last().action()).isEqualTo("Publish");
            assertThat(sns.last().params().get("Message").textValue()).isEqualTo("{\"Message\":\"HelloWorld!\"}");
            assertThat(v.output().fieldNames()).toIterable().containsExactly("MessageId", "SdkHttpMetadata", "SdkResponseMetadata");
            assertThat(v.output().at("/SdkHttpMetadata/HttpHeaders/Content-Type").textValue()).isEqualTo("text/xml");
            assertThat(v.output().at("/SdkHttpMetadata/HttpHeaders/Content-Length").textValue()).isEqualTo("294");
        }
    }

    @Test
    void aFifoPublishAnswersWithItsSequenceNumber() throws Exception {
        try (Runner r = runner()) {
            ExecutionView v = r.run(task("arn:aws:states:::sns:publish",
                    "{\"TopicArn\": \"" + TOPIC + ".fifo\", \"Message\": \"m\", \"MessageGroupId\": \"g\"}"), "{}");
            assertThat(v.output().fieldNames()).toIterable()
                    .containsExactly("MessageId", "SdkHttpMetadata", "SdkResponseMetadata", "SequenceNumber");
            assertThat(v.output().at("/SdkHttpMetadata/HttpHeaders/Content-Length").textValue()).isEqualTo("352");
        }
    }

    @Test
    void snsErrorsAreNamedAsAwsRecordedThem() throws Exception {
        try (Runner r = runner()) {
            ExecutionView missing = r.run(task("arn:aws:states:::sns:publish", "{\"TopicArn\": \"" + TOPIC + ":missing\", \"Message\": \"m\"}"), "{}");
            assertThat(missing.error()).isEqualTo("SNS.NotFoundException");
            assertThat(missing.cause()).isEqualTo("Topic does not exist (Service: AmazonSNS; Status Code: 404; Error Code: NotFound; Request ID: "
                    + REQUEST_ID + "; Proxy: null)");
            ExecutionView fifo = r.run(task("arn:aws:states:::sns:publish", "{\"TopicArn\": \"" + TOPIC + ".fifo\", \"Message\": \"m\"}"), "{}");
            assertThat(fifo.error()).isEqualTo("SNS.InvalidParameterException");
            assertThat(fifo.cause()).isEqualTo("Invalid parameter: The MessageGroupId parameter is required for FIFO topics (Service: AmazonSNS; "
                    + "Status Code: 400; Error Code: InvalidParameter; Request ID: " + REQUEST_ID + "; Proxy: null)");
            ExecutionView sdk = r.run(task("arn:aws:states:::aws-sdk:sns:publish", "{\"TopicArn\": \"" + TOPIC + ":missing\", \"Message\": \"m\"}"), "{}");
            assertThat(sdk.error()).isEqualTo("Sns.NotFoundException");
            assertThat(sdk.cause()).startsWith("Topic does not exist (Service: Sns, Status Code: 404, Request ID: ");
        }
    }

    @Test
    void anAwsSdkTaskCallsThePascalCaseActionAndReturnsTheBareReply() throws Exception {
        try (Runner r = runner()) {
            ExecutionView v = r.run(task("arn:aws:states:::aws-sdk:sqs:listQueues", "{\"QueueNamePrefix\": \"ord\"}"), "{}");
            assertThat(sqs.last().action()).isEqualTo("ListQueues");
            assertThat(sqs.last().params()).isEqualTo(Json.parse("{\"QueueNamePrefix\": \"ord\"}"));
            assertThat(v.output()).isEqualTo(Json.parse("{\"QueueUrls\": [\"" + QUEUE + "\"]}"));
        }
    }

    @Test
    void anAwsSdkReplyUsesSdkV2MemberNamesButKeepsMapKeys() throws Exception {
        try (Runner r = runner()) {
            ExecutionView sent = r.run(task("arn:aws:states:::aws-sdk:sqs:sendMessage",
                    "{\"QueueUrl\": \"" + QUEUE + "\", \"MessageBody\": {\"a\": 1}}"), "{}");
            assertThat(sqs.last().params().get("MessageBody").textValue()).isEqualTo("{\"a\":1}");
            assertThat(sent.output()).isEqualTo(Json.parse("{\"Md5OfMessageBody\": \"" + md5("{\"a\":1}") + "\", \"MessageId\": \"" + MESSAGE_ID + "\"}"));
            ExecutionView received = r.run(task("arn:aws:states:::aws-sdk:sqs:receiveMessage", "{\"QueueUrl\": \"" + QUEUE + "\"}"), "{}");
            assertThat(received.output().at("/Messages/0/Md5OfBody").textValue()).isEqualTo(md5("hi"));
            ExecutionView attributes = r.run(task("arn:aws:states:::aws-sdk:sqs:getQueueAttributes",
                    "{\"QueueUrl\": \"" + QUEUE + "\", \"AttributeNames\": [\"All\"]}"), "{}");
            assertThat(attributes.output().at("/Attributes").has("MD5OfMessageBody")).isTrue();
        }
    }

    @Test
    void waitForTaskTokenSendsThenWaitsForSendTaskSuccess() throws Exception {
        try (Runner r = runner()) {
            String arn = r.start(task("arn:aws:states:::sqs:sendMessage.waitForTaskToken",
                    "{\"QueueUrl\": \"" + QUEUE + "\", \"MessageBody\": {\"Message\": \"approve?\", \"TaskToken.$\": \"$$.Task.Token\"}}"), "{}");
            Runner.waitFor(() -> r.types(arn).contains("TaskSubmitted"));
            assertThat(r.describeStatus(arn)).isEqualTo(ExecutionStatus.RUNNING);
            assertThat(r.outputOf(arn, "TaskSubmitted").get("MessageId").textValue()).isEqualTo(MESSAGE_ID);
            String token = Json.parse(sqs.last().params().get("MessageBody").textValue()).get("TaskToken").textValue();
            assertThat(sqs.last().idempotencyKey()).startsWith(token + ":");
            assertThat(r.engine.sendTaskSuccess(token, Json.parse("\"approved\""))).isTrue();
            ExecutionView v = r.await(arn);
            assertThat(v.output()).isEqualTo(Json.parse("\"approved\""));
            assertThat(r.types(arn)).containsSubsequence("TaskScheduled", "TaskStarted", "TaskSubmitted", "TaskSucceeded");
        }
    }

    @Test
    void anAwsSdkPublishWaitsForTheTokenToo() throws Exception {
        try (Runner r = runner()) {
            String arn = r.start(task("arn:aws:states:::aws-sdk:sns:publish.waitForTaskToken",
                    "{\"TopicArn\": \"" + TOPIC + "\", \"Message.$\": \"$$.Task.Token\"}"), "{}");
            Runner.waitFor(() -> r.types(arn).contains("TaskSubmitted"));
            assertThat(r.outputOf(arn, "TaskSubmitted")).isEqualTo(Json.parse("{\"MessageId\": \"" + MESSAGE_ID + "\"}"));
            r.engine.sendTaskFailure(sns.last().params().get("Message").textValue(), "Rejected", "no");
            assertThat(r.await(arn).error()).isEqualTo("Rejected");
        }
    }

    @Test
    void aParameterTheOptimizedIntegrationLacksOrAnUnknownActionIsARuntimeError() throws Exception {
        try (Runner r = runner()) {
            ExecutionView extra = r.run(task("arn:aws:states:::sqs:sendMessage", "{\"QueueUrl\": \"" + QUEUE + "\", \"MessageBody\": \"m\", \"MessageSystemAttributes.$\": \"$.x\"}"),
                    "{\"x\": {}}");
            assertThat(extra.error()).isEqualTo("States.Runtime");
            assertThat(extra.cause()).contains("\"MessageSystemAttributes\" is not supported by Step Functions");
            ExecutionView unknown = r.run(task("arn:aws:states:::aws-sdk:sqs:sendMessages", "{}"), "{}");
            assertThat(unknown.error()).isEqualTo("States.Runtime");
            assertThat(unknown.cause()).contains("arn:aws:states:::aws-sdk:sqs:sendMessages not recognized");
            assertThat(sqs.calls).isEmpty();
        }
    }

    @Test
    void itAcceptsOnlyConfiguredServicesAndTheFormsAwsOffers() {
        try (AwsServiceIntegration i = integration()) {
            assertThat(i.accepts("arn:aws:states:::sqs:sendMessage")).isTrue();
            assertThat(i.accepts("arn:aws:states:::sqs:sendMessage.waitForTaskToken")).isTrue();
            assertThat(i.accepts("arn:aws:states:::sns:publish")).isTrue();
            assertThat(i.accepts("arn:aws:states:::aws-sdk:sqs:deleteQueue")).isTrue();
            assertThat(i.accepts("arn:aws:states:::aws-sdk:sns:listTopics.waitForTaskToken")).isTrue();
            assertThat(i.accepts("arn:aws:states:::sqs:receiveMessage")).as("AWS optimizes only SendMessage").isFalse();
            assertThat(i.accepts("arn:aws:states:::sqs:sendMessage.sync")).isFalse();
            assertThat(i.accepts("arn:aws:states:::aws-sdk:sqs:sendMessage.sync")).isFalse();
            assertThat(i.accepts("arn:aws:states:::aws-sdk:dynamodb:getItem")).as("not configured").isFalse();
            assertThat(i.accepts("arn:aws:states:::lambda:invoke")).isFalse();
            assertThat(i.accepts("arn:aws:lambda:us-east-1:123456789012:function:sqs")).isFalse();
        }
    }

    private static TaskCompletion completion(CompletableFuture<JsonNode> done) {
        return new TaskCompletion() {
            @Override public void succeed(JsonNode output) { done.complete(output); }
            @Override public void fail(String error, String cause) { done.completeExceptionally(new AssertionError(error + ": " + cause)); }
            @Override public void heartbeat() {}
        };
    }
}
