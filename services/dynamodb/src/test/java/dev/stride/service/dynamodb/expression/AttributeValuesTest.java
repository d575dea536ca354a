package dev.stride.service.dynamodb.expression;

import static dev.stride.service.dynamodb.expression.Json.assertValidation;
import static dev.stride.service.dynamodb.expression.Json.item;
import static dev.stride.service.dynamodb.expression.Json.value;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class AttributeValuesTest {
    @Test
    void keysOrderAsDynamoDbSortsThem() {
        assertThat(AttributeValues.compareKeys(value("{'N':'10'}"), value("{'N':'9'}"))).isPositive();
        assertThat(AttributeValues.compareKeys(value("{'N':'1.0'}"), value("{'N':'1'}"))).isZero();
        assertThat(AttributeValues.compareKeys(value("{'S':'B'}"), value("{'S':'a'}"))).isNegative();
        // U+FF5E is below U+1F600 in UTF-8 though above its surrogates in UTF-16
        assertThat(AttributeValues.compareKeys(value("{'S':'\uFF5E'}"), value("{'S':'\uD83D\uDE00'}"))).isNegative();
        assertThat(AttributeValues.compareKeys(value("{'B':'AQ=='}"), value("{'B':'/w=='}"))).isNegative();
        assertThatThrownBy(() -> AttributeValues.compareKeys(value("{'S':'1'}"), value("{'N':'1'}")))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void itemSizeCountsNamesAndValues() {
        assertThat(AttributeValues.itemSize(item("{'ab':{'S':'héllo'}}"))).isEqualTo(2 + 6);
        assertThat(AttributeValues.itemSize(item("{'n':{'N':'123.45'}}"))).isEqualTo(1 + 3 + 1);
        assertThat(AttributeValues.itemSize(item("{'n':{'N':'1000'}}"))).isEqualTo(1 + 1 + 1);
        assertThat(AttributeValues.itemSize(item("{'b':{'B':'AQID'}, 't':{'BOOL':true}, 'z':{'NULL':true}}"))).isEqualTo(1 + 3 + 1 + 1 + 1 + 1);
        assertThat(AttributeValues.itemSize(item("{'l':{'L':[{'S':'ab'},{'N':'1'}]}}"))).isEqualTo(1 + 3 + (1 + 2) + (1 + 2));
        assertThat(AttributeValues.itemSize(item("{'m':{'M':{'k':{'S':'ab'}}}}"))).isEqualTo(1 + 3 + 1 + 1 + 2);
        assertThat(AttributeValues.itemSize(item("{'s':{'SS':['ab','c']}}"))).isEqualTo(1 + 3);
    }

    @Test
    void malformedValuesAreRefused() {
        assertValidation(() -> AttributeValues.validate(value("{}"), "a"),
                "Supplied AttributeValue is empty, must contain exactly one of the supported datatypes");
        assertValidation(() -> AttributeValues.validate(value("{'S':'a','N':'1'}"), "a"),
                "Supplied AttributeValue has more than one datatypes set, must contain exactly one of the supported datatypes");
        assertValidation(() -> AttributeValues.validate(value("{'SS':[]}"), "a"),
                "One or more parameter values were invalid: An string set  may not be empty");
        assertValidation(() -> AttributeValues.validate(value("{'NS':[]}"), "a"),
                "One or more parameter values were invalid: An number set  may not be empty");
        assertValidation(() -> AttributeValues.validate(value("{'SS':['a','a']}"), "a"),
                "One or more parameter values were invalid: Input collection [a, a] contains duplicates.");
        assertValidation(() -> AttributeValues.validate(value("{'NS':['1','1.0']}"), "a"),
                "One or more parameter values were invalid: Input collection [1, 1.0] contains duplicates.");
        assertValidation(() -> AttributeValues.validate(value("{'N':'abc'}"), "a"),
                "The parameter cannot be converted to a numeric value: abc");
        assertValidation(() -> AttributeValues.validate(value("{'N':'1E126'}"), "a"),
                "Number overflow. Attempting to store a number with magnitude larger than supported range");
        assertValidation(() -> AttributeValues.validate(value("{'N':'1E-131'}"), "a"),
                "Number underflow. Attempting to store a number with magnitude smaller than supported range");
        assertValidation(() -> AttributeValues.validate(value("{'N':'1.23456789012345678901234567890123456789'}"), "a"),
                "Attempting to store more than 38 significant digits in a Number");
        assertValidation(() -> AttributeValues.validate(value("{'L':[{'NULL':false}]}"), "a"),
                "One or more parameter values were invalid: Null attribute value types must have the value of true");
        assertValidation(() -> AttributeValues.validate(value("{'BS':[]}"), ":v"),
                "ExpressionAttributeValues contains invalid value: One or more parameter values were invalid: An binary set  may not be empty for key :v");
    }

    @Test
    void wellFormedValuesPass() {
        AttributeValues.validate(value("{'M':{'a':{'L':[{'N':'-1.5E-10'},{'SS':['a','b']},{'S':''}]}}}"), "a");
        AttributeValues.validate(value("{'N':'9.9999999999999999999999999999999999999E+125'}"), "a");
    }
}
