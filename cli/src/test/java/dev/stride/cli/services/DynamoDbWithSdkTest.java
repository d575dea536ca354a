package dev.stride.cli.services;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.stride.cli.ServerProcess;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.core.waiters.WaiterResponse;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbEnhancedClient;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbTable;
import software.amazon.awssdk.enhanced.dynamodb.Expression;
import software.amazon.awssdk.enhanced.dynamodb.extensions.annotations.DynamoDbVersionAttribute;
import software.amazon.awssdk.enhanced.dynamodb.Key;
import software.amazon.awssdk.enhanced.dynamodb.TableSchema;
import software.amazon.awssdk.enhanced.dynamodb.mapper.annotations.DynamoDbBean;
import software.amazon.awssdk.enhanced.dynamodb.mapper.annotations.DynamoDbPartitionKey;
import software.amazon.awssdk.enhanced.dynamodb.mapper.annotations.DynamoDbSecondaryPartitionKey;
import software.amazon.awssdk.enhanced.dynamodb.mapper.annotations.DynamoDbSortKey;
import software.amazon.awssdk.enhanced.dynamodb.model.QueryConditional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.CancellationReason;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.DescribeTableResponse;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.KeysAndAttributes;
import software.amazon.awssdk.services.dynamodb.model.ProjectionType;
import software.amazon.awssdk.services.dynamodb.model.PutRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;
import software.amazon.awssdk.services.dynamodb.model.ReturnConsumedCapacity;
import software.amazon.awssdk.services.dynamodb.model.ReturnValue;
import software.amazon.awssdk.services.dynamodb.model.ReturnValuesOnConditionCheckFailure;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.ScanResponse;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;
import software.amazon.awssdk.services.dynamodb.model.TableStatus;
import software.amazon.awssdk.services.dynamodb.model.Tag;
import software.amazon.awssdk.services.dynamodb.model.TimeToLiveStatus;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

/**
 * The AWS SDK for Java v2 DynamoDB client, plain and enhanced, against a real {@code stride
 * server}: what an application does with a table and what it reads back, including the errors it
 * catches and its data after the server is killed and started again.
 */
class DynamoDbWithSdkTest {
    private static final Duration SWEEP_BOUND = Duration.ofSeconds(12); // the TTL sweeper runs every 5 s
    @TempDir
    static Path data;
    static ServerProcess server;
    static DynamoDbClient ddb;

    @BeforeAll
    static void start() throws Exception {
        server = ServerProcess.start(data);
        ddb = DynamoDbClients.dynamoDb(server);
    }

    @AfterAll
    static void stop() throws Exception {
        if (ddb != null) ddb.close();
        if (server != null) server.close();
    }

    @Test
    void aTableWithAGlobalAndALocalIndexIsWaitedForQueriedByEachIndexTaggedAndDeleted() {
        ddb.createTable(b -> b.tableName("lifecycle").billingMode(BillingMode.PAY_PER_REQUEST)
                .attributeDefinitions(attr("customer", ScalarAttributeType.S), attr("placed", ScalarAttributeType.S),
                        attr("status", ScalarAttributeType.S), attr("total", ScalarAttributeType.N))
                .keySchema(key("customer", KeyType.HASH), key("placed", KeyType.RANGE))
                .globalSecondaryIndexes(g -> g.indexName("by-status").keySchema(key("status", KeyType.HASH), key("placed", KeyType.RANGE))
                        .projection(p -> p.projectionType(ProjectionType.KEYS_ONLY)))
                .localSecondaryIndexes(l -> l.indexName("by-total").keySchema(key("customer", KeyType.HASH), key("total", KeyType.RANGE))
                        .projection(p -> p.projectionType(ProjectionType.ALL)))
                .tags(Tag.builder().key("team").value("orders").build()));
        WaiterResponse<DescribeTableResponse> waited = ddb.waiter().waitUntilTableExists(b -> b.tableName("lifecycle"));
        TableDescription table = waited.matched().response().orElseThrow().table();
        assertThat(table.tableStatus()).isEqualTo(TableStatus.ACTIVE);
        assertThat(table.tableArn()).isEqualTo("arn:aws:dynamodb:us-east-1:123456789012:table/lifecycle");
        assertThat(table.keySchema()).containsExactly(key("customer", KeyType.HASH), key("placed", KeyType.RANGE));
        assertThat(table.globalSecondaryIndexes()).singleElement().satisfies(g -> {
            assertThat(g.indexName()).isEqualTo("by-status");
            assertThat(g.indexStatusAsString()).isEqualTo("ACTIVE");
            assertThat(g.projection().projectionType()).isEqualTo(ProjectionType.KEYS_ONLY);
        });
        assertThat(table.localSecondaryIndexes()).singleElement().satisfies(l -> assertThat(l.indexName()).isEqualTo("by-total"));
        assertThat(ddb.listTables().tableNames()).contains("lifecycle");

        put("lifecycle", Map.of("customer", s("ann"), "placed", s("2024-01-01"), "status", s("paid"), "total", n("30"), "note", s("a")));
        put("lifecycle", Map.of("customer", s("ann"), "placed", s("2024-02-01"), "status", s("new"), "total", n("5")));
        put("lifecycle", Map.of("customer", s("ann"), "placed", s("2024-03-01"), "status", s("paid"), "total", n("12.5")));
        put("lifecycle", Map.of("customer", s("bob"), "placed", s("2024-01-15"), "status", s("paid"), "total", n("7")));
        put("lifecycle", Map.of("customer", s("cy"), "placed", s("2024-01-20"))); // no status: not in by-status

        QueryResponse paid = ddb.query(b -> b.tableName("lifecycle").indexName("by-status").keyConditionExpression("#s = :s")
                .expressionAttributeNames(Map.of("#s", "status")).expressionAttributeValues(Map.of(":s", s("paid"))));
        assertThat(paid.items()).extracting(i -> i.get("placed").s()).containsExactly("2024-01-01", "2024-01-15", "2024-03-01");
        assertThat(paid.items().get(0)).containsOnlyKeys("customer", "placed", "status"); // KEYS_ONLY
        QueryResponse byTotal = ddb.query(b -> b.tableName("lifecycle").indexName("by-total")
                .keyConditionExpression("customer = :c AND #t > :t").expressionAttributeNames(Map.of("#t", "total")) // TOTAL is reserved
                .expressionAttributeValues(Map.of(":c", s("ann"), ":t", n("6"))));
        assertThat(byTotal.items()).extracting(i -> i.get("total").n()).containsExactly("12.5", "30"); // numeric order
        assertThat(byTotal.items().get(1).get("note").s()).isEqualTo("a");

        String arn = table.tableArn();
        ddb.tagResource(b -> b.resourceArn(arn).tags(Tag.builder().key("env").value("test").build()));
        ddb.untagResource(b -> b.resourceArn(arn).tagKeys("team"));
        assertThat(ddb.listTagsOfResource(b -> b.resourceArn(arn)).tags()).containsExactly(Tag.builder().key("env").value("test").build());

        ddb.deleteTable(b -> b.tableName("lifecycle"));
        ddb.waiter().waitUntilTableNotExists(b -> b.tableName("lifecycle"));
        assertThat(ddb.listTables().tableNames()).doesNotContain("lifecycle");
        ResourceNotFoundException gone = catchThrowableOfType(ResourceNotFoundException.class,
                () -> ddb.describeTable(b -> b.tableName("lifecycle")));
        assertThat(gone.awsErrorDetails().errorMessage()).isEqualTo("Requested resource not found: Table: lifecycle not found");
    }

    @Test
    void failedConditionsThrowConditionalCheckFailedWithTheItemWhenAskedAndChangeNothing() {
        hashTable("accounts", "id");
        Map<String, AttributeValue> ann = Map.of("id", s("a-1"), "owner", s("ann"), "balance", n("100"));
        put("accounts", ann);

        ConditionalCheckFailedException taken = catchThrowableOfType(ConditionalCheckFailedException.class,
                () -> ddb.putItem(b -> b.tableName("accounts").item(Map.of("id", s("a-1"), "owner", s("eve")))
                        .conditionExpression("attribute_not_exists(id)")
                        .returnValuesOnConditionCheckFailure(ReturnValuesOnConditionCheckFailure.ALL_OLD)));
        assertThat(taken.statusCode()).isEqualTo(400);
        assertThat(taken.awsErrorDetails().errorCode()).isEqualTo("ConditionalCheckFailedException");
        assertThat(taken.awsErrorDetails().errorMessage()).isEqualTo("The conditional request failed");
        assertThat(taken.item()).isEqualTo(ann);

        ConditionalCheckFailedException overdrawn = catchThrowableOfType(ConditionalCheckFailedException.class,
                () -> withdraw("a-1", "150"));
        assertThat(overdrawn.hasItem()).isFalse(); // not asked for
        assertThat(withdraw("a-1", "30")).isEqualTo(Map.of("balance", n("70")));

        assertThatThrownBy(() -> ddb.deleteItem(b -> b.tableName("accounts").key(Map.of("id", s("a-1")))
                .conditionExpression("#o = :o").expressionAttributeNames(Map.of("#o", "owner"))
                .expressionAttributeValues(Map.of(":o", s("bob"))))).isInstanceOf(ConditionalCheckFailedException.class);
        assertThat(get("accounts", Map.of("id", s("a-1")))).containsEntry("owner", s("ann")).containsEntry("balance", n("70"));

        Map<String, AttributeValue> deleted = ddb.deleteItem(b -> b.tableName("accounts").key(Map.of("id", s("a-1")))
                .conditionExpression("#o = :o").expressionAttributeNames(Map.of("#o", "owner"))
                .expressionAttributeValues(Map.of(":o", s("ann"))).returnValues(ReturnValue.ALL_OLD)).attributes();
        assertThat(deleted).containsEntry("balance", n("70"));
        assertThat(ddb.getItem(b -> b.tableName("accounts").key(Map.of("id", s("a-1")))).hasItem()).isFalse();
    }

    @Test
    void queryPaginatorsWalkMoreThanAMegabyteOfAPartitionInSortOrderAndOfAGlobalIndexKeySharedByAllItems() {
        ddb.createTable(b -> b.tableName("events").billingMode(BillingMode.PAY_PER_REQUEST)
                .attributeDefinitions(attr("pk", ScalarAttributeType.S), attr("sk", ScalarAttributeType.S), attr("kind", ScalarAttributeType.S))
                .keySchema(key("pk", KeyType.HASH), key("sk", KeyType.RANGE))
                .globalSecondaryIndexes(g -> g.indexName("by-kind").keySchema(key("kind", KeyType.HASH))
                        .projection(p -> p.projectionType(ProjectionType.ALL))));
        String payload = "x".repeat(10_000);
        List<Map<String, AttributeValue>> items = new ArrayList<>();
        for (int i = 0; i < 250; i++) items.add(Map.of("pk", s("big"), "sk", s("e-%04d".formatted(i)), "kind", s("k"), "payload", s(payload)));
        for (int i = 0; i < 3; i++) items.add(Map.of("pk", s("small"), "sk", s("e-%04d".formatted(i))));
        for (int i = 0; i < 60; i++) items.add(Map.of("pk", s("p-" + i), "sk", s("only"), "kind", s("k"), "payload", s(payload)));
        batchPut("events", items);
        List<String> expected = IntStream.range(0, 250).mapToObj(i -> "e-%04d".formatted(i)).toList();

        List<QueryResponse> pages = ddb.queryPaginator(b -> b.tableName("events").keyConditionExpression("pk = :p")
                .expressionAttributeValues(Map.of(":p", s("big")))).stream().toList();
        assertThat(pages).hasSizeGreaterThanOrEqualTo(3); // 2.5 MB in pages of at most 1 MB
        for (QueryResponse page : pages.subList(0, pages.size() - 1)) {
            assertThat(page.count()).isBetween(1, 105);
            assertThat(page.lastEvaluatedKey()).containsOnlyKeys("pk", "sk");
        }
        assertThat(pages.stream().mapToInt(QueryResponse::count).sum()).isEqualTo(250);
        assertThat(pages.stream().flatMap(p -> p.items().stream()).map(i -> i.get("sk").s()).toList()).isEqualTo(expected);

        List<String> backwards = ddb.queryPaginator(b -> b.tableName("events").keyConditionExpression("pk = :p AND sk >= :from")
                        .expressionAttributeValues(Map.of(":p", s("big"), ":from", s("e-0100"))).scanIndexForward(false).limit(40))
                .items().stream().map(i -> i.get("sk").s()).toList();
        assertThat(backwards).isEqualTo(expected.subList(100, 250).reversed());

        List<QueryResponse> indexPages = ddb.queryPaginator(b -> b.tableName("events").indexName("by-kind")
                .keyConditionExpression("kind = :k").expressionAttributeValues(Map.of(":k", s("k")))).stream().toList();
        assertThat(indexPages).hasSizeGreaterThanOrEqualTo(3);
        assertThat(indexPages.get(0).lastEvaluatedKey()).containsOnlyKeys("kind", "pk", "sk");
        List<String> viaIndex = indexPages.stream().flatMap(p -> p.items().stream()).map(i -> i.get("pk").s() + "/" + i.get("sk").s()).toList();
        assertThat(viaIndex).hasSize(310).doesNotHaveDuplicates().noneMatch(k -> k.startsWith("small/"));
    }

    @Test
    void parallelScanSegmentsTogetherReturnEveryItemExactlyOnce() throws Exception {
        hashTable("readings", "id");
        List<Map<String, AttributeValue>> items = new ArrayList<>();
        for (int i = 0; i < 500; i++) items.add(Map.of("id", s("r-" + i), "value", n(String.valueOf(i))));
        batchPut("readings", items);
        int segments = 4;
        ExecutorService pool = Executors.newFixedThreadPool(segments);
        try {
            List<Future<List<String>>> scans = new ArrayList<>();
            for (int seg = 0; seg < segments; seg++) {
                int segment = seg;
                scans.add(pool.submit(() -> ddb.scanPaginator(b -> b.tableName("readings").segment(segment).totalSegments(segments).limit(30))
                        .items().stream().map(i -> i.get("id").s()).toList()));
            }
            List<String> all = new ArrayList<>();
            for (Future<List<String>> scan : scans) {
                List<String> ids = scan.get();
                assertThat(ids).isNotEmpty(); // 500 keys hash into every quarter
                all.addAll(ids);
            }
            assertThat(all).hasSize(500).doesNotHaveDuplicates()
                    .containsExactlyInAnyOrderElementsOf(IntStream.range(0, 500).mapToObj(i -> "r-" + i).toList());
        } finally {
            pool.shutdownNow();
        }
        ScanResponse big = ddb.scan(b -> b.tableName("readings").filterExpression("#v >= :min")
                .expressionAttributeNames(Map.of("#v", "value")).expressionAttributeValues(Map.of(":min", n("490"))));
        assertThat(big.count()).isEqualTo(10);
        assertThat(big.scannedCount()).isEqualTo(500);
    }

    @Test
    void binarySortKeysComeInUnsignedByteOrderAndWritesReportTheirCapacity() {
        ddb.createTable(b -> b.tableName("blobs").billingMode(BillingMode.PAY_PER_REQUEST)
                .attributeDefinitions(attr("pk", ScalarAttributeType.S), attr("sk", ScalarAttributeType.B))
                .keySchema(key("pk", KeyType.HASH), key("sk", KeyType.RANGE)));
        for (int b : new int[] {0xff, 0x01, 0x80, 0x7f, 0x00}) {
            var written = ddb.putItem(r -> r.tableName("blobs").returnConsumedCapacity(ReturnConsumedCapacity.TOTAL)
                    .item(Map.of("pk", s("p"), "sk", AttributeValue.fromB(SdkBytes.fromByteArray(new byte[] {(byte) b, 1})))));
            assertThat(written.consumedCapacity().tableName()).isEqualTo("blobs");
            assertThat(written.consumedCapacity().capacityUnits()).isEqualTo(1.0);
        }
        List<Integer> order = ddb.query(b -> b.tableName("blobs").keyConditionExpression("pk = :p AND sk > :min")
                        .expressionAttributeValues(Map.of(":p", s("p"), ":min", AttributeValue.fromB(SdkBytes.fromByteArray(new byte[] {0x00, 1})))))
                .items().stream().map(i -> i.get("sk").b().asByteArray()[0] & 0xff).toList();
        assertThat(order).containsExactly(0x01, 0x7f, 0x80, 0xff);
    }

    @Test
    void batchWritesPutAndDeleteOverTwoTablesAndBatchGetReturnsWhatIsThere() {
        hashTable("users", "id");
        hashTable("groups", "name");
        List<WriteRequest> users = new ArrayList<>();
        for (int i = 0; i < 20; i++) users.add(putRequest(Map.of("id", s("u" + i), "name", s("user " + i), "age", n("3" + i % 10))));
        List<WriteRequest> groups = new ArrayList<>();
        for (int i = 0; i < 5; i++) groups.add(putRequest(Map.of("name", s("g" + i))));
        var written = ddb.batchWriteItem(b -> b.requestItems(Map.of("users", users, "groups", groups)));
        assertThat(written.unprocessedItems()).isEmpty();

        List<WriteRequest> deletes = IntStream.range(0, 5)
                .mapToObj(i -> WriteRequest.builder().deleteRequest(d -> d.key(Map.of("id", s("u" + i)))).build()).toList();
        assertThat(ddb.batchWriteItem(b -> b.requestItems(Map.of("users", deletes))).unprocessedItems()).isEmpty();

        List<Map<String, AttributeValue>> userKeys = new ArrayList<>();
        for (int i = 0; i < 20; i++) userKeys.add(Map.of("id", s("u" + i)));
        userKeys.add(Map.of("id", s("nobody")));
        var got = ddb.batchGetItem(b -> b.requestItems(Map.of(
                "users", KeysAndAttributes.builder().keys(userKeys)
                        .projectionExpression("id, #n").expressionAttributeNames(Map.of("#n", "name")).build(),
                "groups", KeysAndAttributes.builder()
                        .keys(Map.of("name", s("g0")), Map.of("name", s("g4")), Map.of("name", s("g9"))).build())));
        assertThat(got.unprocessedKeys()).isEmpty();
        assertThat(got.responses().get("users")).hasSize(15).allSatisfy(u -> assertThat(u).containsOnlyKeys("id", "name"))
                .extracting(u -> u.get("id").s()).containsExactlyInAnyOrderElementsOf(IntStream.range(5, 20).mapToObj(i -> "u" + i).toList());
        assertThat(got.responses().get("groups")).extracting(g -> g.get("name").s()).containsExactlyInAnyOrder("g0", "g4");

        DynamoDbException duplicate = catchThrowableOfType(DynamoDbException.class, () -> ddb.batchWriteItem(b -> b.requestItems(Map.of(
                "groups", List.of(putRequest(Map.of("name", s("g7"))), putRequest(Map.of("name", s("g7"))))))));
        assertThat(duplicate.awsErrorDetails().errorCode()).isEqualTo("ValidationException");
        assertThat(duplicate.awsErrorDetails().errorMessage()).isEqualTo("Provided list of item keys contains duplicates");
    }

    @Test
    void aCancelledTransactionWritesNothingAndItsReasonsNameTheFailedAction() {
        hashTable("stock", "sku");
        put("stock", Map.of("sku", s("apple"), "qty", n("1")));
        var ship = TransactWriteItem.builder().put(p -> p.tableName("stock")
                .item(Map.of("sku", s("shipment-1"), "of", s("apple")))).build();
        var takeTwo = TransactWriteItem.builder().update(u -> u.tableName("stock")
                .key(Map.of("sku", s("apple"))).updateExpression("SET qty = qty - :n").conditionExpression("qty >= :n")
                .expressionAttributeValues(Map.of(":n", n("2")))
                .returnValuesOnConditionCheckFailure(ReturnValuesOnConditionCheckFailure.ALL_OLD)).build();

        TransactionCanceledException cancelled = catchThrowableOfType(TransactionCanceledException.class,
                () -> ddb.transactWriteItems(b -> b.transactItems(ship, takeTwo)));
        assertThat(cancelled.awsErrorDetails().errorMessage())
                .isEqualTo("Transaction cancelled, please refer cancellation reasons for specific reasons [None, ConditionalCheckFailed]");
        assertThat(cancelled.cancellationReasons()).extracting(CancellationReason::code).containsExactly("None", "ConditionalCheckFailed");
        assertThat(cancelled.cancellationReasons().get(1).item()).isEqualTo(Map.of("sku", s("apple"), "qty", n("1")));
        assertThat(ddb.getItem(b -> b.tableName("stock").key(Map.of("sku", s("shipment-1")))).hasItem()).isFalse();
        assertThat(get("stock", Map.of("sku", s("apple")))).containsEntry("qty", n("1"));

        var takeOne = takeTwo.toBuilder().update(takeTwo.update().toBuilder().expressionAttributeValues(Map.of(":n", n("1"))).build()).build();
        ddb.transactWriteItems(b -> b.transactItems(ship, takeOne));
        assertThat(get("stock", Map.of("sku", s("shipment-1")))).containsEntry("of", s("apple"));
        assertThat(get("stock", Map.of("sku", s("apple")))).containsEntry("qty", n("0"));
    }

    @Test
    void anItemWhoseTimeToLiveHasPassedIsDeletedWithinSecondsAndOthersStay() throws Exception {
        hashTable("sessions", "id");
        var ttl = ddb.updateTimeToLive(b -> b.tableName("sessions").timeToLiveSpecification(t -> t.attributeName("expires").enabled(true)));
        assertThat(ttl.timeToLiveSpecification().attributeName()).isEqualTo("expires");
        var described = ddb.describeTimeToLive(b -> b.tableName("sessions")).timeToLiveDescription();
        assertThat(described.timeToLiveStatus()).isEqualTo(TimeToLiveStatus.ENABLED);
        assertThat(described.attributeName()).isEqualTo("expires");

        long now = System.currentTimeMillis() / 1000;
        put("sessions", Map.of("id", s("expired"), "expires", n(String.valueOf(now - 60))));
        put("sessions", Map.of("id", s("live"), "expires", n(String.valueOf(now + 3600))));
        put("sessions", Map.of("id", s("forever")));
        put("sessions", Map.of("id", s("not-a-number"), "expires", s(String.valueOf(now - 60))));
        long started = System.nanoTime();
        while (ddb.getItem(b -> b.tableName("sessions").key(Map.of("id", s("expired")))).hasItem()) {
            assertThat(Duration.ofNanos(System.nanoTime() - started)).as("the expired item is swept").isLessThan(SWEEP_BOUND);
            Thread.sleep(100);
        }
        assertThat(ddb.scan(b -> b.tableName("sessions")).items()).extracting(i -> i.get("id").s())
                .containsExactlyInAnyOrder("live", "forever", "not-a-number");
    }

    @Test
    void errorsCarryAwsTypesAndMessages() {
        hashTable("errors", "id");
        ResourceNotFoundException missing = catchThrowableOfType(ResourceNotFoundException.class,
                () -> ddb.getItem(b -> b.tableName("no-such-table").key(Map.of("id", s("x")))));
        assertThat(missing.statusCode()).isEqualTo(400);
        assertThat(missing.awsErrorDetails().errorMessage()).isEqualTo("Requested resource not found");
        assertThatThrownBy(() -> ddb.query(b -> b.tableName("no-such-table").keyConditionExpression("id = :v")
                .expressionAttributeValues(Map.of(":v", s("x"))))).isInstanceOf(ResourceNotFoundException.class);

        assertThat(validation(() -> ddb.updateItem(b -> b.tableName("errors").key(Map.of("id", s("x")))
                .updateExpression("SET = :v").expressionAttributeValues(Map.of(":v", s("y"))))))
                .startsWith("Invalid UpdateExpression: Syntax error; token: \"=\", near: \"SET =");
        assertThat(validation(() -> ddb.putItem(b -> b.tableName("errors").item(Map.of("name", s("no key"))))))
                .isEqualTo("One or more parameter values were invalid: Missing the key id in the item");
        assertThat(validation(() -> ddb.getItem(b -> b.tableName("errors").key(Map.of("other", s("x"))))))
                .isEqualTo("The provided key element does not match the schema");
        assertThat(validation(() -> ddb.putItem(b -> b.tableName("errors").item(Map.of("id", s("huge"), "blob", s("x".repeat(410 * 1024)))))))
                .isEqualTo("Item size has exceeded the maximum allowed size");
        assertThat(ddb.getItem(b -> b.tableName("errors").key(Map.of("id", s("huge")))).hasItem()).isFalse();

        put("errors", Map.of("id", s("large"), "blob", s("x".repeat(399 * 1024)))); // just under 400 KB is fine
        assertThat(get("errors", Map.of("id", s("large"))).get("blob").s()).hasSize(399 * 1024);
    }

    @Test
    void theEnhancedClientCreatesPutsGetsQueriesScansAndRefusesAStaleVersion() {
        DynamoDbEnhancedClient enhanced = DynamoDbEnhancedClient.builder().dynamoDbClient(ddb).build();
        DynamoDbTable<Order> orders = enhanced.table("enhanced-orders", TableSchema.fromBean(Order.class));
        orders.createTable();
        ddb.waiter().waitUntilTableExists(b -> b.tableName("enhanced-orders"));
        TableDescription created = ddb.describeTable(b -> b.tableName("enhanced-orders")).table();
        assertThat(created.keySchema()).containsExactly(key("customer", KeyType.HASH), key("orderId", KeyType.RANGE));
        assertThat(created.globalSecondaryIndexes()).extracting(g -> g.indexName()).containsExactly("by-status");
        for (int i = 1; i <= 5; i++) orders.putItem(Order.of("ann", "o-" + i, i * 10));
        orders.putItem(Order.of("bob", "o-1", 99));

        Order third = orders.getItem(Key.builder().partitionValue("ann").sortValue("o-3").build());
        assertThat(third.getTotal()).isEqualTo(30);
        assertThat(third.getVersion()).isEqualTo(1L);
        assertThat(orders.getItem(Key.builder().partitionValue("ann").sortValue("o-9").build())).isNull();

        List<String> fromThird = orders.query(QueryConditional.sortGreaterThanOrEqualTo(Key.builder().partitionValue("ann").sortValue("o-3").build()))
                .items().stream().map(Order::getOrderId).toList();
        assertThat(fromThird).containsExactly("o-3", "o-4", "o-5");
        List<String> between = orders.query(QueryConditional.sortBetween(Key.builder().partitionValue("ann").sortValue("o-2").build(),
                Key.builder().partitionValue("ann").sortValue("o-4").build())).items().stream().map(Order::getOrderId).toList();
        assertThat(between).containsExactly("o-2", "o-3", "o-4");

        Order mine = orders.getItem(Key.builder().partitionValue("ann").sortValue("o-1").build());
        Order theirs = orders.getItem(Key.builder().partitionValue("ann").sortValue("o-1").build());
        mine.setTotal(11);
        assertThat(orders.updateItem(mine).getVersion()).isEqualTo(2L);
        theirs.setTotal(12);
        assertThatThrownBy(() -> orders.updateItem(theirs)).isInstanceOf(ConditionalCheckFailedException.class);
        assertThatThrownBy(() -> orders.putItem(Order.of("ann", "o-1", 13))).isInstanceOf(ConditionalCheckFailedException.class);
        Order stored = orders.getItem(Key.builder().partitionValue("ann").sortValue("o-1").build());
        assertThat(stored.getTotal()).isEqualTo(11);
        assertThat(stored.getVersion()).isEqualTo(2L);

        assertThat(orders.scan().items().stream().map(o -> o.getCustomer() + "/" + o.getOrderId()).toList())
                .containsExactlyInAnyOrder("ann/o-1", "ann/o-2", "ann/o-3", "ann/o-4", "ann/o-5", "bob/o-1");
        Expression over35 = Expression.builder().expression("#t > :t").expressionNames(Map.of("#t", "total"))
                .expressionValues(Map.of(":t", n("35"))).build();
        assertThat(orders.scan(r -> r.filterExpression(over35)).items().stream().map(Order::getTotal).toList())
                .containsExactlyInAnyOrder(40, 50, 99);

        List<String> paid = orders.index("by-status").query(QueryConditional.keyEqualTo(Key.builder().partitionValue("paid").build()))
                .stream().flatMap(p -> p.items().stream()).map(o -> o.getCustomer() + "/" + o.getOrderId()).toList();
        assertThat(paid).containsExactlyInAnyOrder("ann/o-2", "ann/o-4");

        Order late = Order.of("ann", "o-6", 60);
        TransactionCanceledException cancelled = catchThrowableOfType(TransactionCanceledException.class,
                () -> enhanced.transactWriteItems(t -> t.addPutItem(orders, late).addUpdateItem(orders, theirs)));
        assertThat(cancelled.cancellationReasons()).extracting(CancellationReason::code).containsExactly("None", "ConditionalCheckFailed");
        assertThat(orders.getItem(Key.builder().partitionValue("ann").sortValue("o-6").build())).isNull();

        orders.deleteItem(stored);
        assertThat(orders.getItem(Key.builder().partitionValue("ann").sortValue("o-1").build())).isNull();
    }

    @Test
    void everyTableItemIndexTagAndTimeToLiveIsThereAfterTheServerIsKilledAndRestarted() throws Exception {
        ddb.createTable(b -> b.tableName("kept").billingMode(BillingMode.PAY_PER_REQUEST)
                .attributeDefinitions(attr("pk", ScalarAttributeType.S), attr("sk", ScalarAttributeType.N), attr("kind", ScalarAttributeType.S))
                .keySchema(key("pk", KeyType.HASH), key("sk", KeyType.RANGE))
                .globalSecondaryIndexes(g -> g.indexName("by-kind").keySchema(key("kind", KeyType.HASH))
                        .projection(p -> p.projectionType(ProjectionType.ALL)))
                .tags(Tag.builder().key("owner").value("me").build()));
        ddb.updateTimeToLive(b -> b.tableName("kept").timeToLiveSpecification(t -> t.attributeName("ttl").enabled(true)));
        List<Map<String, AttributeValue>> items = new ArrayList<>();
        for (int i = 0; i < 120; i++) items.add(Map.of("pk", s("p" + i % 7), "sk", n(String.valueOf(i)), "kind", s(i % 3 == 0 ? "odd" : "even")));
        batchPut("kept", items.subList(0, 100));
        for (Map<String, AttributeValue> item : items.subList(100, 120)) put("kept", item);
        ddb.updateItem(b -> b.tableName("kept").key(Map.of("pk", s("p0"), "sk", n("0"))).updateExpression("SET note = :n")
                .expressionAttributeValues(Map.of(":n", s("updated"))));
        ddb.deleteItem(b -> b.tableName("kept").key(Map.of("pk", s("p1"), "sk", n("1"))));
        Map<String, Map<String, AttributeValue>> before = byKey(ddb.scanPaginator(b -> b.tableName("kept")).items());
        assertThat(before).hasSize(119);
        List<String> tables = ddb.listTables().tableNames();
        long soon = System.currentTimeMillis() / 1000 + 2;
        put("kept", Map.of("pk", s("temp"), "sk", n("0"), "ttl", n(String.valueOf(soon))));

        server.restart(); // SIGKILL, then the same data folder

        assertThat(ddb.listTables().tableNames()).isEqualTo(tables);
        Map<String, Map<String, AttributeValue>> after = byKey(ddb.scanPaginator(b -> b.tableName("kept")).items());
        assertThat(after.remove("temp/0")).as("the item that expires in two seconds").isNotNull();
        assertThat(after).isEqualTo(before);
        long restarted = System.nanoTime();
        while (ddb.getItem(b -> b.tableName("kept").key(Map.of("pk", s("temp"), "sk", n("0")))).hasItem()) {
            assertThat(Duration.ofNanos(System.nanoTime() - restarted)).as("swept after the restart").isLessThan(SWEEP_BOUND);
            Thread.sleep(100);
        }
        TableDescription kept = ddb.describeTable(b -> b.tableName("kept")).table();
        assertThat(kept.itemCount()).isEqualTo(119L);
        assertThat(kept.globalSecondaryIndexes()).extracting(g -> g.indexName()).containsExactly("by-kind");
        assertThat(ddb.query(b -> b.tableName("kept").indexName("by-kind").keyConditionExpression("kind = :k")
                .expressionAttributeValues(Map.of(":k", s("odd")))).count()).isEqualTo(40);
        assertThat(get("kept", Map.of("pk", s("p0"), "sk", n("0")))).containsEntry("note", s("updated"));
        assertThat(ddb.describeTimeToLive(b -> b.tableName("kept")).timeToLiveDescription().attributeName()).isEqualTo("ttl");
        assertThat(ddb.listTagsOfResource(b -> b.resourceArn(kept.tableArn())).tags())
                .containsExactly(Tag.builder().key("owner").value("me").build());
        put("kept", Map.of("pk", s("after"), "sk", n("1")));
        assertThat(ddb.describeTable(b -> b.tableName("kept")).table().itemCount()).isEqualTo(120L);
    }

    /** An order as the enhanced client maps it: a bean with a composite key and a version for optimistic locking. */
    @DynamoDbBean
    public static class Order {
        private String customer;
        private String orderId;
        private Integer total;
        private String status;
        private Long version;

        static Order of(String customer, String orderId, int total) {
            Order o = new Order();
            o.customer = customer;
            o.orderId = orderId;
            o.total = total;
            o.status = total % 20 == 0 ? "paid" : "new";
            return o;
        }

        @DynamoDbPartitionKey
        public String getCustomer() { return customer; }

        public void setCustomer(String customer) { this.customer = customer; }

        @DynamoDbSortKey
        public String getOrderId() { return orderId; }

        public void setOrderId(String orderId) { this.orderId = orderId; }

        public Integer getTotal() { return total; }

        public void setTotal(Integer total) { this.total = total; }

        @DynamoDbSecondaryPartitionKey(indexNames = "by-status")
        public String getStatus() { return status; }

        public void setStatus(String status) { this.status = status; }

        @DynamoDbVersionAttribute
        public Long getVersion() { return version; }

        public void setVersion(Long version) { this.version = version; }
    }

    private static Map<String, AttributeValue> withdraw(String id, String amount) {
        return ddb.updateItem(b -> b.tableName("accounts").key(Map.of("id", s(id))).updateExpression("SET balance = balance - :a")
                .conditionExpression("balance >= :a").expressionAttributeValues(Map.of(":a", n(amount)))
                .returnValues(ReturnValue.UPDATED_NEW)).attributes();
    }

    private static String validation(Runnable call) {
        DynamoDbException e = catchThrowableOfType(DynamoDbException.class, call::run);
        assertThat(e).as("a ValidationException").isNotNull();
        assertThat(e.statusCode()).isEqualTo(400);
        assertThat(e.awsErrorDetails().errorCode()).isEqualTo("ValidationException");
        return e.awsErrorDetails().errorMessage();
    }

    private static Map<String, Map<String, AttributeValue>> byKey(Iterable<Map<String, AttributeValue>> items) {
        Map<String, Map<String, AttributeValue>> out = new TreeMap<>();
        for (Map<String, AttributeValue> i : items) out.put(i.get("pk").s() + "/" + i.get("sk").n(), i);
        return out;
    }

    static void hashTable(String name, String hashKey) {
        ddb.createTable(b -> b.tableName(name).billingMode(BillingMode.PAY_PER_REQUEST)
                .attributeDefinitions(attr(hashKey, ScalarAttributeType.S)).keySchema(key(hashKey, KeyType.HASH)));
    }

    private static void put(String table, Map<String, AttributeValue> item) {
        ddb.putItem(b -> b.tableName(table).item(item));
    }

    private static Map<String, AttributeValue> get(String table, Map<String, AttributeValue> key) {
        return ddb.getItem(b -> b.tableName(table).key(key)).item();
    }

    private static void batchPut(String table, List<Map<String, AttributeValue>> items) {
        for (int from = 0; from < items.size(); from += 25) {
            List<WriteRequest> chunk = items.subList(from, Math.min(items.size(), from + 25)).stream().map(DynamoDbWithSdkTest::putRequest).toList();
            assertThat(ddb.batchWriteItem(b -> b.requestItems(Map.of(table, chunk))).unprocessedItems()).isEmpty();
        }
    }

    private static WriteRequest putRequest(Map<String, AttributeValue> item) {
        return WriteRequest.builder().putRequest(PutRequest.builder().item(item).build()).build();
    }

    static AttributeDefinition attr(String name, ScalarAttributeType type) {
        return AttributeDefinition.builder().attributeName(name).attributeType(type).build();
    }

    static KeySchemaElement key(String name, KeyType type) {
        return KeySchemaElement.builder().attributeName(name).keyType(type).build();
    }

    static AttributeValue s(String v) { return AttributeValue.fromS(v); }

    static AttributeValue n(String v) { return AttributeValue.fromN(v); }
}
