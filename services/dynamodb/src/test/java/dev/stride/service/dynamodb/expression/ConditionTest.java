package dev.stride.service.dynamodb.expression;

import static dev.stride.service.dynamodb.expression.Json.assertValidation;
import static dev.stride.service.dynamodb.expression.Json.context;
import static dev.stride.service.dynamodb.expression.Json.item;
import static dev.stride.service.dynamodb.expression.Json.values;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class ConditionTest {
    private static final ObjectNode ITEM = item("""
            {'id':{'S':'abc'}, 'n':{'N':'10.50'}, 'b':{'B':'AQID'}, 'ok':{'BOOL':true}, 'nil':{'NULL':true},
             'ss':{'SS':['x','y']}, 'ns':{'NS':['1','2.0']}, 'l':{'L':[{'S':'p'},{'N':'7'},{'L':[{'S':'deep'}]}]},
             'm':{'M':{'k':{'S':'v'}, 'nest':{'M':{'z':{'N':'3'}}}}}, 'name':{'S':'reserved'}}""");

    private static boolean test(String expression, String values) {
        return Condition.parse(expression, values(values), "ConditionExpression").test(ITEM);
    }

    private static boolean test(String expression, String values, String names) {
        return Condition.parse(expression, context(values, names), "ConditionExpression").test(ITEM);
    }

    @Nested
    class Comparisons {
        @Test
        void numbersCompareByValueNotText() {
            assertThat(test("n = :v", "{':v':{'N':'10.5'}}")).isTrue();
            assertThat(test("n < :v", "{':v':{'N':'9E1'}}")).isTrue();
            assertThat(test("n >= :v", "{':v':{'N':'10.500'}}")).isTrue();
            assertThat(test("n > :v", "{':v':{'N':'10.51'}}")).isFalse();
        }

        @Test
        void stringsCompareByUtf8Bytes() {
            assertThat(test("id < :v", "{':v':{'S':'abd'}}")).isTrue();
            assertThat(test("id <> :v", "{':v':{'S':'abc'}}")).isFalse();
        }

        @Test
        void differentTypesAreUnequalAndUnordered() {
            assertThat(test("n = :v", "{':v':{'S':'10.5'}}")).isFalse();
            assertThat(test("n <> :v", "{':v':{'S':'10.5'}}")).isTrue();
            assertThat(test("n < :v", "{':v':{'S':'zzz'}}")).isFalse();
            assertThat(test("n > :v", "{':v':{'S':'0'}}")).isFalse();
        }

        @Test
        void aMissingAttributeIsNeitherEqualNorOrdered() {
            assertThat(test("absent = :v", "{':v':{'S':'x'}}")).isFalse();
            assertThat(test("absent < :v", "{':v':{'S':'x'}}")).isFalse();
            assertThat(test("absent <> :v", "{':v':{'S':'x'}}")).isTrue();
        }

        @Test
        void setsAreEqualInAnyOrderAndNumberSetsByValue() {
            assertThat(test("ss = :v", "{':v':{'SS':['y','x']}}")).isTrue();
            assertThat(test("ns = :v", "{':v':{'NS':['2','1.00']}}")).isTrue();
            assertThat(test("ss = :v", "{':v':{'SS':['x']}}")).isFalse();
        }

        @Test
        void listsAndMapsCompareDeeply() {
            assertThat(test("l[2] = :v", "{':v':{'L':[{'S':'deep'}]}}")).isTrue();
            assertThat(test("m.nest = :v", "{':v':{'M':{'z':{'N':'3.0'}}}}")).isTrue();
            assertThat(test("m.nest = :v", "{':v':{'M':{'z':{'N':'4'}}}}")).isFalse();
        }

        @Test
        void binariesCompareAsUnsignedBytes() {
            assertThat(test("b < :v", "{':v':{'B':'/w=='}}")).isTrue(); // 0xFF is above 0x01
            assertThat(test("b = :v", "{':v':{'B':'AQID'}}")).isTrue();
        }

        @Test
        void betweenIsInclusive() {
            assertThat(test("n BETWEEN :a AND :b", "{':a':{'N':'10.5'}, ':b':{'N':'11'}}")).isTrue();
            assertThat(test("n between :a and :b", "{':a':{'N':'1'}, ':b':{'N':'10.5'}}")).isTrue();
            assertThat(test("n BETWEEN :a AND :b", "{':a':{'N':'11'}, ':b':{'N':'12'}}")).isFalse();
        }

        @Test
        void inMatchesAnyOption() {
            assertThat(test("id IN (:a, :b)", "{':a':{'S':'q'}, ':b':{'S':'abc'}}")).isTrue();
            assertThat(test("id IN (:a)", "{':a':{'S':'q'}}")).isFalse();
        }
    }

    @Nested
    class Paths {
        @Test
        void nestedAndIndexedPathsReachInside() {
            assertThat(test("m.nest.z = :v", "{':v':{'N':'3'}}")).isTrue();
            assertThat(test("l[2][0] = :v", "{':v':{'S':'deep'}}")).isTrue();
            assertThat(test("l[9] = :v", "{':v':{'S':'deep'}}")).isFalse();
            assertThat(test("m[0] = :v", "{':v':{'S':'v'}}")).isFalse();
        }

        @Test
        void placeholdersStandForNamesIncludingReservedOnesAndDots() {
            assertThat(test("#n = :v", "{':v':{'S':'reserved'}}", "{'#n':'name'}")).isTrue();
            assertThat(test("#m.#k = :v", "{':v':{'S':'v'}}", "{'#m':'m', '#k':'k'}")).isTrue();
        }
    }

    @Nested
    class Logic {
        @Test
        void notBindsTighterThanAndWhichBindsTighterThanOr() {
            String v = "{':t':{'BOOL':true}, ':f':{'BOOL':false}}";
            assertThat(test("ok = :t OR ok = :f AND ok = :f", v)).isTrue();
            assertThat(test("(ok = :t OR ok = :f) AND ok = :f", v)).isFalse();
            assertThat(test("NOT ok = :f AND ok = :t", v)).isTrue();
            assertThat(test("NOT (ok = :t AND ok = :t) OR ok = :t", v)).isTrue();
        }
    }

    @Nested
    class Functions {
        @Test
        void existenceAndType() {
            assertThat(test("attribute_exists(m.k) AND attribute_not_exists(m.q)", null)).isTrue();
            assertThat(test("attribute_type(ns, :t)", "{':t':{'S':'NS'}}")).isTrue();
            assertThat(test("attribute_type(nil, :t)", "{':t':{'S':'NULL'}}")).isTrue();
            assertThat(test("attribute_type(ns, :t)", "{':t':{'S':'SS'}}")).isFalse();
        }

        @Test
        void beginsWithOnStringsAndBinaries() {
            assertThat(test("begins_with(id, :p)", "{':p':{'S':'ab'}}")).isTrue();
            assertThat(test("begins_with(b, :p)", "{':p':{'B':'AQ=='}}")).isTrue();
            assertThat(test("begins_with(n, :p)", "{':p':{'S':'1'}}")).isFalse();
        }

        @Test
        void containsIsSubstringSetMemberOrListElement() {
            assertThat(test("contains(id, :p)", "{':p':{'S':'bc'}}")).isTrue();
            assertThat(test("contains(ss, :p)", "{':p':{'S':'y'}}")).isTrue();
            assertThat(test("contains(ns, :p)", "{':p':{'N':'2'}}")).isTrue();
            assertThat(test("contains(ss, :p)", "{':p':{'N':'2'}}")).isFalse();
            assertThat(test("contains(l, :p)", "{':p':{'N':'7.0'}}")).isTrue();
        }

        @Test
        void sizeCountsCharactersBytesAndElements() {
            assertThat(test("size(id) = :v", "{':v':{'N':'3'}}")).isTrue();
            assertThat(test("size(b) = :v", "{':v':{'N':'3'}}")).isTrue();
            assertThat(test("size(l) = :v AND size(m) = :v", "{':v':{'N':'3'}}")).isFalse();
            assertThat(test("size(l) = :v", "{':v':{'N':'3'}}")).isTrue();
            assertThat(test("size(ss) > size(ns)", null)).isFalse();
            assertThat(test("size(n) = :v", "{':v':{'N':'3'}}")).isFalse();
        }
    }

    @Test
    void aNonexistentItemFailsPositiveTests() {
        Condition c = Condition.parse("attribute_not_exists(id)", values(null), "ConditionExpression");
        assertThat(c.test(null)).isTrue();
    }

    @Nested
    class Errors {
        private void refused(String expression, String values, String names, String message) {
            assertValidation(() -> Condition.parse(expression, context(values, names), "ConditionExpression"), message);
        }

        @Test
        void syntaxErrorsNameTheTokenAndItsNeighbours() {
            refused("a = :v AND", "{':v':{'N':'1'}}", null, "Invalid ConditionExpression: Syntax error; token: \"<EOF>\", near: \"AND\"");
            refused("a x b", null, null, "Invalid ConditionExpression: Syntax error; token: \"x\", near: \"a x b\"");
            refused("#a", null, "{'#a':'a'}", "Invalid ConditionExpression: Syntax error; token: \"<EOF>\", near: \"#a\"");
            refused("a = : v", null, null, "Invalid ConditionExpression: Syntax error; token: \":\", near: \"= : v\"");
        }

        @Test
        void theParameterNamesTheExpression() {
            assertValidation(() -> Condition.parse("a =", values(null), "FilterExpression"),
                    "Invalid FilterExpression: Syntax error; token: \"<EOF>\", near: \"=\"");
        }

        @Test
        void emptyExpressionsAreRefused() {
            refused("  ", null, null, "Invalid ConditionExpression: The expression can not be empty;");
        }

        @Test
        void undefinedPlaceholders() {
            refused("a = :x", null, null,
                    "Invalid ConditionExpression: An expression attribute value used in expression is not defined; attribute value: :x");
            refused("#x = :v", "{':v':{'N':'1'}}", null,
                    "Invalid ConditionExpression: An expression attribute name used in the document path is not defined; attribute name: #x");
        }

        @Test
        void reservedWordsAreRefusedBeforeUndefinedPlaceholders() {
            refused("name = :x", null, null, "Invalid ConditionExpression: Attribute name is a reserved keyword; reserved keyword: name");
            refused("a.Size = :x", null, null, "Invalid ConditionExpression: Attribute name is a reserved keyword; reserved keyword: Size");
        }

        @Test
        void functionsAreCheckedForNameArityAndPlace() {
            refused("foo(a)", null, null, "Invalid ConditionExpression: Invalid function name; function: foo");
            refused("attribute_exists(a, b)", null, null,
                    "Invalid ConditionExpression: Incorrect number of operands for operator or function; operator or function: attribute_exists, number of operands: 2");
            refused("size(a)", null, null,
                    "Invalid ConditionExpression: The function is not allowed to be used this way in an expression; function: size");
            refused("attribute_exists(a) = :v", "{':v':{'N':'1'}}", null,
                    "Invalid ConditionExpression: The function is not allowed to be used this way in an expression; function: attribute_exists");
            refused("begins_with(a, :v)", "{':v':{'N':'1'}}", null,
                    "Invalid ConditionExpression: Incorrect operand type for operator or function; operator or function: begins_with, operand type: N");
            refused("attribute_type(a, :v)", "{':v':{'S':'STRING'}}", null,
                    "Invalid ConditionExpression: Invalid attribute type name found; type: STRING, valid types: { B,NULL,SS,BOOL,L,BS,N,NS,S,M }");
        }

        @Test
        void betweenBoundsMustBeInOrder() {
            refused("a BETWEEN :hi AND :lo", "{':hi':{'N':'5'}, ':lo':{'N':'1'}}", null,
                    "Invalid ConditionExpression: The BETWEEN operator requires upper bound to be greater than or equal to lower bound; "
                            + "lower bound operand: AttributeValue: {N:5}, upper bound operand: AttributeValue: {N:1}");
        }

        @Test
        void theSamePathOnBothSidesIsRefused() {
            refused("contains(a, a)", null, null,
                    "Invalid ConditionExpression: The first operand must be distinct from the remaining operands for this operator or function; operator: contains, first operand: [a]");
        }

        @Test
        void redundantParenthesesAreRefused() {
            refused("((a = :v))", "{':v':{'N':'1'}}", null, "Invalid ConditionExpression: The expression has redundant parentheses;");
        }

        @Test
        void syntaxErrorsComeBeforeOtherProblems() {
            refused("name = :x AND", null, null, "Invalid ConditionExpression: Syntax error; token: \"<EOF>\", near: \"AND\"");
        }

        @Test
        void malformedValuesAreRefusedWithTheirKey() {
            refused("a = :v", "{':v':{'SS':[]}}", null,
                    "ExpressionAttributeValues contains invalid value: One or more parameter values were invalid: An string set  may not be empty for key :v");
        }
    }
}
