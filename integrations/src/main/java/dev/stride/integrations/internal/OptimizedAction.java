package dev.stride.integrations.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.stride.expr.Json;
import dev.stride.service.Xml;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The optimized integrations of SQS, SNS and DynamoDB: the only actions AWS offers for them
 * (connect-sqs, connect-sns and connect-ddb in the Step Functions guide: SendMessage; Publish;
 * GetItem, PutItem, UpdateItem, DeleteItem), the parameters each supports, and the reply as Step
 * Functions shows it: the API's members and SdkHttpMetadata / SdkResponseMetadata, all in
 * alphabetical order, with the response headers AWS's service sent (recorded: SQS answers
 * {@code application/x-amz-json-1.0}, SNS {@code text/xml}; DynamoDB adds {@code Server} and the
 * body's {@code x-amz-crc32}, in the order of LocalStack's 2025 recording against AWS,
 * test_dynamodb_task_service.snapshot.json).
 */
public enum OptimizedAction {
    SQS_SEND_MESSAGE("sqs", "sendMessage", "SendMessage", "MessageBody", "application/x-amz-json-1.0",
            Set.of("QueueUrl", "MessageBody", "DelaySeconds", "MessageAttributes", "MessageDeduplicationId", "MessageGroupId"), Wire.JSON),
    SNS_PUBLISH("sns", "publish", "Publish", "Message", "text/xml",
            Set.of("TopicArn", "TargetArn", "PhoneNumber", "Message", "Subject", "MessageAttributes", "MessageStructure",
                    "MessageDeduplicationId", "MessageGroupId"), Wire.SNS_XML),
    DYNAMODB_GET_ITEM("dynamodb", "getItem", "GetItem", null, DynamoDb.CONTENT_TYPE,
            Set.of("TableName", "Key", "AttributesToGet", "ConsistentRead", "ExpressionAttributeNames", "ProjectionExpression",
                    "ReturnConsumedCapacity"), Wire.DYNAMODB),
    DYNAMODB_PUT_ITEM("dynamodb", "putItem", "PutItem", null, DynamoDb.CONTENT_TYPE,
            Set.of("TableName", "Item", "ConditionExpression", "ConditionalOperator", "Expected", "ExpressionAttributeNames",
                    "ExpressionAttributeValues", "ReturnConsumedCapacity", "ReturnItemCollectionMetrics", "ReturnValues",
                    "ReturnValuesOnConditionCheckFailure"), Wire.DYNAMODB),
    DYNAMODB_UPDATE_ITEM("dynamodb", "updateItem", "UpdateItem", null, DynamoDb.CONTENT_TYPE,
            Set.of("TableName", "Key", "AttributeUpdates", "ConditionExpression", "ConditionalOperator", "Expected",
                    "ExpressionAttributeNames", "ExpressionAttributeValues", "ReturnConsumedCapacity", "ReturnItemCollectionMetrics",
                    "ReturnValues", "ReturnValuesOnConditionCheckFailure", "UpdateExpression"), Wire.DYNAMODB),
    DYNAMODB_DELETE_ITEM("dynamodb", "deleteItem", "DeleteItem", null, DynamoDb.CONTENT_TYPE,
            Set.of("TableName", "Key", "ConditionExpression", "ConditionalOperator", "Expected", "ExpressionAttributeNames",
                    "ExpressionAttributeValues", "ReturnConsumedCapacity", "ReturnItemCollectionMetrics", "ReturnValues",
                    "ReturnValuesOnConditionCheckFailure"), Wire.DYNAMODB),
    /** connect-batch: SubmitJob, also {@code .sync} (waited on by {@link SyncWaiter}). */
    BATCH_SUBMIT_JOB("batch", "submitJob", "SubmitJob", null, "application/json",
            Set.of("JobName", "JobQueue", "JobDefinition", "ArrayProperties", "ContainerOverrides", "DependsOn", "Parameters",
                    "RetryStrategy", "Timeout", "Tags", "PropagateTags", "SchedulingPriorityOverride", "ShareIdentifier",
                    "EksPropertiesOverride", "EcsPropertiesOverride", "NodeOverrides", "ConsumableResourcePropertiesOverride"), Wire.JSON),
    /** connect-ecs: RunTask, also {@code .sync} and {@code .waitForTaskToken}. */
    ECS_RUN_TASK("ecs", "runTask", "RunTask", null, "application/x-amz-json-1.1",
            Set.of("Cluster", "TaskDefinition", "LaunchType", "Count", "Group", "NetworkConfiguration", "Overrides", "PlacementConstraints",
                    "PlacementStrategy", "PlatformVersion", "PropagateTags", "ReferenceId", "StartedBy", "Tags", "CapacityProviderStrategy",
                    "EnableECSManagedTags", "EnableExecuteCommand", "ClientToken", "VolumeConfigurations"), Wire.JSON);

    private final String service;
    private final String action;
    private final String apiAction;
    private final String textMember;
    private final String contentType;
    private final Set<String> parameters;
    private final Wire wire;

    /** How the service's reply looked on the wire, for the headers Step Functions shows. */
    private enum Wire { JSON, SNS_XML, DYNAMODB }

    OptimizedAction(String service, String action, String apiAction, String textMember, String contentType, Set<String> parameters,
                    Wire wire) {
        this.wire = wire;
        this.service = service;
        this.action = action;
        this.apiAction = apiAction;
        this.textMember = textMember;
        this.contentType = contentType;
        this.parameters = parameters;
    }

    /** The optimized action a resource names, or null. */
    public static OptimizedAction of(ServiceResource r) {
        if (r.sdk()) return null;
        for (OptimizedAction a : values()) if (a.service.equals(r.service()) && a.action.equals(r.action())) return a;
        return null;
    }

    public String apiAction() { return apiAction; }

    /** A parameter the integration does not support, or null. */
    public String unsupported(ObjectNode params) {
        for (var it = params.fieldNames(); it.hasNext(); ) {
            String name = it.next();
            if (!parameters.contains(name)) return name;
        }
        return null;
    }

    /**
     * The API's parameters: nulls dropped as the SDK drops them, and the body or message, when it
     * is JSON other than a string, written as JSON text (AWS does so: a MessageBody object arrives
     * in the queue as its JSON).
     */
    public ObjectNode request(ObjectNode params) {
        ObjectNode out = Json.NODES.objectNode();
        params.properties().forEach(e -> {
            if (e.getValue().isNull()) return;
            boolean asText = textMember != null && e.getKey().equals(textMember) && !e.getValue().isTextual();
            out.set(e.getKey(), asText ? Json.NODES.textNode(Json.write(e.getValue())) : e.getValue());
        });
        return out;
    }

    /** The Task's result: the reply's members and the SDK metadata, sorted as AWS sorts them. */
    public ObjectNode output(JsonNode reply, String requestId, String date) {
        ObjectNode members = reply instanceof ObjectNode o ? o : Json.NODES.objectNode();
        ObjectNode withMetadata = members.deepCopy();
        SdkMetadata.addExactly(withMetadata, 200, requestId, wireHeaders(members, requestId, date));
        TreeMap<String, JsonNode> sorted = new TreeMap<>();
        withMetadata.properties().forEach(e -> sorted.put(e.getKey(), e.getValue()));
        ObjectNode out = Json.NODES.objectNode();
        sorted.forEach(out::set);
        return out;
    }

    /** The reply's headers in the order the service's wire had them. */
    private Map<String, String> wireHeaders(ObjectNode reply, String requestId, String date) {
        if (wire == Wire.DYNAMODB) return DynamoDb.headers(reply, requestId, date);
        int length = wire == Wire.SNS_XML ? SnsReplyDocument.length(apiAction, reply, requestId)
                : Json.write(reply).getBytes(StandardCharsets.UTF_8).length;
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("x-amzn-RequestId", requestId);
        headers.put("connection", "keep-alive");
        headers.put("Content-Length", Integer.toString(length));
        headers.put("Date", date);
        headers.put("Content-Type", contentType);
        return headers;
    }

    /** DynamoDB's reply: compact JSON, with the CRC32 of its bytes that the SDKs check. */
    static final class DynamoDb {
        static final String CONTENT_TYPE = "application/x-amz-json-1.0";

        private DynamoDb() {}

        static Map<String, String> headers(ObjectNode reply, String requestId, String date) {
            byte[] body = Json.write(reply).getBytes(StandardCharsets.UTF_8);
            java.util.zip.CRC32 crc = new java.util.zip.CRC32();
            crc.update(body);
            Map<String, String> headers = new LinkedHashMap<>();
            headers.put("Server", "Server");
            headers.put("Connection", "keep-alive");
            headers.put("x-amzn-RequestId", requestId);
            headers.put("x-amz-crc32", Long.toString(crc.getValue()));
            headers.put("Content-Length", Integer.toString(body.length));
            headers.put("Date", date);
            headers.put("Content-Type", CONTENT_TYPE);
            return headers;
        }
    }

    /** SNS's query-protocol reply document, laid out as AWS writes it (two-space indents, a line each). */
    static final class SnsReplyDocument {
        private SnsReplyDocument() {}

        static int length(String action, ObjectNode reply, String requestId) {
            StringBuilder b = new StringBuilder(320).append('<').append(action)
                    .append("Response xmlns=\"http://sns.amazonaws.com/doc/2010-03-31/\">\n  <").append(action).append("Result>\n");
            reply.properties().forEach(e -> {
                b.append("    <").append(e.getKey()).append('>');
                Xml.escape(e.getValue().asText(), b);
                b.append("</").append(e.getKey()).append(">\n");
            });
            b.append("  </").append(action).append("Result>\n  <ResponseMetadata>\n    <RequestId>").append(requestId)
                    .append("</RequestId>\n  </ResponseMetadata>\n</").append(action).append("Response>\n");
            return b.toString().getBytes(StandardCharsets.UTF_8).length;
        }
    }
}
