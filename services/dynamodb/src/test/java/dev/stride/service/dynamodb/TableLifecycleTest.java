package dev.stride.service.dynamodb;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.stride.service.ServiceException;
import dev.stride.service.ServiceResponse;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class TableLifecycleTest {
    private final Dynamo db = new Dynamo();

    @AfterEach
    void close() { db.close(); }

    @Test
    void aCreatedTableIsActiveAtOnceWithItsArnAndKeys() {
        JsonNode d = db.call("CreateTable", "{'TableName':'orders','AttributeDefinitions':[{'AttributeName':'id','AttributeType':'S'},"
                + "{'AttributeName':'at','AttributeType':'N'}],'KeySchema':[{'AttributeName':'id','KeyType':'HASH'},{'AttributeName':'at','KeyType':'RANGE'}],"
                + "'ProvisionedThroughput':{'ReadCapacityUnits':5,'WriteCapacityUnits':7}}").get("TableDescription");
        assertThat(d.get("TableStatus").asText()).isEqualTo("ACTIVE");
        assertThat(d.get("TableArn").asText()).isEqualTo("arn:aws:dynamodb:us-east-1:123456789012:table/orders");
        assertThat(d.get("KeySchema").get(1).get("KeyType").asText()).isEqualTo("RANGE");
        assertThat(d.get("ProvisionedThroughput").get("WriteCapacityUnits").asInt()).isEqualTo(7);
        assertThat(d.has("BillingModeSummary")).isFalse();

        JsonNode t = db.call("DescribeTable", "{'TableName':'orders'}").get("Table");
        assertThat(t.get("TableStatus").asText()).isEqualTo("ACTIVE");
        assertThat(t.get("ItemCount").asLong()).isZero();
    }

    @Test
    void itemCountAndSizeFollowTheItems() {
        db.table("tab1", null);
        db.put("tab1", "{'pk':{'S':'a'},'v':{'S':'hello'}}");
        db.put("tab1", "{'pk':{'S':'b'}}");
        JsonNode t = db.call("DescribeTable", "{'TableName':'tab1'}").get("Table");
        assertThat(t.get("ItemCount").asLong()).isEqualTo(2);
        assertThat(t.get("TableSizeBytes").asLong()).isGreaterThan(0);
        assertThat(t.get("BillingModeSummary").get("BillingMode").asText()).isEqualTo("PAY_PER_REQUEST");
    }

    @Test
    void aSecondTableOfTheSameNameIsRefused() {
        db.table("dup", null);
        ServiceException e = db.error("CreateTable", "{'TableName':'dup','BillingMode':'PAY_PER_REQUEST','AttributeDefinitions':[{'AttributeName':'pk','AttributeType':'S'}],"
                + "'KeySchema':[{'AttributeName':'pk','KeyType':'HASH'}]}");
        assertThat(e.type()).isEqualTo("ResourceInUseException");
        assertThat(e.getMessage()).isEqualTo("Table already exists: dup");
    }

    @Test
    void attributeDefinitionsMustMatchTheKeys() {
        ServiceException e = db.error("CreateTable", "{'TableName':'bad','BillingMode':'PAY_PER_REQUEST','AttributeDefinitions':[{'AttributeName':'pk','AttributeType':'S'},"
                + "{'AttributeName':'extra','AttributeType':'S'}],'KeySchema':[{'AttributeName':'pk','KeyType':'HASH'}]}");
        assertThat(e.getMessage()).isEqualTo("One or more parameter values were invalid: Number of attributes in KeySchema does not exactly match number of attributes defined in AttributeDefinitions");
        ServiceException missing = db.error("CreateTable", "{'TableName':'bad','BillingMode':'PAY_PER_REQUEST','AttributeDefinitions':[{'AttributeName':'x','AttributeType':'S'}],"
                + "'KeySchema':[{'AttributeName':'pk','KeyType':'HASH'}]}");
        assertThat(missing.getMessage()).startsWith("One or more parameter values were invalid: Some index key attributes are not defined in AttributeDefinitions");
        ServiceException provisioned = db.error("CreateTable", "{'TableName':'bad','AttributeDefinitions':[{'AttributeName':'pk','AttributeType':'S'}],"
                + "'KeySchema':[{'AttributeName':'pk','KeyType':'HASH'}]}");
        assertThat(provisioned.getMessage()).contains("ReadCapacityUnits and WriteCapacityUnits must both be specified");
    }

    @Test
    void aMissingTableIsNamedInDescribeButNotInItemActions() {
        assertThat(db.error("DescribeTable", "{'TableName':'nope'}").getMessage()).isEqualTo("Requested resource not found: Table: nope not found");
        assertThat(db.error("GetItem", "{'TableName':'nope','Key':{'pk':{'S':'a'}}}").getMessage()).isEqualTo("Requested resource not found");
    }

    @Test
    void listTablesPagesInNameOrder() {
        for (String n : new String[] {"ccc", "aaa", "bbb", "ddd"}) db.table(n, null);
        JsonNode first = db.call("ListTables", "{'Limit':2}");
        assertThat(first.get("TableNames").toString()).isEqualTo("[\"aaa\",\"bbb\"]");
        assertThat(first.get("LastEvaluatedTableName").asText()).isEqualTo("bbb");
        JsonNode second = db.call("ListTables", "{'Limit':2,'ExclusiveStartTableName':'bbb'}");
        assertThat(second.get("TableNames").toString()).isEqualTo("[\"ccc\",\"ddd\"]");
        assertThat(second.has("LastEvaluatedTableName")).isFalse();
    }

    @Test
    void deleteTableForgetsItAndItsItems() {
        db.table("gone", null);
        db.put("gone", "{'pk':{'S':'a'}}");
        JsonNode d = db.call("DeleteTable", "{'TableName':'gone'}").get("TableDescription");
        assertThat(d.get("TableStatus").asText()).isEqualTo("DELETING");
        assertThat(db.error("DescribeTable", "{'TableName':'gone'}").type()).isEqualTo("ResourceNotFoundException");
        db.table("gone", null);
        assertThat(db.get("gone", "{'pk':{'S':'a'}}")).isNull();
    }

    @Test
    void updateTableAddsAGlobalIndexFilledWithTheExistingItems() {
        db.table("upd", null);
        db.put("upd", "{'pk':{'S':'a'},'g':{'S':'x'}}");
        db.put("upd", "{'pk':{'S':'b'}}");
        JsonNode d = db.call("UpdateTable", "{'TableName':'upd','AttributeDefinitions':[{'AttributeName':'g','AttributeType':'S'}],"
                + "'GlobalSecondaryIndexUpdates':[{'Create':{'IndexName':'byG','KeySchema':[{'AttributeName':'g','KeyType':'HASH'}],"
                + "'Projection':{'ProjectionType':'KEYS_ONLY'}}}]}").get("TableDescription");
        JsonNode gsi = d.get("GlobalSecondaryIndexes").get(0);
        assertThat(gsi.get("IndexStatus").asText()).isEqualTo("ACTIVE");
        assertThat(gsi.get("ItemCount").asInt()).isEqualTo(1);
        assertThat(gsi.get("IndexArn").asText()).endsWith("table/upd/index/byG");
        JsonNode q = db.call("Query", "{'TableName':'upd','IndexName':'byG','KeyConditionExpression':'g = :g','ExpressionAttributeValues':{':g':{'S':'x'}}}");
        assertThat(q.get("Items").get(0).toString()).isEqualTo("{\"pk\":{\"S\":\"a\"},\"g\":{\"S\":\"x\"}}");

        db.call("UpdateTable", "{'TableName':'upd','GlobalSecondaryIndexUpdates':[{'Delete':{'IndexName':'byG'}}]}");
        assertThat(db.call("DescribeTable", "{'TableName':'upd'}").get("Table").has("GlobalSecondaryIndexes")).isFalse();
    }

    @Test
    void updateTableSwitchesBillingMode() {
        db.table("bill", null);
        JsonNode d = db.call("UpdateTable", "{'TableName':'bill','BillingMode':'PROVISIONED','ProvisionedThroughput':{'ReadCapacityUnits':3,'WriteCapacityUnits':4}}")
                .get("TableDescription");
        assertThat(d.get("BillingModeSummary").get("BillingMode").asText()).isEqualTo("PROVISIONED");
        assertThat(d.get("ProvisionedThroughput").get("ReadCapacityUnits").asInt()).isEqualTo(3);
    }

    @Test
    void tagsAreAddedListedAndRemovedByArn() {
        db.table("tagged", null);
        String arn = "arn:aws:dynamodb:us-east-1:123456789012:table/tagged";
        db.call("TagResource", "{'ResourceArn':'" + arn + "','Tags':[{'Key':'team','Value':'a'},{'Key':'env','Value':'dev'}]}");
        db.call("UntagResource", "{'ResourceArn':'" + arn + "','TagKeys':['team']}");
        assertThat(db.call("ListTagsOfResource", "{'ResourceArn':'" + arn + "'}").get("Tags").toString())
                .isEqualTo("[{\"Key\":\"env\",\"Value\":\"dev\"}]");
    }

    @Test
    void errorsGoOverHttpInDynamoDbsShape() {
        ServiceResponse r = db.serve("DescribeTable", "{'TableName':'nope'}");
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.contentType()).isEqualTo("application/x-amz-json-1.0");
        JsonNode b = Dynamo.body(r);
        assertThat(b.get("__type").asText()).isEqualTo("com.amazonaws.dynamodb.v20120810#ResourceNotFoundException");
        assertThat(b.get("message").asText()).isEqualTo("Requested resource not found: Table: nope not found");
        JsonNode v = Dynamo.body(db.serve("GetItem", "{'TableName':'x'}"));
        assertThat(v.get("__type").asText()).isEqualTo("com.amazon.coral.validate#ValidationException");
        JsonNode unknown = Dynamo.body(db.serve("Frobnicate", "{}"));
        assertThat(unknown.get("__type").asText()).isEqualTo("com.amazon.coral.service#UnknownOperationException");
    }

    @Test
    void describeLimitsAndEndpointsAnswer() {
        assertThat(db.call("DescribeLimits", "{}").get("TableMaxReadCapacityUnits").asInt()).isEqualTo(40000);
        assertThat(db.call("DescribeEndpoints", "{}").get("Endpoints").get(0).get("Address").asText()).isEqualTo("localhost:8083");
    }
}
