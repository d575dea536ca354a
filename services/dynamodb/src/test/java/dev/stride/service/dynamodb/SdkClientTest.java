package dev.stride.service.dynamodb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import dev.stride.engine.spi.RecordStore;
import dev.stride.service.ServiceRequest;
import dev.stride.service.ServiceResponse;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;
import software.amazon.awssdk.services.dynamodb.model.ReturnValuesOnConditionCheckFailure;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

/** The AWS SDK for Java v2 against the service over HTTP: it must read our replies, errors and their members as AWS's. */
class SdkClientTest {
    private static DynamoDbService service;
    private static HttpServer server;
    private static DynamoDbClient client;

    @BeforeAll
    static void start() throws IOException {
        service = new DynamoDbService(RecordStore.NONE, System::currentTimeMillis);
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", exchange -> {
            byte[] body = exchange.getRequestBody().readAllBytes();
            ServiceResponse r = service.serve(new ServiceRequest(exchange.getRequestMethod(), "/", null,
                    Map.copyOf(exchange.getRequestHeaders()), body, "us-east-1", "123456789012", "http://127.0.0.1"));
            exchange.getResponseHeaders().add("Content-Type", r.contentType());
            r.headers().forEach((k, v) -> exchange.getResponseHeaders().add(k, v));
            exchange.sendResponseHeaders(r.status(), r.body().length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(r.body());
            }
        });
        server.start();
        client = DynamoDbClient.builder().region(Region.US_EAST_1)
                .endpointOverride(URI.create("http://127.0.0.1:" + server.getAddress().getPort()))
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test")))
                .httpClient(UrlConnectionHttpClient.create()).build();
        client.createTable(b -> b.tableName("sdk").billingMode(BillingMode.PAY_PER_REQUEST)
                .attributeDefinitions(d -> d.attributeName("pk").attributeType(ScalarAttributeType.S),
                        d -> d.attributeName("sk").attributeType(ScalarAttributeType.N))
                .keySchema(k -> k.attributeName("pk").keyType(KeyType.HASH), k -> k.attributeName("sk").keyType(KeyType.RANGE)));
    }

    @AfterAll
    static void stop() {
        client.close();
        server.stop(0);
        service.close();
    }

    private static Map<String, AttributeValue> item(String pk, int sk) {
        return Map.of("pk", AttributeValue.fromS(pk), "sk", AttributeValue.fromN(Integer.toString(sk)), "v", AttributeValue.fromS("v" + sk));
    }

    @Test
    void theTableExistsWaiterReturnsAtOnce() {
        assertThat(client.waiter().waitUntilTableExists(b -> b.tableName("sdk")).matched().response()).isPresent();
    }

    @Test
    void itemsRoundTripAndQueryPagesThroughThePaginator() {
        for (int i = 0; i < 25; i++) {
            Map<String, AttributeValue> it = item("q", i);
            client.putItem(b -> b.tableName("sdk").item(it));
        }
        assertThat(client.getItem(b -> b.tableName("sdk").key(Map.of("pk", AttributeValue.fromS("q"), "sk", AttributeValue.fromN("3")))).item().get("v").s())
                .isEqualTo("v3");
        long count = client.queryPaginator(b -> b.tableName("sdk").keyConditionExpression("pk = :p").limit(4)
                .expressionAttributeValues(Map.of(":p", AttributeValue.fromS("q")))).items().stream().count();
        assertThat(count).isEqualTo(25);
    }

    @Test
    void errorsBecomeTheModelledExceptionsWithTheirMembers() {
        assertThatThrownBy(() -> client.describeTable(b -> b.tableName("missing"))).isInstanceOf(ResourceNotFoundException.class)
                .hasMessageContaining("Requested resource not found: Table: missing not found");
        client.putItem(b -> b.tableName("sdk").item(item("c", 1)));
        assertThatThrownBy(() -> client.putItem(b -> b.tableName("sdk").item(item("c", 1)).conditionExpression("attribute_not_exists(pk)")
                .returnValuesOnConditionCheckFailure(ReturnValuesOnConditionCheckFailure.ALL_OLD)))
                .isInstanceOfSatisfying(ConditionalCheckFailedException.class, e -> {
                    assertThat(e.awsErrorDetails().errorMessage()).isEqualTo("The conditional request failed");
                    assertThat(e.item().get("v").s()).isEqualTo("v1");
                });
    }

    @Test
    void aCancelledTransactionCarriesItsReasons() {
        client.putItem(b -> b.tableName("sdk").item(item("t", 1)));
        assertThatThrownBy(() -> client.transactWriteItems(b -> b.transactItems(
                t -> t.conditionCheck(c -> c.tableName("sdk").key(Map.of("pk", AttributeValue.fromS("t"), "sk", AttributeValue.fromN("1")))
                        .conditionExpression("attribute_not_exists(pk)")),
                t -> t.put(p -> p.tableName("sdk").item(item("t", 2))))))
                .isInstanceOfSatisfying(TransactionCanceledException.class, e -> {
                    assertThat(e.awsErrorDetails().errorMessage())
                            .isEqualTo("Transaction cancelled, please refer cancellation reasons for specific reasons [ConditionalCheckFailed, None]");
                    assertThat(e.cancellationReasons()).extracting(r -> r.code()).containsExactly("ConditionalCheckFailed", "None");
                });
    }

    @Test
    void batchesAndScansWork() {
        client.batchWriteItem(b -> b.requestItems(Map.of("sdk", List.of(
                software.amazon.awssdk.services.dynamodb.model.WriteRequest.builder().putRequest(p -> p.item(item("b", 1))).build(),
                software.amazon.awssdk.services.dynamodb.model.WriteRequest.builder().putRequest(p -> p.item(item("b", 2))).build()))));
        assertThat(client.scanPaginator(b -> b.tableName("sdk").limit(3)).items().stream().filter(i -> i.get("pk").s().equals("b")).count()).isEqualTo(2);
    }
}
