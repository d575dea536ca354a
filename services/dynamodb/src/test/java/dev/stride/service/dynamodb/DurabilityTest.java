package dev.stride.service.dynamodb;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class DurabilityTest {
    private final MapRecordStore store = new MapRecordStore();
    private final Dynamo db = new Dynamo(store, new AtomicLong(1_700_000_000_000L));

    @AfterEach
    void close() { db.close(); }

    @Test
    void aRestartedServiceSeesTablesItemsIndexesAndSettings() {
        db.call("CreateTable", "{'TableName':'orders','BillingMode':'PAY_PER_REQUEST','AttributeDefinitions':[{'AttributeName':'pk','AttributeType':'S'},"
                + "{'AttributeName':'sk','AttributeType':'N'},{'AttributeName':'g','AttributeType':'S'}],'KeySchema':[{'AttributeName':'pk','KeyType':'HASH'},"
                + "{'AttributeName':'sk','KeyType':'RANGE'}],'GlobalSecondaryIndexes':[{'IndexName':'byG','KeySchema':[{'AttributeName':'g','KeyType':'HASH'}],"
                + "'Projection':{'ProjectionType':'ALL'}}],'Tags':[{'Key':'team','Value':'x'}]}");
        db.call("UpdateTimeToLive", "{'TableName':'orders','TimeToLiveSpecification':{'Enabled':true,'AttributeName':'ttl'}}");
        for (int i = 0; i < 5; i++) db.put("orders", "{'pk':{'S':'a'},'sk':{'N':'" + i + "'},'g':{'S':'g" + (i % 2) + "'}}");
        db.call("DeleteItem", "{'TableName':'orders','Key':{'pk':{'S':'a'},'sk':{'N':'4'}}}");
        db.call("UpdateItem", "{'TableName':'orders','Key':{'pk':{'S':'a'},'sk':{'N':'0'}},'UpdateExpression':'SET v = :v','ExpressionAttributeValues':{':v':{'N':'7'}}}");
        db.call("TransactWriteItems", "{'TransactItems':[{'Put':{'TableName':'orders','Item':{'pk':{'S':'b'},'sk':{'N':'1'}}}}]}");

        db.restart();

        JsonNode t = db.call("DescribeTable", "{'TableName':'orders'}").get("Table");
        assertThat(t.get("ItemCount").asInt()).isEqualTo(5);
        assertThat(t.get("GlobalSecondaryIndexes").get(0).get("ItemCount").asInt()).isEqualTo(4);
        assertThat(db.get("orders", "{'pk':{'S':'a'},'sk':{'N':'0'}}").get("v").get("N").asText()).isEqualTo("7");
        assertThat(db.get("orders", "{'pk':{'S':'a'},'sk':{'N':'4'}}")).isNull();
        assertThat(db.call("Query", "{'TableName':'orders','IndexName':'byG','KeyConditionExpression':'g = :g','ExpressionAttributeValues':{':g':{'S':'g0'}}}")
                .get("Count").asInt()).isEqualTo(2);
        assertThat(db.call("DescribeTimeToLive", "{'TableName':'orders'}").get("TimeToLiveDescription").get("AttributeName").asText()).isEqualTo("ttl");
        assertThat(db.call("ListTagsOfResource", "{'ResourceArn':'" + t.get("TableArn").asText() + "'}").get("Tags")).hasSize(1);
    }

    @Test
    void aDeletedTableStaysDeletedWithItsItems() {
        db.table("gone", null);
        db.put("gone", "{'pk':{'S':'a'}}");
        db.call("DeleteTable", "{'TableName':'gone'}");
        assertThat(store.size("dynamodb.items")).isZero();
        db.restart();
        assertThat(db.call("ListTables", "{}").get("TableNames")).isEmpty();
    }

    @Test
    void anIdempotencyKeyAppliesAWriteOnceEvenAcrossARestart() {
        db.table("counter", null);
        String add = "{'TableName':'counter','Key':{'pk':{'S':'c'}},'UpdateExpression':'ADD n :one','ExpressionAttributeValues':{':one':{'N':'1'}},'ReturnValues':'ALL_NEW'}";
        JsonNode first = db.call("UpdateItem", add, "task-token-1");
        JsonNode again = db.call("UpdateItem", add, "task-token-1");
        assertThat(again).isEqualTo(first);
        db.restart();
        JsonNode afterRestart = db.call("UpdateItem", add, "task-token-1");
        assertThat(afterRestart).isEqualTo(first);
        assertThat(db.get("counter", "{'pk':{'S':'c'}}").get("n").get("N").asText()).isEqualTo("1");
        db.call("UpdateItem", add, "task-token-2");
        assertThat(db.get("counter", "{'pk':{'S':'c'}}").get("n").get("N").asText()).isEqualTo("2");
    }

    @Test
    void concurrentWritesToOneItemReachTheStoreInTheirOrder() throws Exception {
        db.table("race", null);
        Thread[] threads = new Thread[8];
        for (int t = 0; t < threads.length; t++) {
            threads[t] = Thread.ofPlatform().start(() -> {
                for (int i = 0; i < 200; i++) {
                    db.call("UpdateItem", "{'TableName':'race','Key':{'pk':{'S':'x'}},'UpdateExpression':'ADD n :one','ExpressionAttributeValues':{':one':{'N':'1'}}}");
                }
            });
        }
        for (Thread t : threads) t.join();
        db.restart();
        assertThat(db.get("race", "{'pk':{'S':'x'}}").get("n").get("N").asText()).isEqualTo("1600");
        assertThat(store.commits.get()).isLessThan(1600 + 10);
    }
}
