package dev.stride.service.dynamodb;


import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import static org.assertj.core.api.Assertions.assertThat;

class QueryTest {
    private final Dynamo db = new Dynamo();

    @AfterEach
    void close() { db.close(); }

    private static List<String> sortKeys(JsonNode reply, String type) {
        List<String> out = new ArrayList<>();
        reply.get("Items").forEach(i -> out.add(i.get("sk").get(type).asText()));
        return out;
    }

    private JsonNode query(String table, String extra) {
        return db.call("Query", "{'TableName':'" + table + "','KeyConditionExpression':'pk = :p','ExpressionAttributeValues':{':p':{'S':'a'}}" + extra + "}");
    }

    @Test
    void numbersSortNumericallyNegativesAndFractionsIncluded() {
        db.table("nums", "N");
        for (String n : new String[] {"10", "-1.5", "2", "-10", "0", "1.25", "-1.25", "100", "1e2x".substring(0, 1)}) {
            db.put("nums", "{'pk':{'S':'a'},'sk':{'N':'" + n + "'}}");
        }
        db.put("nums", "{'pk':{'S':'other'},'sk':{'N':'5'}}");
        assertThat(sortKeys(query("nums", ""), "N")).containsExactly("-10", "-1.5", "-1.25", "0", "1", "1.25", "2", "10", "100");
        assertThat(sortKeys(query("nums", ",'ScanIndexForward':false"), "N")).containsExactly("100", "10", "2", "1.25", "1", "0", "-1.25", "-1.5", "-10");
    }

    @Test
    void binaryKeysSortAsUnsignedBytes() {
        db.table("bins", "B");
        byte[][] values = {{(byte) 0xFF}, {0x01}, {(byte) 0x80, 0x00}, {0x01, 0x00}, {0x7F}};
        for (byte[] v : values) db.put("bins", "{'pk':{'S':'a'},'sk':{'B':'" + Base64.getEncoder().encodeToString(v) + "'}}");
        List<String> got = sortKeys(query("bins", ""), "B");
        List<String> hex = new ArrayList<>();
        for (String b : got) hex.add(HexFormat.of().formatHex(Base64.getDecoder().decode(b)));
        assertThat(hex).containsExactly("01", "0100", "7f", "8000", "ff");
    }

    @Test
    void sortKeyConditionsSelectTheirRange() {
        db.table("strs", "S");
        for (String s : new String[] {"a1", "a2", "b1", "b2", "c"}) db.put("strs", "{'pk':{'S':'a'},'sk':{'S':'" + s + "'}}");
        assertThat(sortKeys(db.call("Query", "{'TableName':'strs','KeyConditionExpression':'pk = :p AND begins_with(sk, :b)',"
                + "'ExpressionAttributeValues':{':p':{'S':'a'},':b':{'S':'b'}}}"), "S")).containsExactly("b1", "b2");
        assertThat(sortKeys(db.call("Query", "{'TableName':'strs','KeyConditionExpression':'pk = :p AND sk BETWEEN :x AND :y',"
                + "'ExpressionAttributeValues':{':p':{'S':'a'},':x':{'S':'a2'},':y':{'S':'b2'}}}"), "S")).containsExactly("a2", "b1", "b2");
        assertThat(sortKeys(db.call("Query", "{'TableName':'strs','KeyConditionExpression':'pk = :p AND sk > :x',"
                + "'ExpressionAttributeValues':{':p':{'S':'a'},':x':{'S':'b2'}}}"), "S")).containsExactly("c");
        assertThat(sortKeys(db.call("Query", "{'TableName':'strs','KeyConditionExpression':'pk = :p AND sk < :x',"
                + "'ExpressionAttributeValues':{':p':{'S':'a'},':x':{'S':'a2'}}}"), "S")).containsExactly("a1");
        assertThat(sortKeys(db.call("Query", "{'TableName':'strs','KeyConditions':{'pk':{'ComparisonOperator':'EQ','AttributeValueList':[{'S':'a'}]},"
                + "'sk':{'ComparisonOperator':'GE','AttributeValueList':[{'S':'b2'}]}}}"), "S")).containsExactly("b2", "c");
    }

    @Test
    void limitPagesThroughWithLastEvaluatedKeyBothWays() {
        db.table("pages", "N");
        for (int i = 0; i < 10; i++) db.put("pages", "{'pk':{'S':'a'},'sk':{'N':'" + i + "'}}");
        for (boolean forward : new boolean[] {true, false}) {
            List<String> all = new ArrayList<>();
            JsonNode start = null;
            int pages = 0;
            do {
                String extra = ",'Limit':3,'ScanIndexForward':" + forward + (start == null ? "" : ",'ExclusiveStartKey':" + start);
                JsonNode r = query("pages", extra.replace('"', '\''));
                all.addAll(sortKeys(r, "N"));
                start = r.get("LastEvaluatedKey");
                pages++;
            } while (start != null);
            assertThat(all).hasSize(10);
            assertThat(all.get(0)).isEqualTo(forward ? "0" : "9");
            assertThat(pages).isEqualTo(4);
        }
    }

    @Test
    void filterCountsScannedBeforeAndCountAfter() {
        db.table("filt", "N");
        for (int i = 0; i < 6; i++) db.put("filt", "{'pk':{'S':'a'},'sk':{'N':'" + i + "'},'even':{'BOOL':" + (i % 2 == 0) + "}}");
        JsonNode r = db.call("Query", "{'TableName':'filt','KeyConditionExpression':'pk = :p','FilterExpression':'even = :t',"
                + "'ExpressionAttributeValues':{':p':{'S':'a'},':t':{'BOOL':true}}}");
        assertThat(r.get("Count").asInt()).isEqualTo(3);
        assertThat(r.get("ScannedCount").asInt()).isEqualTo(6);
        JsonNode c = query("filt", ",'Select':'COUNT'");
        assertThat(c.get("Count").asInt()).isEqualTo(6);
        assertThat(c.has("Items")).isFalse();
        JsonNode legacy = db.call("Query", "{'TableName':'filt','KeyConditions':{'pk':{'ComparisonOperator':'EQ','AttributeValueList':[{'S':'a'}]}},"
                + "'QueryFilter':{'even':{'ComparisonOperator':'EQ','AttributeValueList':[{'BOOL':false}]}}}");
        assertThat(legacy.get("Count").asInt()).isEqualTo(3);
    }

    @Test
    void theOneMegabytePageLimitStopsAQuery() {
        db.table("big", "N");
        String blob = "x".repeat(100_000);
        for (int i = 0; i < 15; i++) db.put("big", "{'pk':{'S':'a'},'sk':{'N':'" + i + "'},'b':{'S':'" + blob + "'}}");
        JsonNode r = query("big", "");
        assertThat(r.get("Count").asInt()).isBetween(9, 11);
        assertThat(r.has("LastEvaluatedKey")).isTrue();
    }

    private void indexedTable() {
        db.call("CreateTable", "{'TableName':'idx','BillingMode':'PAY_PER_REQUEST','AttributeDefinitions':["
                + "{'AttributeName':'pk','AttributeType':'S'},{'AttributeName':'sk','AttributeType':'S'},{'AttributeName':'status','AttributeType':'S'},"
                + "{'AttributeName':'at','AttributeType':'N'}],'KeySchema':[{'AttributeName':'pk','KeyType':'HASH'},{'AttributeName':'sk','KeyType':'RANGE'}],"
                + "'GlobalSecondaryIndexes':[{'IndexName':'byStatus','KeySchema':[{'AttributeName':'status','KeyType':'HASH'},{'AttributeName':'at','KeyType':'RANGE'}],"
                + "'Projection':{'ProjectionType':'INCLUDE','NonKeyAttributes':['title']}}],"
                + "'LocalSecondaryIndexes':[{'IndexName':'byAt','KeySchema':[{'AttributeName':'pk','KeyType':'HASH'},{'AttributeName':'at','KeyType':'RANGE'}],"
                + "'Projection':{'ProjectionType':'KEYS_ONLY'}}]}");
        db.put("idx", "{'pk':{'S':'a'},'sk':{'S':'1'},'status':{'S':'open'},'at':{'N':'30'},'title':{'S':'t1'},'body':{'S':'b1'}}");
        db.put("idx", "{'pk':{'S':'a'},'sk':{'S':'2'},'status':{'S':'open'},'at':{'N':'10'},'title':{'S':'t2'},'body':{'S':'b2'}}");
        db.put("idx", "{'pk':{'S':'b'},'sk':{'S':'1'},'status':{'S':'open'},'at':{'N':'10'},'title':{'S':'t3'}}");
        db.put("idx", "{'pk':{'S':'a'},'sk':{'S':'3'},'title':{'S':'no index key'}}");
    }

    @Test
    void aGlobalIndexHoldsItsProjectionOfItemsThatHaveItsKey() {
        indexedTable();
        JsonNode r = db.call("Query", "{'TableName':'idx','IndexName':'byStatus','KeyConditionExpression':'#s = :o',"
                + "'ExpressionAttributeNames':{'#s':'status'},'ExpressionAttributeValues':{':o':{'S':'open'}}}");
        assertThat(r.get("Count").asInt()).isEqualTo(3);
        JsonNode first = r.get("Items").get(0);
        assertThat(first.get("at").get("N").asText()).isEqualTo("10");
        assertThat(first.has("title")).isTrue();
        assertThat(first.has("body")).isFalse();
        // items that share an index key come in table key order
        assertThat(r.get("Items").get(0).get("pk").get("S").asText() + r.get("Items").get(1).get("pk").get("S").asText()).isEqualTo("ab");

        db.call("UpdateItem", "{'TableName':'idx','Key':{'pk':{'S':'a'},'sk':{'S':'1'}},'UpdateExpression':'REMOVE #s','ExpressionAttributeNames':{'#s':'status'}}");
        assertThat(db.call("Query", "{'TableName':'idx','IndexName':'byStatus','KeyConditionExpression':'#s = :o',"
                + "'ExpressionAttributeNames':{'#s':'status'},'ExpressionAttributeValues':{':o':{'S':'open'}}}").get("Count").asInt()).isEqualTo(2);
    }

    @Test
    void aGlobalIndexRefusesConsistentReadsAsAwsDoes() {
        indexedTable();
        assertThat(db.error("Query", "{'TableName':'idx','IndexName':'byStatus','ConsistentRead':true,'KeyConditionExpression':'#s = :o',"
                + "'ExpressionAttributeNames':{'#s':'status'},'ExpressionAttributeValues':{':o':{'S':'open'}}}").getMessage())
                .isEqualTo("Consistent reads are not supported on global secondary indexes");
        assertThat(db.error("Query", "{'TableName':'idx','IndexName':'nope','KeyConditionExpression':'pk = :o',"
                + "'ExpressionAttributeValues':{':o':{'S':'open'}}}").getMessage()).isEqualTo("The table does not have the specified index: nope");
    }

    @Test
    void aLocalIndexSortsTheCollectionByItsKeyAndFetchesAllAttributesWhenAsked() {
        indexedTable();
        JsonNode keys = db.call("Query", "{'TableName':'idx','IndexName':'byAt','KeyConditionExpression':'pk = :a','ExpressionAttributeValues':{':a':{'S':'a'}}}");
        assertThat(keys.get("Count").asInt()).isEqualTo(2);
        assertThat(keys.get("Items").get(0).get("sk").get("S").asText()).isEqualTo("2");
        assertThat(keys.get("Items").get(0).has("title")).isFalse();
        JsonNode all = db.call("Query", "{'TableName':'idx','IndexName':'byAt','Select':'ALL_ATTRIBUTES','ConsistentRead':true,"
                + "'KeyConditionExpression':'pk = :a','ExpressionAttributeValues':{':a':{'S':'a'}}}");
        assertThat(all.get("Items").get(0).get("body").get("S").asText()).isEqualTo("b2");
    }

    @Test
    void indexPagingCarriesIndexAndTableKeys() {
        indexedTable();
        JsonNode r = db.call("Query", "{'TableName':'idx','IndexName':'byStatus','Limit':1,'KeyConditionExpression':'#s = :o',"
                + "'ExpressionAttributeNames':{'#s':'status'},'ExpressionAttributeValues':{':o':{'S':'open'}}}");
        JsonNode lek = r.get("LastEvaluatedKey");
        assertThat(lek.has("pk") && lek.has("sk") && lek.has("status") && lek.has("at")).isTrue();
        JsonNode next = db.call("Query", "{'TableName':'idx','IndexName':'byStatus','Limit':1,'KeyConditionExpression':'#s = :o',"
                + "'ExpressionAttributeNames':{'#s':'status'},'ExpressionAttributeValues':{':o':{'S':'open'}},'ExclusiveStartKey':"
                + lek.toString().replace('"', '\'') + "}");
        assertThat(next.get("Items").get(0).get("pk").get("S").asText()).isEqualTo("b");
    }

    @Test
    void anItemWithAnIndexKeyOfTheWrongTypeIsRefused() {
        indexedTable();
        assertThat(db.error("PutItem", "{'TableName':'idx','Item':{'pk':{'S':'a'},'sk':{'S':'9'},'at':{'S':'soon'}}}").getMessage())
                .isEqualTo("One or more parameter values were invalid: Type mismatch for Index Key at Expected: N Actual: S IndexName: byStatus");
    }

    @Test
    void allAttributesOfAGlobalIndexThatDoesNotProjectThemIsRefused() {
        indexedTable();
        assertThat(db.error("Query", "{'TableName':'idx','IndexName':'byStatus','Select':'ALL_ATTRIBUTES','KeyConditionExpression':'#s = :o',"
                + "'ExpressionAttributeNames':{'#s':'status'},'ExpressionAttributeValues':{':o':{'S':'open'}}}").getMessage())
                .isEqualTo("One or more parameter values were invalid: Select type ALL_ATTRIBUTES is not supported for global secondary index "
                        + "byStatus because its projection type is not ALL");
    }

    @Test
    void aCountWithALimitStillPages() {
        db.table("cnt", "N");
        for (int i = 0; i < 5; i++) db.put("cnt", "{'pk':{'S':'a'},'sk':{'N':'" + i + "'}}");
        JsonNode r = query("cnt", ",'Select':'COUNT','Limit':2");
        assertThat(r.get("Count").asInt()).isEqualTo(2);
        assertThat(r.get("LastEvaluatedKey").get("sk").get("N").asText()).isEqualTo("1");
    }
}
