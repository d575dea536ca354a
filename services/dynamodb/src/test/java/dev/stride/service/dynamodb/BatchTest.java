package dev.stride.service.dynamodb;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class BatchTest {
    private final Dynamo db = new Dynamo();

    @BeforeEach
    void tables() {
        db.table("left", null);
        db.table("right", "S");
    }

    @AfterEach
    void close() { db.close(); }

    @Test
    void batchWritePutsAndDeletesAcrossTablesWithNothingUnprocessed() {
        db.put("left", "{'pk':{'S':'old'}}");
        JsonNode r = db.call("BatchWriteItem", "{'RequestItems':{'left':[{'PutRequest':{'Item':{'pk':{'S':'a'}}}},{'DeleteRequest':{'Key':{'pk':{'S':'old'}}}}],"
                + "'right':[{'PutRequest':{'Item':{'pk':{'S':'b'},'sk':{'S':'1'}}}}]}}");
        assertThat(r.get("UnprocessedItems").isEmpty()).isTrue();
        assertThat(db.get("left", "{'pk':{'S':'a'}}")).isNotNull();
        assertThat(db.get("left", "{'pk':{'S':'old'}}")).isNull();
        assertThat(db.get("right", "{'pk':{'S':'b'},'sk':{'S':'1'}}")).isNotNull();
    }

    @Test
    void batchWriteRefusesDuplicatesAndMoreThan25() {
        assertThat(db.error("BatchWriteItem", "{'RequestItems':{'left':[{'PutRequest':{'Item':{'pk':{'S':'a'}}}},{'DeleteRequest':{'Key':{'pk':{'S':'a'}}}}]}}")
                .getMessage()).isEqualTo("Provided list of item keys contains duplicates");
        StringBuilder many = new StringBuilder();
        for (int i = 0; i < 26; i++) many.append(i == 0 ? "" : ",").append("{'PutRequest':{'Item':{'pk':{'S':'k").append(i).append("'}}}}");
        assertThat(db.error("BatchWriteItem", "{'RequestItems':{'left':[" + many + "]}}").getMessage())
                .contains("Member must have length less than or equal to 25");
        assertThat(db.get("left", "{'pk':{'S':'k1'}}")).isNull();
    }

    @Test
    void batchGetReturnsFoundItemsPerTableAndNoUnprocessedKeys() {
        db.put("left", "{'pk':{'S':'a'},'v':{'S':'1'}}");
        db.put("right", "{'pk':{'S':'b'},'sk':{'S':'1'}}");
        JsonNode r = db.call("BatchGetItem", "{'RequestItems':{'left':{'Keys':[{'pk':{'S':'a'}},{'pk':{'S':'missing'}}],'ProjectionExpression':'v'},"
                + "'right':{'Keys':[{'pk':{'S':'b'},'sk':{'S':'1'}}]}}}");
        assertThat(r.get("Responses").get("left").toString()).isEqualTo("[{\"v\":{\"S\":\"1\"}}]");
        assertThat(r.get("Responses").get("right")).hasSize(1);
        assertThat(r.get("UnprocessedKeys").isEmpty()).isTrue();
    }

    @Test
    void batchGetReturnsWhatDoesNotFitIn16MbAsUnprocessed() {
        String blob = "x".repeat(390_000);
        StringBuilder keys = new StringBuilder();
        for (int i = 0; i < 50; i++) {
            db.put("left", "{'pk':{'S':'k" + i + "'},'b':{'S':'" + blob + "'}}");
            keys.append(i == 0 ? "" : ",").append("{'pk':{'S':'k").append(i).append("'}}");
        }
        JsonNode r = db.call("BatchGetItem", "{'RequestItems':{'left':{'Keys':[" + keys + "]}}}");
        int got = r.get("Responses").get("left").size();
        int unprocessed = r.get("UnprocessedKeys").path("left").path("Keys").size();
        assertThat(got).isLessThan(50);
        assertThat(got + unprocessed).isEqualTo(50);
    }

    @Test
    void batchGetRefusesMoreThan100Keys() {
        StringBuilder keys = new StringBuilder();
        for (int i = 0; i < 101; i++) keys.append(i == 0 ? "" : ",").append("{'pk':{'S':'k").append(i).append("'}}");
        assertThat(db.error("BatchGetItem", "{'RequestItems':{'left':{'Keys':[" + keys + "]}}}").getMessage())
                .isEqualTo("Too many items requested for the BatchGetItem call");
    }
}
