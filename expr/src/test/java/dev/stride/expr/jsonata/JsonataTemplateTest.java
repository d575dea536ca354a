package dev.stride.expr.jsonata;

import com.fasterxml.jackson.databind.JsonNode;
import dev.stride.expr.Json;
import dev.stride.expr.StatesError;
import dev.stride.expr.VariableLookup;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class JsonataTemplateTest {
    private static final JsonNode STATES = Json.parse("{\"input\":{\"a\":1,\"list\":[1,2]},\"context\":{\"State\":{\"Name\":\"S\"}}}");

    private static JsonNode eval(String template, String field) {
        return JsonataTemplate.compile(Json.parse(template), field)
                .evaluate(STATES, name -> name.equals("v") ? Json.parse("\"var\"") : null, EvaluationBudget.DEFAULT);
    }

    private static String causeOf(String template, String field) {
        try {
            eval(template, field);
        } catch (StatesError e) {
            assertThat(e.error()).isEqualTo("States.QueryEvaluationError");
            return e.cause();
        }
        throw new AssertionError("no error");
    }

    @Test
    void onlyExactlyFramedStringsAreExpressions() {
        assertThat(Jsonata.isExpression("{% 1 %}")).isTrue();
        assertThat(Jsonata.isExpression("{%1%}")).isTrue();
        assertThat(Jsonata.isExpression(" {% 1 %}")).isFalse();
        assertThat(Jsonata.isExpression("{% 1 %} ")).isFalse();
        assertThat(Jsonata.isExpression("{% 1")).isFalse();
        assertThat(Jsonata.isExpression("{%}")).isFalse();
        assertThat(Jsonata.isExpression(null)).isFalse();
    }

    @Test
    void aTemplateWithoutExpressionsIsConstantAndReturnedAsIs() {
        JsonataTemplate t = JsonataTemplate.compile(Json.parse("{\"a\":[1,\" {% 1 %}\"],\"b\":null}"), "Output");
        assertThat(t.isConstant()).isTrue();
        assertThat(Json.write(t.evaluate(STATES, VariableLookup.NONE, EvaluationBudget.DEFAULT)))
                .isEqualTo("{\"a\":[1,\" {% 1 %}\"],\"b\":null}");
    }

    @Test
    void expressionsAtAnyDepthAreEvaluatedAndLiteralsKept() {
        JsonataTemplate t = JsonataTemplate.compile(Json.parse(
                "{\"x\":\"{% $states.input.a + 1 %}\",\"lit\":\"plain\",\"nested\":{\"arr\":[\"{% $v %}\",2,{\"n\":\"{% null %}\"}]},"
                        + "\"name\":\"{% $states.context.State.Name %}\"}"), "Arguments");
        assertThat(t.isConstant()).isFalse();
        assertThat(Json.write(t.evaluate(STATES, name -> name.equals("v") ? Json.parse("\"var\"") : null, EvaluationBudget.DEFAULT)))
                .isEqualTo("{\"x\":2,\"lit\":\"plain\",\"nested\":{\"arr\":[\"var\",2,{\"n\":null}]},\"name\":\"S\"}");
        assertThat(Json.write(eval("\"{% $states.input.list %}\"", "Items"))).isEqualTo("[1,2]");
    }

    @Test
    void undefinedResultsFailWithTheFieldPath() {
        assertThat(causeOf("{\"result\":\"{% $doesNotExist %}\"}", "Assign")).isEqualTo(
                "The JSONata expression '$doesNotExist' specified for the field 'Assign/result' returned nothing (undefined).");
        assertThat(causeOf("\"{% $doesNotExist %}\"", "Output")).isEqualTo(
                "The JSONata expression '$doesNotExist' specified for the field 'Output' returned nothing (undefined).");
        assertThat(causeOf("{\"result\":\"{% $doesNotExist %}\"}", "Output")).isEqualTo(
                "The JSONata expression '$doesNotExist' specified for the field 'Output/result' returned nothing (undefined).");
    }

    @Test
    void functionResultsAreUnsupported() {
        assertThat(causeOf("\"{% $fn := function($x){$x} %}\"", "Items")).isEqualTo(
                "The JSONata expression '$fn := function($x){$x}' specified for the field 'Items' returned an unsupported result type.");
    }

    @Test
    void evaluationErrorsNameTheFieldAndTheJsonataError() {
        assertThat(causeOf("{\"FunctionResult\":\"{% $randomSeeded($states.input.FunctionInput.fst) %}\"}", "Output"))
                .isEqualTo("The JSONata expression '$randomSeeded($states.input.FunctionInput.fst)' specified for the field "
                        + "'Output/FunctionResult' threw an error during evaluation. T1006: Attempted to invoke a non-function");
        assertThat(causeOf("{\"a\":[0,\"{% 1 + 'x' %}\"]}", "Output")).isEqualTo(
                "The JSONata expression '1 + 'x'' specified for the field 'Output/a/1' threw an error during evaluation. "
                        + "T2002: The right side of the \"+\" operator must evaluate to a number");
    }

    @Test
    void aSyntaxErrorIsReportedAtCompileTimeWithTheFieldPath() {
        assertThatThrownBy(() -> JsonataTemplate.compile(Json.parse("{\"a\":\"{% 1 + %}\"}"), "Output"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("The JSONata expression '1 +' specified for the field 'Output/a' is invalid: "
                        + "S0207: Unexpected end of expression (position 3)");
    }
}
