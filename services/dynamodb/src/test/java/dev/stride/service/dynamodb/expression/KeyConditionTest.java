package dev.stride.service.dynamodb.expression;

import static dev.stride.service.dynamodb.expression.Json.assertValidation;
import static dev.stride.service.dynamodb.expression.Json.value;
import static dev.stride.service.dynamodb.expression.Json.values;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class KeyConditionTest {
    private static final String VALUES = "{':p':{'S':'a'}, ':lo':{'N':'1'}, ':hi':{'N':'5'}, ':s':{'S':'x'}}";

    private static KeyCondition parse(String expression) {
        return KeyCondition.parse(expression, values(VALUES), "pk", "S", "sk", "N");
    }

    @Test
    void partitionEqualityAlone() {
        KeyCondition k = parse("pk = :p");
        assertThat(k.partitionValue()).isEqualTo(value("{'S':'a'}"));
        assertThat(k.sortOp()).isNull();
        assertThat(k.matchesSort(value("{'N':'9'}"))).isTrue();
    }

    @Test
    void sortConditionsInEitherOrder() {
        KeyCondition k = parse("sk BETWEEN :lo AND :hi AND pk = :p");
        assertThat(k.sortOp()).isEqualTo(KeyCondition.Op.BETWEEN);
        assertThat(k.matchesSort(value("{'N':'5'}"))).isTrue();
        assertThat(k.matchesSort(value("{'N':'5.1'}"))).isFalse();
        assertThat(parse("pk = :p AND sk < :hi").matchesSort(value("{'N':'4.99'}"))).isTrue();
        assertThat(parse("(pk = :p) AND (sk >= :hi)").matchesSort(value("{'N':'4.99'}"))).isFalse();
    }

    @Test
    void beginsWithOnAStringSortKey() {
        KeyCondition k = KeyCondition.parse("pk = :p AND begins_with(sk, :s)", values(VALUES), "pk", "S", "sk", "S");
        assertThat(k.sortOp()).isEqualTo(KeyCondition.Op.BEGINS_WITH);
        assertThat(k.matchesSort(value("{'S':'xyz'}"))).isTrue();
        assertThat(k.matchesSort(value("{'S':'yx'}"))).isFalse();
    }

    @Test
    void errors() {
        assertValidation(() -> parse("sk = :lo"), "Query condition missed key schema element: pk");
        assertValidation(() -> parse("pk = :p AND foo = :lo"), "Query condition missed key schema element: sk");
        assertValidation(() -> parse("pk < :p"), "Query key condition not supported");
        assertValidation(() -> parse("pk = :p AND pk = :p"),
                "Invalid KeyConditionExpression: KeyConditionExpressions must only contain one condition per key");
        assertValidation(() -> parse("pk = :p OR sk = :lo"),
                "Invalid KeyConditionExpression: Invalid operator used in KeyConditionExpression: OR");
        assertValidation(() -> parse("pk = :lo"),
                "One or more parameter values were invalid: Condition parameter type does not match schema type");
        assertValidation(() -> parse("pk = :p AND sk = :s"),
                "One or more parameter values were invalid: Condition parameter type does not match schema type");
    }
}
