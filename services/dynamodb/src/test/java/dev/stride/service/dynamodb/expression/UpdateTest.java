package dev.stride.service.dynamodb.expression;

import static dev.stride.service.dynamodb.expression.Json.assertValidation;
import static dev.stride.service.dynamodb.expression.Json.context;
import static dev.stride.service.dynamodb.expression.Json.item;
import static dev.stride.service.dynamodb.expression.Json.values;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

class UpdateTest {
    private static final String ITEM = """
            {'pk':{'S':'k'}, 'n':{'N':'5'}, 's':{'S':'x'}, 'ss':{'SS':['a','b']},
             'l':{'L':[{'N':'0'},{'N':'1'},{'N':'2'},{'N':'3'}]}, 'm':{'M':{'k':{'S':'v'}}}}""";

    private static ObjectNode apply(String expression, String values) {
        return Update.parse(expression, values(values)).apply(item(ITEM));
    }

    @Test
    void setWritesValuesAndArithmeticReadsTheOldItem() {
        ObjectNode out = apply("SET a = :v, n = n + :one, b = n - :one", "{':v':{'S':'new'}, ':one':{'N':'1.5'}}");
        assertThat(out.get("a")).isEqualTo(Json.value("{'S':'new'}"));
        assertThat(out.get("n")).isEqualTo(Json.value("{'N':'6.5'}"));
        assertThat(out.get("b")).isEqualTo(Json.value("{'N':'3.5'}"));
    }

    @Test
    void theInputItemIsNotModified() {
        ObjectNode before = item(ITEM);
        Update.parse("SET m.k = :v REMOVE l[0]", values("{':v':{'N':'1'}}")).apply(before);
        assertThat(before).isEqualTo(item(ITEM));
    }

    @Test
    void setSwapsBecauseEverySetReadsTheOriginal() {
        ObjectNode out = apply("SET n = s, s = n", null);
        assertThat(out.get("n")).isEqualTo(Json.value("{'S':'x'}"));
        assertThat(out.get("s")).isEqualTo(Json.value("{'N':'5'}"));
    }

    @Test
    void ifNotExistsAndListAppend() {
        ObjectNode out = apply("SET n = if_not_exists(n, :z), c = if_not_exists(c, :z), l = list_append(l, :more), f = list_append(:more, l)",
                "{':z':{'N':'0'}, ':more':{'L':[{'S':'end'}]}}");
        assertThat(out.get("n")).isEqualTo(Json.value("{'N':'5'}"));
        assertThat(out.get("c")).isEqualTo(Json.value("{'N':'0'}"));
        assertThat(out.get("l").get("L")).hasSize(5);
        assertThat(out.get("l").get("L").get(4)).isEqualTo(Json.value("{'S':'end'}"));
        assertThat(out.get("f").get("L").get(0)).isEqualTo(Json.value("{'S':'end'}"));
    }

    @Test
    void nestedSetAndIndexBeyondTheEndAppends() {
        ObjectNode out = apply("SET m.q = :v, l[1] = :v, l[10] = :v", "{':v':{'BOOL':true}}");
        assertThat(out.get("m").get("M").get("q")).isEqualTo(Json.value("{'BOOL':true}"));
        assertThat(out.get("l").get("L")).hasSize(5);
        assertThat(out.get("l").get("L").get(1)).isEqualTo(Json.value("{'BOOL':true}"));
        assertThat(out.get("l").get("L").get(4)).isEqualTo(Json.value("{'BOOL':true}"));
    }

    @Test
    void removeShiftsListElementsAndRemovesIndexesOfTheOriginalList() {
        ObjectNode out = apply("REMOVE l[0], l[2], s, nothing, m.k", null);
        assertThat(out.get("l")).isEqualTo(Json.value("{'L':[{'N':'1'},{'N':'3'}]}"));
        assertThat(out.has("s")).isFalse();
        assertThat(out.get("m")).isEqualTo(Json.value("{'M':{}}"));
    }

    @Test
    void addNumbersAndSetsAndCreatesMissingAttributes() {
        ObjectNode out = apply("ADD n :two, ss :more, fresh :two, fs :more", "{':two':{'N':'2'}, ':more':{'SS':['b','c']}}");
        assertThat(out.get("n")).isEqualTo(Json.value("{'N':'7'}"));
        assertThat(out.get("ss")).isEqualTo(Json.value("{'SS':['a','b','c']}"));
        assertThat(out.get("fresh")).isEqualTo(Json.value("{'N':'2'}"));
        assertThat(out.get("fs")).isEqualTo(Json.value("{'SS':['b','c']}"));
    }

    @Test
    void deleteTakesElementsAwayAndAnEmptiedSetDisappears() {
        assertThat(apply("DELETE ss :a", "{':a':{'SS':['a','z']}}").get("ss")).isEqualTo(Json.value("{'SS':['b']}"));
        assertThat(apply("DELETE ss :ab", "{':ab':{'SS':['a','b']}}").has("ss")).isFalse();
        assertThat(apply("DELETE nothing :ab", "{':ab':{'SS':['a','b']}}").has("nothing")).isFalse();
    }

    @Test
    void clausesCombineInAnyOrderAndKeywordsAnyCase() {
        ObjectNode out = apply("remove s add n :one set a = :one delete ss :x", "{':one':{'N':'1'}, ':x':{'SS':['a']}}");
        assertThat(out.has("s")).isFalse();
        assertThat(out.get("n")).isEqualTo(Json.value("{'N':'6'}"));
        assertThat(out.get("a")).isEqualTo(Json.value("{'N':'1'}"));
        assertThat(out.get("ss")).isEqualTo(Json.value("{'SS':['b']}"));
    }

    @Test
    void touchedAttributesAreTheTopLevelNames() {
        Update u = Update.parse("SET m.k = :v, #p = :v REMOVE l[1] ADD c :v", context("{':v':{'N':'1'}}", "{'#p':'pk'}"));
        assertThat(u.touchedAttributes()).containsExactly("m", "pk", "l", "c");
    }

    @Test
    void runTimeTypeErrors() {
        assertValidation(() -> apply("SET s = s + :one", "{':one':{'N':'1'}}"),
                "An operand in the update expression has an incorrect data type");
        assertValidation(() -> apply("SET x = list_append(s, :l)", "{':l':{'L':[]}}"),
                "An operand in the update expression has an incorrect data type");
        assertValidation(() -> apply("ADD s :one", "{':one':{'N':'1'}}"),
                "An operand in the update expression has an incorrect data type");
        assertValidation(() -> apply("SET x = absent + :one", "{':one':{'N':'1'}}"),
                "The provided expression refers to an attribute that does not exist in the item");
        assertValidation(() -> apply("SET absent.k = :one", "{':one':{'N':'1'}}"),
                "The document path provided in the update expression is invalid for update");
        assertValidation(() -> apply("SET s[0] = :one", "{':one':{'N':'1'}}"),
                "The document path provided in the update expression is invalid for update");
    }

    @Test
    void parseTimeErrors() {
        assertValidation(() -> Update.parse("SET a = :v SET b = :v", values("{':v':{'N':'1'}}")),
                "Invalid UpdateExpression: The \"SET\" section can only be used once in an update expression;");
        assertValidation(() -> Update.parse("SET a = :v, a.b = :v", values("{':v':{'N':'1'}}")),
                "Invalid UpdateExpression: Two document paths overlap with each other; must remove or rewrite one of these paths; path one: [a], path two: [a, b]");
        assertValidation(() -> Update.parse("SET a.b = :v REMOVE a[0]", values("{':v':{'N':'1'}}")),
                "Invalid UpdateExpression: Two document paths conflict with each other; must remove or rewrite one of these paths; path one: [a, b], path two: [a, [0]]");
        assertValidation(() -> Update.parse("ADD hits : incr", values("{':incr':{'N':'1'}}")),
                "Invalid UpdateExpression: Syntax error; token: \":\", near: \"hits : incr\"");
        assertValidation(() -> Update.parse("INVALID SYNTAX HERE", values(null)),
                "Invalid UpdateExpression: Syntax error; token: \"INVALID\", near: \"INVALID SYNTAX\"");
        assertValidation(() -> Update.parse("ADD a :s", values("{':s':{'S':'x'}}")),
                "Invalid UpdateExpression: Incorrect operand type for operator or function; operator: ADD, operand type: STRING");
        assertValidation(() -> Update.parse("SET a = list_append(a, :m)", values("{':m':{'M':{}}}")),
                "Invalid UpdateExpression: Incorrect operand type for operator or function; operator or function: list_append, operand type: M");
        assertValidation(() -> Update.parse("SET a = size(b)", values(null)),
                "Invalid UpdateExpression: The function is not allowed in an update expression; function: size");
        assertValidation(() -> Update.parse("SET #a = :v", values("{':v':{'N':'1'}}")),
                "Invalid UpdateExpression: An expression attribute name used in the document path is not defined; attribute name: #a");
    }
}
