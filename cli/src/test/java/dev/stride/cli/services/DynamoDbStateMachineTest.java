package dev.stride.cli.services;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.stride.cli.ServerProcess;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.sfn.SfnClient;
import software.amazon.awssdk.services.sfn.model.DescribeExecutionResponse;
import software.amazon.awssdk.services.sfn.model.ExecutionStatus;

/**
 * State machines whose Task states read and write a local DynamoDB table on the same server,
 * checked with the user's own SDK client: the items are really there, and failures carry the
 * error names Retry and Catch match.
 */
class DynamoDbStateMachineTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String ROLE = "arn:aws:iam::123456789012:role/r";
    @TempDir
    static Path data;
    static ServerProcess server;
    static DynamoDbClient ddb;
    static SfnClient sfn;

    @BeforeAll
    static void start() throws Exception {
        server = ServerProcess.start(data);
        ddb = DynamoDbClient.builder().endpointOverride(server.endpoint()).region(Region.US_EAST_1)
                .credentialsProvider(ServerProcess.CREDENTIALS).httpClientBuilder(ApacheHttpClient.builder()).build();
        sfn = Clients.sfn(server);
        ddb.createTable(b -> b.tableName("orders").billingMode("PAY_PER_REQUEST")
                .attributeDefinitions(a -> a.attributeName("id").attributeType(ScalarAttributeType.S))
                .keySchema(k -> k.attributeName("id").keyType(KeyType.HASH)));
    }

    @AfterAll
    static void stop() throws Exception {
        ddb.close();
        sfn.close();
        server.close();
    }

    static DescribeExecutionResponse run(String name, String definition, String input) throws InterruptedException {
        String sm = sfn.createStateMachine(b -> b.name(name).definition(definition).roleArn(ROLE)).stateMachineArn();
        String exec = sfn.startExecution(b -> b.stateMachineArn(sm).input(input)).executionArn();
        DescribeExecutionResponse d = sfn.describeExecution(b -> b.executionArn(exec));
        for (int i = 0; i < 200 && d.status() == ExecutionStatus.RUNNING; i++) {
            Thread.sleep(50);
            d = sfn.describeExecution(b -> b.executionArn(exec));
        }
        return d;
    }

    @Test
    void putUpdateAndGetItemTasksWriteTheTableAndReturnAwsOutput() throws Exception {
        String def = """
            {"StartAt":"Put","States":{
              "Put":{"Type":"Task","Resource":"arn:aws:states:::dynamodb:putItem",
                "Parameters":{"TableName":"orders","Item":{"id":{"S.$":"$.id"},"status":{"S":"new"},"total":{"N":"10"}}},
                "ResultPath":"$.put","Next":"Update"},
              "Update":{"Type":"Task","Resource":"arn:aws:states:::dynamodb:updateItem",
                "Parameters":{"TableName":"orders","Key":{"id":{"S.$":"$.id"}},
                  "UpdateExpression":"SET #s = :s ADD #t :n","ExpressionAttributeNames":{"#s":"status","#t":"total"},
                  "ExpressionAttributeValues":{":s":{"S":"paid"},":n":{"N":"5"}},"ReturnValues":"ALL_NEW"},
                "ResultPath":"$.update","Next":"Get"},
              "Get":{"Type":"Task","Resource":"arn:aws:states:::dynamodb:getItem",
                "Parameters":{"TableName":"orders","Key":{"id":{"S.$":"$.id"}}},"ResultSelector":{"item.$":"$.Item"},
                "ResultPath":"$.get","End":true}}}""";
        DescribeExecutionResponse d = run("put-update-get", def, "{\"id\":\"o-1\"}");
        assertThat(d.status()).as(d.error() + ": " + d.cause()).isEqualTo(ExecutionStatus.SUCCEEDED);
        JsonNode out = JSON.readTree(d.output());
        JsonNode put = out.path("put");
        assertThat(put.path("SdkHttpMetadata").path("HttpStatusCode").asInt()).isEqualTo(200);
        assertThat(put.path("SdkHttpMetadata").path("HttpHeaders").path("Content-Length").asText()).isEqualTo("2");
        assertThat(put.path("SdkResponseMetadata").path("RequestId").asText()).isNotBlank();
        assertThat(out.path("update").path("Attributes").path("status").path("S").asText()).isEqualTo("paid");
        assertThat(out.path("get").path("item").path("total").path("N").asText()).isEqualTo("15");

        Map<String, AttributeValue> stored = ddb.getItem(b -> b.tableName("orders").key(Map.of("id", AttributeValue.fromS("o-1")))).item();
        assertThat(stored.get("status").s()).isEqualTo("paid");
        assertThat(stored.get("total").n()).isEqualTo("15");
    }

    @Test
    void aFailedConditionIsCaughtByItsOptimizedAndSdkErrorNames() throws Exception {
        ddb.putItem(b -> b.tableName("orders").item(Map.of("id", AttributeValue.fromS("taken"))));
        String def = """
            {"StartAt":"PutOnce","States":{
              "PutOnce":{"Type":"Task","Resource":"arn:aws:states:::dynamodb:putItem",
                "Parameters":{"TableName":"orders","Item":{"id":{"S":"taken"}},"ConditionExpression":"attribute_not_exists(id)"},
                "Catch":[{"ErrorEquals":["DynamoDB.ConditionalCheckFailedException"],"ResultPath":"$.optimized","Next":"SdkPutOnce"}],
                "End":true},
              "SdkPutOnce":{"Type":"Task","Resource":"arn:aws:states:::aws-sdk:dynamodb:putItem",
                "Parameters":{"TableName":"orders","Item":{"id":{"S":"taken"}},"ConditionExpression":"attribute_not_exists(id)"},
                "Catch":[{"ErrorEquals":["DynamoDb.ConditionalCheckFailedException"],"ResultPath":"$.sdk","Next":"Done"}],
                "End":true},
              "Done":{"Type":"Succeed"}}}""";
        DescribeExecutionResponse d = run("put-once", def, "{}");
        assertThat(d.status()).as(d.error() + ": " + d.cause()).isEqualTo(ExecutionStatus.SUCCEEDED);
        JsonNode out = JSON.readTree(d.output());
        assertThat(out.path("optimized").path("Error").asText()).isEqualTo("DynamoDB.ConditionalCheckFailedException");
        assertThat(out.path("optimized").path("Cause").asText())
                .startsWith("The conditional request failed (Service: AmazonDynamoDBv2; Status Code: 400; Error Code: ConditionalCheckFailedException;");
        assertThat(out.path("sdk").path("Error").asText()).isEqualTo("DynamoDb.ConditionalCheckFailedException");
    }

    @Test
    void aQueryThroughTheSdkIntegrationReturnsTheItemsInKeyOrder() throws Exception {
        ddb.createTable(b -> b.tableName("events").billingMode("PAY_PER_REQUEST")
                .attributeDefinitions(a -> a.attributeName("pk").attributeType(ScalarAttributeType.S),
                        a -> a.attributeName("n").attributeType(ScalarAttributeType.N))
                .keySchema(k -> k.attributeName("pk").keyType(KeyType.HASH), k -> k.attributeName("n").keyType(KeyType.RANGE)));
        for (String n : new String[] {"10", "9", "-1", "2.5"}) {
            ddb.putItem(b -> b.tableName("events").item(Map.of("pk", AttributeValue.fromS("a"), "n", AttributeValue.fromN(n))));
        }
        String def = """
            {"StartAt":"Query","States":{"Query":{"Type":"Task","Resource":"arn:aws:states:::aws-sdk:dynamodb:query",
              "Parameters":{"TableName":"events","KeyConditionExpression":"pk = :p AND n > :min",
                "ExpressionAttributeValues":{":p":{"S":"a"},":min":{"N":"0"}}},"End":true}}}""";
        DescribeExecutionResponse d = run("query", def, "{}");
        assertThat(d.status()).as(d.error() + ": " + d.cause()).isEqualTo(ExecutionStatus.SUCCEEDED);
        JsonNode out = JSON.readTree(d.output());
        assertThat(out.path("Count").asInt()).isEqualTo(3);
        assertThat(out.path("Items").findValues("N").stream().map(JsonNode::asText)).containsExactly("2.5", "9", "10");
    }

    @Test
    void aMissingTableFailsTheTaskWithAwsErrorAndCause() throws Exception {
        String def = """
            {"StartAt":"Get","States":{"Get":{"Type":"Task","Resource":"arn:aws:states:::dynamodb:getItem",
              "Parameters":{"TableName":"nope","Key":{"id":{"S":"x"}}},"End":true}}}""";
        DescribeExecutionResponse d = run("missing-table", def, "{}");
        assertThat(d.status()).isEqualTo(ExecutionStatus.FAILED);
        assertThat(d.error()).isEqualTo("DynamoDB.ResourceNotFoundException");
        assertThat(d.cause()).startsWith("Requested resource not found (Service: AmazonDynamoDBv2; Status Code: 400;");
    }
}
