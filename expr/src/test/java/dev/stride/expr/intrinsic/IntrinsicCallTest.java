package dev.stride.expr.intrinsic;

import com.fasterxml.jackson.databind.JsonNode;
import dev.stride.expr.Json;
import dev.stride.expr.Scope;
import dev.stride.expr.StatesError;
import dev.stride.expr.VariableLookup;
import org.junit.jupiter.api.Test;

import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class IntrinsicCallTest {
    private static final JsonNode INPUT = Json.parse("""
            {"s": "a,b", "n": 2.5, "arr": [1, 2, 2, {"k": 1}, {"k": 1}], "obj": {"Arg1": 1, "Arg2": [], "s": "x"},
             "tmpl": "v={}"}""");
    private static final Scope SCOPE = new Scope(INPUT, Json.parse("{\"Execution\":{\"Name\":\"run-1\"}}"), VariableLookup.NONE);
    private static final IntrinsicRuntime RUNTIME = IntrinsicRuntime.of(new Random(7));

    private static JsonNode eval(String call) {
        return IntrinsicCall.compile(call).evaluate(SCOPE, RUNTIME, "f.$");
    }

    private static void assertFailure(String call, String causeFragment) {
        assertThatThrownBy(() -> eval(call)).isInstanceOfSatisfying(StatesError.class, e -> {
            assertThat(e.error()).isEqualTo("States.IntrinsicFailure");
            assertThat(e.cause()).contains(causeFragment);
        });
    }

    @Test
    void formatReplacesPlaceholdersInOrderAndRendersValuesLikeAws() {
        assertThat(eval("States.Format('a {} b {} c {}', $.s, $.n, $.obj)").asText())
                .isEqualTo("a a,b b 2.5 c {Arg1=1, Arg2=[], s=x}");
        assertThat(eval("States.Format('{}', null)").asText()).isEqualTo("null");
        assertThat(eval("States.Format($.tmpl, 3)").asText()).isEqualTo("v=3");
    }

    @Test
    void formatTreatsEscapedBracesAndQuotesAsText() {
        assertThat(eval("States.Format('\\{\\} it\\'s {} \\\\', 1)").asText()).isEqualTo("{} it's 1 \\");
    }

    @Test
    void formatWithMismatchedPlaceholderCountFails() {
        assertFailure("States.Format('{} {}', 1)", "States.Format");
    }

    @Test
    void stringToJsonParsesAndBlankGivesNull() {
        assertThat(eval("States.StringToJson('{\"a\": [1]}')")).isEqualTo(Json.parse("{\"a\":[1]}"));
        assertThat(eval("States.StringToJson(' ')").isNull()).isTrue();
        assertFailure("States.StringToJson('{oops')", "States.StringToJson");
        assertFailure("States.StringToJson(1)", "string");
    }

    @Test
    void jsonToStringRendersCompactJson() {
        assertThat(eval("States.JsonToString($.obj)").asText()).isEqualTo("{\"Arg1\":1,\"Arg2\":[],\"s\":\"x\"}");
    }

    @Test
    void arrayFunctionsFollowAwsRules() {
        assertThat(eval("States.Array(1, 'x', true, null, $.obj.Arg2)")).isEqualTo(Json.parse("[1,\"x\",true,null,[]]"));
        assertThat(eval("States.ArrayPartition($.arr, 2)")).isEqualTo(Json.parse("[[1,2],[2,{\"k\":1}],[{\"k\":1}]]"));
        assertThat(eval("States.ArrayContains($.arr, $.obj.Arg1)").booleanValue()).isTrue();
        assertThat(eval("States.ArrayContains($.arr, 'x')").booleanValue()).isFalse();
        assertThat(eval("States.ArrayRange(1, 9, 2)")).isEqualTo(Json.parse("[1,3,5,7,9]"));
        assertThat(eval("States.ArrayRange(5, 1, -2)")).isEqualTo(Json.parse("[5,3,1]"));
        assertThat(eval("States.ArrayGetItem($.arr, 3)")).isEqualTo(Json.parse("{\"k\":1}"));
        assertThat(eval("States.ArrayLength($.arr)").intValue()).isEqualTo(5);
        assertThat(eval("States.ArrayUnique($.arr)")).isEqualTo(Json.parse("[1,2,{\"k\":1}]"));
    }

    @Test
    void arrayFunctionsRejectBadArguments() {
        assertFailure("States.ArrayPartition($.arr, 0)", "ArrayPartition");
        assertFailure("States.ArrayPartition($.s, 1)", "array");
        assertFailure("States.ArrayRange(0, 10, 0)", "step");
        assertFailure("States.ArrayRange(0, 1000, 1)", "1000");
        assertThat(eval("States.ArrayRange(1, 1000, 1)")).hasSize(1000);
        assertFailure("States.ArrayRange(0, 1.5, 1)", "integer");
        assertFailure("States.ArrayGetItem($.arr, 5)", "out of bounds");
        assertFailure("States.ArrayGetItem($.arr, -1)", "out of bounds");
    }

    @Test
    void base64RoundTripsAndEnforcesLimits() {
        assertThat(eval("States.Base64Encode('Data to encode')").asText()).isEqualTo("RGF0YSB0byBlbmNvZGU=");
        assertThat(eval("States.Base64Decode('RGF0YSB0byBlbmNvZGU=')").asText()).isEqualTo("Data to encode");
        assertFailure("States.Base64Decode('***')", "base64");
        String big = "a".repeat(10_001);
        assertThatThrownBy(() -> IntrinsicCall.compile("States.Base64Encode($.big)")
                .evaluate(new Scope(Json.NODES.objectNode().put("big", big), null, null), RUNTIME, "f.$"))
                .isInstanceOf(StatesError.class).hasMessageContaining("10000");
    }

    @Test
    void hashSupportsTheFiveAlgorithms() {
        assertThat(eval("States.Hash('input data', 'MD5')").asText()).isEqualTo("812f45842bc6d66ee14572ce20db8e86");
        assertThat(eval("States.Hash('input data', 'SHA-1')").asText()).isEqualTo("aaff4a450a104cd177d28d18d74485e8cae074b7");
        assertFailure("States.Hash('x', 'SHA-3')", "SHA-3");
    }

    @Test
    void jsonMergeIsShallowAndRejectsDeep() {
        assertThat(eval("States.JsonMerge($.obj, States.StringToJson('{\"s\":\"y\",\"z\":0}'), false)"))
                .isEqualTo(Json.parse("{\"Arg1\":1,\"Arg2\":[],\"s\":\"y\",\"z\":0}"));
        assertFailure("States.JsonMerge($.obj, $.obj, true)", "deep");
        assertFailure("States.JsonMerge($.obj, $.arr, false)", "object");
    }

    @Test
    void mathAddRoundsHalvesUpLikeJava() {
        assertThat(eval("States.MathAdd(1.5, 2.5)").intValue()).isEqualTo(5);
        assertThat(eval("States.MathAdd(-2.5, 0)").intValue()).isEqualTo(-2);
        assertThat(eval("States.MathAdd($.n, -1)").intValue()).isEqualTo(2);
        assertFailure("States.MathAdd(2147483647, 1)", "2147483647");
        assertFailure("States.MathAdd('1', 1)", "number");
    }

    @Test
    void mathRandomStaysInRangeAndIsRepeatableWithASeed() {
        for (int i = 0; i < 50; i++) {
            int v = eval("States.MathRandom(12.5, 44.51)").intValue();
            assertThat(v).isBetween(13, 44);
        }
        assertThat(eval("States.MathRandom(0, 999, 3)")).isEqualTo(eval("States.MathRandom(0, 999, 3)"));
        assertFailure("States.MathRandom(5, 5)", "MathRandom");
    }

    @Test
    void randomnessComesFromTheInjectedRuntime() {
        IntrinsicCall uuid = IntrinsicCall.compile("States.UUID()");
        String a = uuid.evaluate(SCOPE, IntrinsicRuntime.of(new Random(1)), "f").asText();
        String b = uuid.evaluate(SCOPE, IntrinsicRuntime.of(new Random(1)), "f").asText();
        assertThat(a).isEqualTo(b).matches("[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}");
    }

    @Test
    void stringSplitSplitsOnEachDelimiterCharAndDropsEmptyPieces() {
        assertThat(eval("States.StringSplit('This.is+a,test=string', '.+,=')"))
                .isEqualTo(Json.parse("[\"This\",\"is\",\"a\",\"test\",\"string\"]"));
        assertThat(eval("States.StringSplit(',,,,', ',')")).isEqualTo(Json.parse("[]"));
        assertThat(eval("States.StringSplit(', , ,', ',')")).isEqualTo(Json.parse("[\" \",\" \"]"));
    }

    @Test
    void nestedCallsAndContextPathsEvaluateInsideOut() {
        assertThat(eval("States.ArrayGetItem(States.StringSplit($$.Execution.Name, '-'), "
                + "States.MathAdd(States.ArrayLength(States.StringSplit($$.Execution.Name, '-')), -1))").asText())
                .isEqualTo("1");
    }

    @Test
    void pathArgumentThatMatchesNothingFailsWithStatesRuntime() {
        assertThatThrownBy(() -> eval("States.Format('{}', $.missing)")).isInstanceOfSatisfying(StatesError.class, e -> {
            assertThat(e.error()).isEqualTo("States.Runtime");
            assertThat(e.cause()).startsWith("The JSONPath '$.missing' specified for the field 'f.$' could not be found in the input '{");
        });
    }

    @Test
    void compileRejectsUnknownFunctionsWrongArityBadSyntaxAndDeepNesting() {
        assertThatThrownBy(() -> IntrinsicCall.compile("States.Nope(1)")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("Unknown intrinsic function 'States.Nope'");
        assertThatThrownBy(() -> IntrinsicCall.compile("States.UUID(1)")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("takes 0 arguments");
        assertThatThrownBy(() -> IntrinsicCall.compile("States.MathAdd(1)")).hasMessageContaining("takes 2 arguments");
        assertThatThrownBy(() -> IntrinsicCall.compile("States.Format('x)")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> IntrinsicCall.compile("States.Array(1) x")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> IntrinsicCall.compile("States.Array($.a[)")).isInstanceOf(IllegalArgumentException.class);
        String ten = "States.Array(".repeat(10) + ")".repeat(10);
        assertThat(IntrinsicCall.compile(ten).functionName()).isEqualTo("States.Array");
        String eleven = "States.Array(".repeat(11) + ")".repeat(11);
        assertThatThrownBy(() -> IntrinsicCall.compile(eleven)).hasMessageContaining("nest");
    }

    @Test
    void pathArgumentsMayContainCommasAndParenthesesInsideBrackets() {
        JsonNode in = Json.parse("{\"a,b\": 1, \"xs\": [{\"v\": 1}, {\"v\": 2}]}");
        Scope s = new Scope(in, null, null);
        assertThat(IntrinsicCall.compile("States.Array($['a,b'], $.xs[?(@.v > 1)].v)").evaluate(s, RUNTIME, "f"))
                .isEqualTo(Json.parse("[1,[2]]"));
    }
}
