package dev.stride.service.dynamodb;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.stride.service.ServiceException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ItemCrudTest {
    private final Dynamo db = new Dynamo();

    @BeforeEach
    void table() { db.table("items", "N"); }

    @AfterEach
    void close() { db.close(); }

    @Test
    void anItemPutIsReadBackWhole() {
        db.put("items", "{'pk':{'S':'a'},'sk':{'N':'1'},'name':{'S':'x'},'tags':{'SS':['b','c']}}");
        JsonNode item = db.get("items", "{'pk':{'S':'a'},'sk':{'N':'1'}}");
        assertThat(item.get("name").get("S").asText()).isEqualTo("x");
        assertThat(item.get("tags").get("SS")).hasSize(2);
    }

    @Test
    void aNumberKeyIsTheSameKeyHoweverItIsWritten() {
        db.put("items", "{'pk':{'S':'a'},'sk':{'N':'1.50'},'v':{'S':'first'}}");
        assertThat(db.get("items", "{'pk':{'S':'a'},'sk':{'N':'1.5'}}").get("v").get("S").asText()).isEqualTo("first");
    }

    @Test
    void putReturnsTheOldItemWhenAsked() {
        db.put("items", "{'pk':{'S':'a'},'sk':{'N':'1'},'v':{'N':'1'}}");
        JsonNode r = db.call("PutItem", "{'TableName':'items','Item':{'pk':{'S':'a'},'sk':{'N':'1'},'v':{'N':'2'}},'ReturnValues':'ALL_OLD'}");
        assertThat(r.get("Attributes").get("v").get("N").asText()).isEqualTo("1");
        assertThat(db.error("PutItem", "{'TableName':'items','Item':{'pk':{'S':'a'},'sk':{'N':'1'}},'ReturnValues':'ALL_NEW'}").getMessage())
                .isEqualTo("ReturnValues can only be ALL_OLD or NONE");
    }

    @Test
    void aFailedConditionLeavesTheItemAndCanReturnIt() {
        db.put("items", "{'pk':{'S':'a'},'sk':{'N':'1'},'v':{'N':'1'}}");
        ServiceException e = db.error("PutItem", "{'TableName':'items','Item':{'pk':{'S':'a'},'sk':{'N':'1'},'v':{'N':'9'}},"
                + "'ConditionExpression':'attribute_not_exists(pk)'}");
        assertThat(e.type()).isEqualTo("ConditionalCheckFailedException");
        assertThat(e.getMessage()).isEqualTo("The conditional request failed");
        assertThat(db.get("items", "{'pk':{'S':'a'},'sk':{'N':'1'}}").get("v").get("N").asText()).isEqualTo("1");

        JsonNode body = Dynamo.body(db.serve("DeleteItem", "{'TableName':'items','Key':{'pk':{'S':'a'},'sk':{'N':'1'}},"
                + "'ConditionExpression':'v = :two','ExpressionAttributeValues':{':two':{'N':'2'}},'ReturnValuesOnConditionCheckFailure':'ALL_OLD'}"));
        assertThat(body.get("__type").asText()).isEqualTo("com.amazonaws.dynamodb.v20120810#ConditionalCheckFailedException");
        assertThat(body.get("message").asText()).isEqualTo("The conditional request failed");
        assertThat(body.get("Item").get("v").get("N").asText()).isEqualTo("1");
    }

    @Test
    void updateItemCreatesTheItemAndReturnsWhatChanged() {
        JsonNode r = db.call("UpdateItem", "{'TableName':'items','Key':{'pk':{'S':'u'},'sk':{'N':'1'}},'UpdateExpression':'SET n = :one, s = :s',"
                + "'ExpressionAttributeValues':{':one':{'N':'1'},':s':{'S':'x'}},'ReturnValues':'ALL_NEW'}");
        assertThat(r.get("Attributes").toString()).isEqualTo("{\"pk\":{\"S\":\"u\"},\"sk\":{\"N\":\"1\"},\"n\":{\"N\":\"1\"},\"s\":{\"S\":\"x\"}}");
        JsonNode old = db.call("UpdateItem", "{'TableName':'items','Key':{'pk':{'S':'u'},'sk':{'N':'1'}},'UpdateExpression':'SET n = n + :one',"
                + "'ExpressionAttributeValues':{':one':{'N':'1'}},'ReturnValues':'UPDATED_OLD'}");
        assertThat(old.get("Attributes").toString()).isEqualTo("{\"n\":{\"N\":\"1\"}}");
        JsonNode now = db.call("UpdateItem", "{'TableName':'items','Key':{'pk':{'S':'u'},'sk':{'N':'1'}},'UpdateExpression':'REMOVE s',"
                + "'ReturnValues':'UPDATED_NEW'}");
        assertThat(now.has("Attributes")).isFalse();
        assertThat(db.get("items", "{'pk':{'S':'u'},'sk':{'N':'1'}}").get("n").get("N").asText()).isEqualTo("2");
    }

    @Test
    void updateItemRefusesToChangeAKeyAttribute() {
        ServiceException e = db.error("UpdateItem", "{'TableName':'items','Key':{'pk':{'S':'u'},'sk':{'N':'1'}},'UpdateExpression':'SET pk = :v',"
                + "'ExpressionAttributeValues':{':v':{'S':'z'}}}");
        assertThat(e.getMessage()).isEqualTo("One or more parameter values were invalid: Cannot update attribute pk. This attribute is part of the key");
    }

    @Test
    void keysMustMatchTheSchema() {
        assertThat(db.error("GetItem", "{'TableName':'items','Key':{'pk':{'S':'a'}}}").getMessage())
                .isEqualTo("The provided key element does not match the schema");
        assertThat(db.error("GetItem", "{'TableName':'items','Key':{'pk':{'S':'a'},'sk':{'S':'1'}}}").getMessage())
                .isEqualTo("The provided key element does not match the schema");
        assertThat(db.error("PutItem", "{'TableName':'items','Item':{'pk':{'S':'a'}}}").getMessage())
                .isEqualTo("One or more parameter values were invalid: Missing the key sk in the item");
        assertThat(db.error("PutItem", "{'TableName':'items','Item':{'pk':{'S':'a'},'sk':{'S':'1'}}}").getMessage())
                .isEqualTo("One or more parameter values were invalid: Type mismatch for key sk expected: N actual: S");
    }

    @Test
    void anItemOver400KbIsRefused() {
        String big = "x".repeat(410 * 1024);
        ServiceException e = db.error("PutItem", "{'TableName':'items','Item':{'pk':{'S':'a'},'sk':{'N':'1'},'blob':{'S':'" + big + "'}}}");
        assertThat(e.getMessage()).isEqualTo("Item size has exceeded the maximum allowed size");
    }

    @Test
    void projectionAndAttributesToGetReturnOnlyWhatIsAsked() {
        db.put("items", "{'pk':{'S':'a'},'sk':{'N':'1'},'x':{'S':'1'},'y':{'S':'2'},'z':{'S':'3'}}");
        JsonNode p = db.call("GetItem", "{'TableName':'items','Key':{'pk':{'S':'a'},'sk':{'N':'1'}},'ProjectionExpression':'x, #y',"
                + "'ExpressionAttributeNames':{'#y':'y'}}").get("Item");
        assertThat(p.toString()).isEqualTo("{\"x\":{\"S\":\"1\"},\"y\":{\"S\":\"2\"}}");
        JsonNode legacy = db.call("GetItem", "{'TableName':'items','Key':{'pk':{'S':'a'},'sk':{'N':'1'}},'AttributesToGet':['z']}").get("Item");
        assertThat(legacy.toString()).isEqualTo("{\"z\":{\"S\":\"3\"}}");
    }

    @Test
    void legacyExpectedGuardsAWrite() {
        db.put("items", "{'pk':{'S':'a'},'sk':{'N':'1'},'v':{'N':'1'}}");
        assertThat(db.error("PutItem", "{'TableName':'items','Item':{'pk':{'S':'a'},'sk':{'N':'1'}},'Expected':{'v':{'Value':{'N':'2'}}}}").type())
                .isEqualTo("ConditionalCheckFailedException");
        db.call("PutItem", "{'TableName':'items','Item':{'pk':{'S':'a'},'sk':{'N':'1'},'v':{'N':'3'}},'Expected':{'v':{'Value':{'N':'1'}}}}");
        assertThat(db.get("items", "{'pk':{'S':'a'},'sk':{'N':'1'}}").get("v").get("N").asText()).isEqualTo("3");
    }

    @Test
    void legacyAttributeUpdatesAddAndPut() {
        db.call("UpdateItem", "{'TableName':'items','Key':{'pk':{'S':'c'},'sk':{'N':'1'}},'AttributeUpdates':{'n':{'Action':'ADD','Value':{'N':'5'}},"
                + "'s':{'Action':'PUT','Value':{'S':'x'}}}}");
        db.call("UpdateItem", "{'TableName':'items','Key':{'pk':{'S':'c'},'sk':{'N':'1'}},'AttributeUpdates':{'n':{'Action':'ADD','Value':{'N':'2'}},"
                + "'s':{'Action':'DELETE'}}}");
        assertThat(db.get("items", "{'pk':{'S':'c'},'sk':{'N':'1'}}").toString()).isEqualTo("{\"pk\":{\"S\":\"c\"},\"sk\":{\"N\":\"1\"},\"n\":{\"N\":\"7\"}}");
    }

    @Test
    void unusedExpressionValuesAreRefused() {
        ServiceException e = db.error("PutItem", "{'TableName':'items','Item':{'pk':{'S':'a'},'sk':{'N':'1'}},'ConditionExpression':'attribute_not_exists(pk)',"
                + "'ExpressionAttributeValues':{':x':{'S':'1'}}}");
        assertThat(e.getMessage()).contains("unused in expressions");
    }

    @Test
    void consumedCapacityIsReportedWhenAsked() {
        JsonNode r = db.call("PutItem", "{'TableName':'items','Item':{'pk':{'S':'a'},'sk':{'N':'1'}},'ReturnConsumedCapacity':'INDEXES'}");
        assertThat(r.get("ConsumedCapacity").get("TableName").asText()).isEqualTo("items");
        assertThat(r.get("ConsumedCapacity").get("CapacityUnits").asDouble()).isEqualTo(1.0);
        assertThat(r.get("ConsumedCapacity").get("Table").get("CapacityUnits").asDouble()).isEqualTo(1.0);
        JsonNode g = db.call("GetItem", "{'TableName':'items','Key':{'pk':{'S':'a'},'sk':{'N':'1'}},'ReturnConsumedCapacity':'TOTAL'}");
        assertThat(g.get("ConsumedCapacity").get("CapacityUnits").asDouble()).isEqualTo(0.5);
    }
}
