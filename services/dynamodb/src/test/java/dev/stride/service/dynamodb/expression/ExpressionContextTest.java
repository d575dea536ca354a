package dev.stride.service.dynamodb.expression;

import static dev.stride.service.dynamodb.expression.Json.assertValidation;
import static dev.stride.service.dynamodb.expression.Json.context;

import org.junit.jupiter.api.Test;

class ExpressionContextTest {
    @Test
    void namesAndValuesUsedByAnyExpressionOfTheRequestCount() {
        ExpressionContext c = context("{':a':{'N':'1'}, ':b':{'N':'2'}}", "{'#x':'x', '#y':'y'}");
        Condition.parse("#x = :a", c, "ConditionExpression");
        Update.parse("SET #y = :b", c);
        c.checkAllUsed();
    }

    @Test
    void unusedValuesAreReportedBeforeUnusedNames() {
        ExpressionContext c = context("{':a':{'N':'1'}, ':v':{'N':'2'}, ':w':{'N':'2'}}", "{'#x':'x', '#n':'n'}");
        Condition.parse("#x = :a", c, "ConditionExpression");
        assertValidation(c::checkAllUsed, "Value provided in ExpressionAttributeValues unused in expressions: keys: {:v, :w}");
        ExpressionContext d = context("{':a':{'N':'1'}}", "{'#x':'x', '#n':'n'}");
        Condition.parse("#x = :a", d, "ConditionExpression");
        assertValidation(d::checkAllUsed, "Value provided in ExpressionAttributeNames unused in expressions: keys: {#n}");
    }
}
