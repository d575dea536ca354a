package dev.stride.expr.template;

import com.fasterxml.jackson.databind.JsonNode;
import dev.stride.expr.Json;
import dev.stride.expr.Scope;
import dev.stride.expr.StatesError;
import dev.stride.expr.intrinsic.IntrinsicRuntime;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PayloadTemplateTest {
    private static final JsonNode INPUT = Json.parse("{\"int-literal\": 0, \"Error\": \"boom\", \"items\": [1, 2, 3]}");
    private static final Scope SCOPE = new Scope(INPUT, Json.parse("{\"State\":{\"Name\":\"S\"}}"),
            name -> Map.of("greeting", Json.parse("\"hi\"")).get(name));

    @Test
    void pathKeysLoseTheirSuffixAndConstantsAreCopied() {
        JsonNode template = Json.parse("""
                {"const": {"a": [1, {"b.$x": "$.nope"}]}, "v.$": "$.int-literal", "ctx.$": "$$.State.Name",
                 "var.$": "$greeting", "nested": {"all.$": "$.items[1:]", "list": [{"e.$": "$.Error"}]},
                 "fmt.$": "States.Format('{} {}', $greeting, $.Error)"}""");
        JsonNode out = PayloadTemplate.compile(template).evaluate(SCOPE);
        assertThat(out).isEqualTo(Json.parse("""
                {"const": {"a": [1, {"b.$x": "$.nope"}]}, "v": 0, "ctx": "S", "var": "hi",
                 "nested": {"all": [2, 3], "list": [{"e": "boom"}]}, "fmt": "hi boom"}"""));
    }

    @Test
    void templateWithoutPathsIsConstant() {
        assertThat(PayloadTemplate.compile(Json.parse("{\"a\": \"$.x\"}")).isConstant()).isTrue();
        assertThat(PayloadTemplate.compile(Json.parse("{\"a.$\": \"$.x\"}")).isConstant()).isFalse();
    }

    @Test
    void missingPathFailsWithAwsRuntimeCause() {
        PayloadTemplate t = PayloadTemplate.compile(Json.parse("{\"value.$\": \"$.no_such_jsonpath\"}"));
        assertThatThrownBy(() -> t.evaluate(SCOPE)).isInstanceOfSatisfying(StatesError.class, e -> {
            assertThat(e.error()).isEqualTo("States.Runtime");
            assertThat(e.cause()).isEqualTo("The JSONPath '$.no_such_jsonpath' specified for the field 'value.$' "
                    + "could not be found in the input '" + Json.write(INPUT) + "'");
        });
    }

    @Test
    void indefinitePathOverMissingInputGivesEmptyArray() {
        JsonNode out = PayloadTemplate.compile(Json.parse("{\"item.$\": \"$.item.items[*]\"}")).evaluate(new Scope(Json.parse("{}"), null, null));
        assertThat(out).isEqualTo(Json.parse("{\"item\": []}"));
    }

    @Test
    void malformedEntriesAreRejectedNamingTheKey() {
        assertThatThrownBy(() -> PayloadTemplate.compile(Json.parse("{\"a\": {\"x.$\": 3}}")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'x.$'");
        assertThatThrownBy(() -> PayloadTemplate.compile(Json.parse("{\"x.$\": \"$.a[\"}")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'x.$'");
        assertThatThrownBy(() -> PayloadTemplate.compile(Json.parse("{\"x.$\": \"States.Nope()\"}")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'x.$'").hasMessageContaining("States.Nope");
        assertThatThrownBy(() -> PayloadTemplate.compile(Json.parse("{\"x.$\": \"plain\"}")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'x.$'");
    }

    @Test
    void evaluationNeverModifiesTheInput() {
        JsonNode before = INPUT.deepCopy();
        PayloadTemplate.compile(Json.parse("{\"i.$\": \"$.items\", \"m.$\": \"States.JsonMerge($, $, false)\"}"))
                .evaluate(SCOPE, IntrinsicRuntime.of(new Random(1)));
        assertThat(INPUT).isEqualTo(before);
    }

    @Test
    void dynamicValueResolvesPathsAndCallsAndNamesTheFieldWhenMissing() {
        assertThat(DynamicValue.compile("$.Error").evaluate(SCOPE, "ErrorPath").asText()).isEqualTo("boom");
        assertThat(DynamicValue.compile("States.Format('{}!', $.Error)").evaluate(SCOPE, "CausePath").asText()).isEqualTo("boom!");
        assertThatThrownBy(() -> DynamicValue.compile("$.ErrorX").evaluate(SCOPE, "ErrorPath"))
                .isInstanceOfSatisfying(StatesError.class, e -> {
                    assertThat(e.error()).isEqualTo("States.Runtime");
                    assertThat(e.cause()).isEqualTo("The JSONPath '$.ErrorX' specified for the field 'ErrorPath' "
                            + "could not be found in the input '" + Json.write(INPUT) + "'");
                });
        assertThatThrownBy(() -> DynamicValue.compile("Error")).isInstanceOf(IllegalArgumentException.class);
    }
}
