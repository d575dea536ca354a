package dev.stride.service.dynamodb.expression;

import static dev.stride.service.dynamodb.expression.Json.assertValidation;
import static dev.stride.service.dynamodb.expression.Json.item;
import static dev.stride.service.dynamodb.expression.Json.value;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

class LegacyTest {
    private static final ObjectNode ITEM = item("{'a':{'N':'5'}, 's':{'S':'hello'}, 'ss':{'SS':['x','y']}}");

    @Test
    void expectedValueExistsAndComparisons() {
        assertThat(Legacy.expected(value("{'a':{'Value':{'N':'5.0'}}}"), null).test(ITEM)).isTrue();
        assertThat(Legacy.expected(value("{'q':{'Exists':false}}"), null).test(ITEM)).isTrue();
        assertThat(Legacy.expected(value("{'a':{'Exists':false}}"), null).test(ITEM)).isFalse();
        assertThat(Legacy.expected(value("{'a':{'Exists':false}, 's':{'Value':{'S':'hello'}}}"), "OR").test(ITEM)).isTrue();
        assertThat(Legacy.expected(value("{'a':{'ComparisonOperator':'GT','AttributeValueList':[{'N':'4'}]}}"), "AND").test(ITEM)).isTrue();
        assertThat(Legacy.expected(null, null)).isNull();
    }

    @Test
    void filterOperators() {
        assertThat(filter("{'a':{'ComparisonOperator':'BETWEEN','AttributeValueList':[{'N':'1'},{'N':'5'}]}}")).isTrue();
        assertThat(filter("{'a':{'ComparisonOperator':'IN','AttributeValueList':[{'N':'1'},{'N':'5'}]}}")).isTrue();
        assertThat(filter("{'s':{'ComparisonOperator':'BEGINS_WITH','AttributeValueList':[{'S':'he'}]}}")).isTrue();
        assertThat(filter("{'ss':{'ComparisonOperator':'CONTAINS','AttributeValueList':[{'S':'y'}]}}")).isTrue();
        assertThat(filter("{'ss':{'ComparisonOperator':'NOT_CONTAINS','AttributeValueList':[{'S':'y'}]}}")).isFalse();
        assertThat(filter("{'q':{'ComparisonOperator':'NULL'}, 'a':{'ComparisonOperator':'NOT_NULL'}}")).isTrue();
        assertThat(filter("{'a':{'ComparisonOperator':'NE','AttributeValueList':[{'S':'5'}]}}")).isTrue();
    }

    private static boolean filter(String json) {
        return Legacy.filter(value(json), null).test(ITEM);
    }

    @Test
    void filterErrors() {
        assertValidation(() -> Legacy.filter(value("{'a':{'ComparisonOperator':'EQ','AttributeValueList':[]}}"), null),
                "One or more parameter values were invalid: Invalid number of argument(s) for the EQ ComparisonOperator");
        assertValidation(() -> Legacy.filter(value("{'a':{'ComparisonOperator':'LT','AttributeValueList':[{'BOOL':true}]}}"), null),
                "One or more parameter values were invalid: ComparisonOperator LT is not valid for BOOL AttributeValue type");
        assertValidation(() -> Legacy.expected(value("{'a':{'Exists':false,'Value':{'N':'1'}}}"), null),
                "One or more parameter values were invalid: Cannot expect an attribute to have a specified value while expecting it to not exist");
    }

    @Test
    void keyConditionsAndAttributesToGet() {
        KeyCondition k = Legacy.keyConditions(value("""
                {'pk':{'ComparisonOperator':'EQ','AttributeValueList':[{'S':'a'}]},
                 'sk':{'ComparisonOperator':'BEGINS_WITH','AttributeValueList':[{'S':'x'}]}}"""), "pk", "S", "sk", "S");
        assertThat(k.sortOp()).isEqualTo(KeyCondition.Op.BEGINS_WITH);
        assertThat(k.matchesSort(value("{'S':'xy'}"))).isTrue();
        assertValidation(() -> Legacy.keyConditions(value("{'pk':{'ComparisonOperator':'NE','AttributeValueList':[{'S':'a'}]}}"),
                "pk", "S", null, null), "Attempted conditional constraint is not an indexable operation");
        assertThat(Legacy.attributesToGet(Json.MAPPER.createArrayNode().add("a").add("q")).apply(ITEM))
                .isEqualTo(item("{'a':{'N':'5'}}"));
    }
}
