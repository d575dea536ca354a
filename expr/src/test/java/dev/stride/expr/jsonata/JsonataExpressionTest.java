package dev.stride.expr.jsonata;

import com.fasterxml.jackson.databind.JsonNode;
import dev.stride.expr.Json;
import dev.stride.expr.StatesError;
import dev.stride.expr.VariableLookup;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Expectations are jsonata-js 2.0.6 results (checked with the oracle), written as literal JSON. */
class JsonataExpressionTest {
    private static final JsonNode STATES = Json.parse(
            "{\"input\":{\"a\":1,\"n\":null,\"arr\":[1,2,3],\"s\":\"hi\",\"dbl\":2.0,\"big\":12345678901234567890}}");

    private static JsonNode eval(String expr) {
        return JsonataExpression.compile(expr).evaluate(STATES, VariableLookup.NONE, EvaluationBudget.DEFAULT);
    }

    private static String evalJson(String expr) {
        JsonNode v = eval(expr);
        return v == null ? "undefined" : Json.write(v);
    }

    private static String causeOf(String expr) {
        try {
            eval(expr);
        } catch (StatesError e) {
            assertThat(e.error()).isEqualTo("States.QueryEvaluationError");
            return e.cause();
        }
        throw new AssertionError("no error for " + expr);
    }

    @Test
    void statesInputFieldsAreReadableAndArithmeticKeepsIntegersIntegral() {
        assertThat(evalJson("$states.input.a + 1")).isEqualTo("2");
        assertThat(evalJson("$states.input.dbl")).isEqualTo("2");
        assertThat(evalJson("$x := 2.0")).isEqualTo("2");
        assertThat(evalJson("10 / 4")).isEqualTo("2.5");
        assertThat(evalJson("3 * 1.5")).isEqualTo("4.5");
        assertThat(evalJson("$sum([1.5, 2.5])")).isEqualTo("4");
        assertThat(evalJson("0.1 + 0.2")).isEqualTo("0.30000000000000004");
        assertThat(evalJson("$states.input.big")).isEqualTo("12345678901234567000");
        assertThat(evalJson("-0")).isEqualTo("0");
    }

    @Test
    void jsonNullStaysNullAndUndefinedIsJavaNull() {
        assertThat(evalJson("$states.input.n")).isEqualTo("null");
        assertThat(evalJson("null")).isEqualTo("null");
        assertThat(evalJson("$states.input.nothing")).isEqualTo("undefined");
        assertThat(evalJson("$states.input.nothing.deeper")).isEqualTo("undefined");
        assertThat(evalJson("{\"a\": 1, \"c\": null, \"d\": $states.input.n, \"e\": $states.input.nothing}"))
                .isEqualTo("{\"a\":1,\"c\":null,\"d\":null}");
        assertThat(evalJson("[1, $undefinedvar, 3]")).isEqualTo("[1,3]");
        assertThat(evalJson("$type(null)")).isEqualTo("\"null\"");
        assertThat(evalJson("$exists($states.input.n)")).isEqualTo("true");
        assertThat(evalJson("\"a\" & 1 & null & true")).isEqualTo("\"a1nulltrue\"");
        assertThat(evalJson("$string({\"a\": [1, 2.0, null]})")).isEqualTo("\"{\\\"a\\\":[1,2,null]}\"");
    }

    @Test
    void sequencesAndArraysFollowJsonata() {
        assertThat(evalJson("$states.input.arr[$ > 1]")).isEqualTo("[2,3]");
        assertThat(evalJson("$states.input.arr[0]")).isEqualTo("1");
        assertThat(evalJson("$states.input.arr[-1]")).isEqualTo("3");
        assertThat(evalJson("[[1]]")).isEqualTo("[[1]]");
        assertThat(evalJson("[1]")).isEqualTo("[1]");
        assertThat(evalJson("$map($states.input.arr, function($v){$v * 2})")).isEqualTo("[2,4,6]");
        assertThat(evalJson("$states.input.arr.$string()")).isEqualTo("[\"1\",\"2\",\"3\"]");
        assertThat(evalJson("$zip([1,2],[3,4])")).isEqualTo("[[1,3],[2,4]]");
        assertThat(evalJson("$merge([{\"a\":1},{\"b\":2}])")).isEqualTo("{\"a\":1,\"b\":2}");
    }

    @Test
    void variablesAreLookedUpLazilyAndOnlyWhenReferenced() {
        List<String> asked = new ArrayList<>();
        Map<String, JsonNode> vars = Map.of("x", Json.parse("{\"y\":[1,2]}"), "unused", Json.parse("1"),
                "nul", Json.parse("null"));
        VariableLookup lookup = name -> {
            asked.add(name);
            return vars.get(name);
        };
        JsonataExpression e = JsonataExpression.compile("$sum($x.y) + $states.input.a & ($nul = null ? 'N' : '') ");
        assertThat(Json.write(e.evaluate(STATES, lookup, EvaluationBudget.DEFAULT))).isEqualTo("\"4N\"");
        assertThat(asked).containsExactlyInAnyOrder("sum", "x", "nul");
        assertThat(asked).doesNotContain("unused", "states");
    }

    @Test
    void anUndefinedVariableIsUndefinedAndLocalBindingsShadowWorkflowVariables() {
        VariableLookup lookup = name -> name.equals("v") ? Json.parse("10") : null;
        assertThat(JsonataExpression.compile("$doesNotExist").evaluate(STATES, lookup, EvaluationBudget.DEFAULT)).isNull();
        assertThat(Json.write(JsonataExpression.compile("($v := 3; $v + 1)").evaluate(STATES, lookup, EvaluationBudget.DEFAULT)))
                .isEqualTo("4");
        assertThat(Json.write(JsonataExpression.compile("$v * 2").evaluate(STATES, lookup, EvaluationBudget.DEFAULT)))
                .isEqualTo("20");
    }

    @Test
    void typeErrorsUseJsonataJsCodesAndMessagesInAwsWording() {
        assertThat(causeOf("\"a\" + 1")).isEqualTo(
                "The JSONata expression '\"a\" + 1' threw an error during evaluation. T2001: The left side of the \"+\" operator must evaluate to a number");
        assertThat(JsonataExpression.compile("1 + \"a\"").source()).isEqualTo("1 + \"a\"");
        assertThatThrownBy(() -> JsonataExpression.compile("1 + \"a\"")
                .evaluate(STATES, VariableLookup.NONE, EvaluationBudget.DEFAULT, "Output/x"))
                .isInstanceOfSatisfying(StatesError.class, e -> assertThat(e.cause()).isEqualTo(
                        "The JSONata expression '1 + \"a\"' specified for the field 'Output/x' threw an error during evaluation. "
                                + "T2002: The right side of the \"+\" operator must evaluate to a number"));
        assertThat(causeOf("$number(\"abc\")")).endsWith("D3030: Unable to cast value to a number: \"abc\"");
        assertThat(causeOf("$toMillis(\"garbage\")")).endsWith(
                "D3110: The argument of the toMillis function must be an ISO 8601 formatted timestamp. Given \"garbage\"");
        assertThat(causeOf("$decodeUrl(\"%E0%A4%A\")")).endsWith("D3140: Malformed URL passed to $decodeUrl(): \"%E0%A4%A\"");
        assertThat(causeOf("$single([1,2])")).endsWith(
                "D3138: The $single() function expected exactly 1 matching result.  Instead it matched more.");
        assertThat(causeOf("$error(\"boom\")")).endsWith("D3137: boom");
        assertThat(causeOf("$assert(false, \"nope\")")).endsWith("D3141: nope");
        assertThat(causeOf("$abs(\"x\")")).endsWith("T0410: Argument 1 of function \"abs\" does not match function signature");
        assertThat(causeOf("$sqrt(-1)")).endsWith("D3060: The sqrt function cannot be applied to a negative number: -1");
        assertThat(causeOf("$foo(1)")).endsWith("T1006: Attempted to invoke a non-function");
    }

    @Test
    void evalIsNotAvailableAsInAwsAndFailsLikeAnUnknownFunction() {
        assertThat(causeOf("$eval(\"1\")")).isEqualTo(
                "The JSONata expression '$eval(\"1\")' threw an error during evaluation. T1006: Attempted to invoke a non-function");
        assertThat(causeOf("$clone({})")).endsWith("T1006: Attempted to invoke a non-function");
    }

    @Test
    void aSyntaxErrorFailsCompilationWithCodeMessageAndPosition() {
        assertThatThrownBy(() -> JsonataExpression.compile("1 +"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("S0207: Unexpected end of expression (position 3)");
        assertThatThrownBy(() -> JsonataExpression.compile("2 ** 3"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("S0201: Syntax error: \"**\" (position 4)");
    }

    @Test
    void aFunctionResultIsAnUnsupportedResultType() {
        assertThat(causeOf("function($x){$x}")).isEqualTo(
                "The JSONata expression 'function($x){$x}' returned an unsupported result type.");
        assertThat(causeOf("{\"a\": function(){1}}")).endsWith("returned an unsupported result type.");
    }

    @Test
    void awsPartitionChunksAnArray() {
        assertThat(evalJson("$partition([1,2,3,4,5,6,7,8,9], 3)")).isEqualTo("[[1,2,3],[4,5,6],[7,8,9]]");
        assertThat(evalJson("$partition([0,1,2,3], 3)")).isEqualTo("[[0,1,2],[3]]");
        assertThat(evalJson("$partition([0], 1)")).isEqualTo("[[0]]");
        assertThat(evalJson("$partition([0,1], 5)")).isEqualTo("[[0,1]]");
        assertThat(causeOf("$partition([1], 0)")).contains("threw an error during evaluation.");
    }

    @Test
    void awsRangeIsInclusiveAndASingleValueCollapses() {
        assertThat(evalJson("$range(0, 9, 3)")).isEqualTo("[0,3,6,9]");
        assertThat(evalJson("$range(0, 10, 3)")).isEqualTo("[0,3,6,9]");
        assertThat(evalJson("$range(1, 9, 2)")).isEqualTo("[1,3,5,7,9]");
        assertThat(evalJson("$range(1, 9, 9)")).isEqualTo("1");
        assertThat(evalJson("$range(10, 0, -5)")).isEqualTo("[10,5,0]");
        assertThat(evalJson("$range(0, 10, 2)")).isEqualTo("[0,2,4,6,8,10]");
        assertThat(causeOf("$range(0, 1, 0)")).contains("threw an error during evaluation.");
    }

    @Test
    void awsHashSupportsTheFiveAlgorithmsInHex() {
        assertThat(evalJson("$hash('abc', 'MD5')")).isEqualTo("\"900150983cd24fb0d6963f7d28e17f72\"");
        assertThat(evalJson("$hash('abc', 'SHA-1')")).isEqualTo("\"a9993e364706816aba3e25717850c26c9cd0d89d\"");
        assertThat(evalJson("$hash('abc', 'SHA-256')"))
                .isEqualTo("\"ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad\"");
        assertThat(eval("$hash('abc', 'SHA-384')").textValue()).hasSize(96).startsWith("cb00753f45a35e8b");
        assertThat(eval("$hash('abc', 'SHA-512')").textValue()).hasSize(128).startsWith("ddaf35a193617aba");
        assertThat(causeOf("$hash('abc', 'SHA-3')")).contains("threw an error during evaluation.");
    }

    @Test
    void awsParseDeserializesJson() {
        assertThat(evalJson("$parse('-0')")).isEqualTo("0");
        assertThat(evalJson("$parse('1.1')")).isEqualTo("1.1");
        assertThat(evalJson("$parse('\"HelloWorld\"')")).isEqualTo("\"HelloWorld\"");
        assertThat(evalJson("$parse('{\"Arg1\": 1, \"Arg2\": [], \"n\": null}')")).isEqualTo("{\"Arg1\":1,\"Arg2\":[],\"n\":null}");
        assertThat(causeOf("$parse('{')")).contains("threw an error during evaluation.");
    }

    @Test
    void randomnessUuidAndClockAreInjectable() {
        Clock clock = Clock.fixed(Instant.parse("2024-01-02T03:04:05.678Z"), ZoneOffset.UTC);
        JsonataOptions fixed = new JsonataOptions(new SplittableRandom(42), clock);
        JsonataOptions same = new JsonataOptions(new SplittableRandom(42), clock);
        String expr = "[$random(), $uuid(), $now(), $millis()]";
        JsonNode a = JsonataExpression.compile(expr, fixed).evaluate(STATES, VariableLookup.NONE, EvaluationBudget.DEFAULT);
        JsonNode b = JsonataExpression.compile(expr, same).evaluate(STATES, VariableLookup.NONE, EvaluationBudget.DEFAULT);
        assertThat(a).isEqualTo(b);
        assertThat(a.get(0).doubleValue()).isBetween(0.0, 1.0);
        assertThat(a.get(1).textValue()).matches("[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}");
        assertThat(a.get(2).textValue()).isEqualTo("2024-01-02T03:04:05.678Z");
        assertThat(a.get(3).longValue()).isEqualTo(1704164645678L);
        assertThat(evalJson("$random(7) = $random(7)")).isEqualTo("true");
        assertThat(evalJson("$now() = $now()")).isEqualTo("true");
    }
}
