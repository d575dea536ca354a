package dev.stride.service.dynamodb;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.stride.service.ServiceException;
import dev.stride.service.ServiceResponse;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class TransactionTest {
    private final Dynamo db = new Dynamo();

    @BeforeEach
    void tables() {
        db.table("accounts", null);
        db.put("accounts", "{'pk':{'S':'alice'},'balance':{'N':'100'}}");
        db.put("accounts", "{'pk':{'S':'bob'},'balance':{'N':'0'}}");
    }

    @AfterEach
    void close() { db.close(); }

    private static String transfer(int amount, String token) {
        return "{" + (token == null ? "" : "'ClientRequestToken':'" + token + "',") + "'TransactItems':["
                + "{'Update':{'TableName':'accounts','Key':{'pk':{'S':'alice'}},'UpdateExpression':'SET balance = balance - :a',"
                + "'ConditionExpression':'balance >= :a','ExpressionAttributeValues':{':a':{'N':'" + amount + "'}},'ReturnValuesOnConditionCheckFailure':'ALL_OLD'}},"
                + "{'Update':{'TableName':'accounts','Key':{'pk':{'S':'bob'}},'UpdateExpression':'SET balance = balance + :a',"
                + "'ExpressionAttributeValues':{':a':{'N':'" + amount + "'}}}}]}";
    }

    private String balance(String who) { return db.get("accounts", "{'pk':{'S':'" + who + "'}}").get("balance").get("N").asText(); }

    @Test
    void aTransactionAppliesAllItsWrites() {
        db.call("TransactWriteItems", transfer(30, null));
        assertThat(balance("alice")).isEqualTo("70");
        assertThat(balance("bob")).isEqualTo("30");
    }

    @Test
    void aFailedConditionCancelsEverythingWithAReasonPerAction() {
        ServiceResponse r = db.serve("TransactWriteItems", transfer(500, null));
        assertThat(r.status()).isEqualTo(400);
        JsonNode b = Dynamo.body(r);
        assertThat(b.get("__type").asText()).isEqualTo("com.amazonaws.dynamodb.v20120810#TransactionCanceledException");
        assertThat(b.get("Message").asText())
                .isEqualTo("Transaction cancelled, please refer cancellation reasons for specific reasons [ConditionalCheckFailed, None]");
        JsonNode reasons = b.get("CancellationReasons");
        assertThat(reasons.get(0).get("Code").asText()).isEqualTo("ConditionalCheckFailed");
        assertThat(reasons.get(0).get("Message").asText()).isEqualTo("The conditional request failed");
        assertThat(reasons.get(0).get("Item").get("balance").get("N").asText()).isEqualTo("100");
        assertThat(reasons.get(1).toString()).isEqualTo("{\"Code\":\"None\"}");
        assertThat(balance("alice")).isEqualTo("100");
        assertThat(balance("bob")).isEqualTo("0");

        ServiceException e = db.error("TransactWriteItems", transfer(500, null));
        assertThat(e.type()).isEqualTo("TransactionCanceledException");
    }

    @Test
    void twoActionsOnOneItemAreRefused() {
        assertThat(db.error("TransactWriteItems", "{'TransactItems':[{'Delete':{'TableName':'accounts','Key':{'pk':{'S':'bob'}}}},"
                + "{'ConditionCheck':{'TableName':'accounts','Key':{'pk':{'S':'bob'}},'ConditionExpression':'attribute_exists(pk)'}}]}").getMessage())
                .isEqualTo("Transaction request cannot include multiple operations on one item");
    }

    @Test
    void aRepeatedClientRequestTokenDoesNotApplyTwice() {
        db.call("TransactWriteItems", transfer(10, "tok-1"));
        db.call("TransactWriteItems", transfer(10, "tok-1"));
        assertThat(balance("alice")).isEqualTo("90");
        assertThat(db.error("TransactWriteItems", transfer(20, "tok-1")).type()).isEqualTo("IdempotentParameterMismatchException");
        db.clock.addAndGet(11 * 60 * 1000);
        db.call("TransactWriteItems", transfer(10, "tok-1"));
        assertThat(balance("alice")).isEqualTo("80");
    }

    @Test
    void transactGetReadsSeveralItemsAtOnce() {
        JsonNode r = db.call("TransactGetItems", "{'TransactItems':[{'Get':{'TableName':'accounts','Key':{'pk':{'S':'alice'}}}},"
                + "{'Get':{'TableName':'accounts','Key':{'pk':{'S':'nobody'}}}},{'Get':{'TableName':'accounts','Key':{'pk':{'S':'bob'}},'ProjectionExpression':'balance'}}]}");
        JsonNode responses = r.get("Responses");
        assertThat(responses.get(0).get("Item").get("balance").get("N").asText()).isEqualTo("100");
        assertThat(responses.get(1).isEmpty()).isTrue();
        assertThat(responses.get(2).get("Item").toString()).isEqualTo("{\"balance\":{\"N\":\"0\"}}");
    }

    @Test
    void crossingTransactionsOverTheSameItemsNeitherDeadlockNorLoseMoney() throws Exception {
        Thread[] threads = new Thread[4];
        for (int t = 0; t < threads.length; t++) {
            boolean aliceFirst = t % 2 == 0;
            threads[t] = Thread.ofPlatform().start(() -> {
                for (int i = 0; i < 300; i++) {
                    String from = aliceFirst ? "alice" : "bob", to = aliceFirst ? "bob" : "alice";
                    try {
                        db.call("TransactWriteItems", "{'TransactItems':["
                                + "{'Update':{'TableName':'accounts','Key':{'pk':{'S':'" + from + "'}},'UpdateExpression':'SET balance = balance - :a',"
                                + "'ConditionExpression':'balance >= :a','ExpressionAttributeValues':{':a':{'N':'1'}}}},"
                                + "{'Update':{'TableName':'accounts','Key':{'pk':{'S':'" + to + "'}},'UpdateExpression':'SET balance = balance + :a',"
                                + "'ExpressionAttributeValues':{':a':{'N':'1'}}}}]}");
                    } catch (ServiceException e) {
                        assertThat(e.type()).isEqualTo("TransactionCanceledException");
                    }
                }
            });
        }
        for (Thread t : threads) t.join(20_000);
        for (Thread t : threads) assertThat(t.isAlive()).isFalse();
        assertThat(Integer.parseInt(balance("alice")) + Integer.parseInt(balance("bob"))).isEqualTo(100);
    }
}
