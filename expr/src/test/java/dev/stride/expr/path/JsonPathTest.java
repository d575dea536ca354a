package dev.stride.expr.path;

import com.fasterxml.jackson.databind.JsonNode;
import dev.stride.expr.Json;
import dev.stride.expr.Scope;
import dev.stride.expr.StatesError;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class JsonPathTest {
    private static final JsonNode DOC = Json.parse("""
            {"a": {"b": [10, 20, 30, 40]}, "name": "x", "a b": 1, "n": null,
             "users": [{"year": 1997, "status": 0, "name": "ann"}, {"year": 1998, "status": 1, "name": "bob"},
                       {"year": 2000, "status": 1}],
             "t": {"name": "top", "c": {"name": "deep"}}}""");
    private static final Scope SCOPE = new Scope(DOC, Json.parse("{\"Execution\":{\"Name\":\"e1\"}}"),
            name -> Map.of("v", Json.parse("{\"f\":[5,6]}")).get(name));

    private static JsonNode read(String path) { return JsonPath.compile(path).read(SCOPE); }

    @Test
    void dotAndBracketNotationSelectTheSameNode() {
        assertThat(read("$.a.b[1]")).isEqualTo(Json.parse("20"));
        assertThat(read("$['a']['b'][1]")).isEqualTo(Json.parse("20"));
        assertThat(read("$['a b']")).isEqualTo(Json.parse("1"));
    }

    @Test
    void negativeIndexCountsFromTheEnd() {
        assertThat(read("$.a.b[-1]")).isEqualTo(Json.parse("40"));
    }

    @Test
    void missingDefinitePathReadsAsJavaNullButNullValueIsAMatch() {
        assertThat(read("$.nope")).isNull();
        assertThat(read("$.a.b[9]")).isNull();
        assertThat(read("$.name.x")).isNull();
        assertThat(read("$.n")).isEqualTo(Json.NODES.nullNode());
    }

    @Test
    void wildcardOverMissingArrayReturnsEmptyArray() {
        assertThat(read("$.items[*]")).isEqualTo(Json.parse("[]"));
        assertThat(read("$.item.items[1:5].itemValue")).isEqualTo(Json.parse("[]"));
        assertThat(JsonPath.compile("$[*]").read(new Scope(Json.parse("{}"), null, null))).isEqualTo(Json.parse("[]"));
    }

    @Test
    void slicesFollowJaywayBounds() {
        assertThat(read("$.a.b[1:3]")).isEqualTo(Json.parse("[20,30]"));
        assertThat(read("$.a.b[:1]")).isEqualTo(Json.parse("[10]"));
        assertThat(read("$.a.b[2:]")).isEqualTo(Json.parse("[30,40]"));
        assertThat(read("$.a.b[-2:]")).isEqualTo(Json.parse("[30,40]"));
        assertThat(read("$.a.b[1:99]")).isEqualTo(Json.parse("[20,30,40]"));
    }

    @Test
    void unionsSelectEachListedIndexOrKey() {
        assertThat(read("$.a.b[0,2]")).isEqualTo(Json.parse("[10,30]"));
        assertThat(read("$.users[*]['year','status']")).isEqualTo(Json.parse(
                "[{\"year\":1997,\"status\":0},{\"year\":1998,\"status\":1},{\"year\":2000,\"status\":1}]"));
    }

    @Test
    void wildcardsWorkOnObjectsAndArrays() {
        assertThat(read("$.users[*].year")).isEqualTo(Json.parse("[1997,1998,2000]"));
        assertThat(read("$.t.*")).hasSize(2);
    }

    @Test
    void deepScanFindsEveryMatchingKeyParentFirst() {
        assertThat(read("$.t..name")).isEqualTo(Json.parse("[\"top\",\"deep\"]"));
        assertThat(read("$..year")).isEqualTo(Json.parse("[1997,1998,2000]"));
    }

    @Test
    void filtersCompareNumbersStringsAndCombineWithAndOr() {
        assertThat(read("$.users[?(@.status == 0)]")).isEqualTo(Json.parse("[{\"year\":1997,\"status\":0,\"name\":\"ann\"}]"));
        assertThat(read("$.users[?(@.year > 1997 && @.status == 1)].year")).isEqualTo(Json.parse("[1998,2000]"));
        assertThat(read("$.users[?(@.year < 1998 || @.year >= 2000)].year")).isEqualTo(Json.parse("[1997,2000]"));
        assertThat(read("$.users[?(@.name == 'bob')].year")).isEqualTo(Json.parse("[1998]"));
        assertThat(read("$.users[?(@.name)].year")).isEqualTo(Json.parse("[1997,1998]"));
        assertThat(read("$.users[?(@.name =~ /a.*/)].year")).isEqualTo(Json.parse("[1997]"));
        assertThat(read("$.users[?(!(@.status == 1))].year")).isEqualTo(Json.parse("[1997]"));
    }

    @Test
    void lengthFunctionCountsArrayItems() {
        assertThat(read("$.a.b.length()")).isEqualTo(Json.parse("4"));
        assertThat(JsonPath.compile("$.a.b.length()").isDefinite()).isTrue();
    }

    @Test
    void contextAndVariableRootsResolveAgainstTheirOwnValues() {
        assertThat(read("$$.Execution.Name")).isEqualTo(Json.parse("\"e1\""));
        assertThat(read("$v.f[1]")).isEqualTo(Json.parse("6"));
        assertThat(read("$v")).isEqualTo(Json.parse("{\"f\":[5,6]}"));
        assertThat(read("$undefinedVar")).isNull();
        assertThat(JsonPath.compile("$v.f").variable()).isEqualTo("v");
    }

    @Test
    void quotedKeysKeepBackslashesVerbatimAsAwsDoes() {
        // AWS recording: $['Test\\\"\"Name\"'] selects the key  Test\""Name"  (backslash kept, not unescaped)
        String key = "Test\\\"\"Name\"";
        JsonNode input = Json.NODES.objectNode().put(key, 1);
        assertThat(JsonPath.compile("$['" + key + "']").read(new Scope(input, null, null))).isEqualTo(Json.parse("1"));
    }

    @Test
    void definitenessExcludesWildcardsFiltersSlicesUnionsAndDeepScans() {
        assertThat(JsonPath.compile("$").isDefinite()).isTrue();
        assertThat(JsonPath.compile("$.a['b'][0]").isDefinite()).isTrue();
        for (String p : new String[]{"$.a[*]", "$.a.*", "$.a[?(@.x)]", "$.a[1:2]", "$.a[0,1]", "$['a','b']", "$..a"}) {
            assertThat(JsonPath.compile(p).isDefinite()).as(p).isFalse();
        }
    }

    @Test
    void canonicalRenderingMatchesJayway() {
        assertThat(JsonPath.compile("$.NoSuchInputPath").canonical()).isEqualTo("$['NoSuchInputPath']");
        assertThat(JsonPath.compile("$.a[0].b").canonical()).isEqualTo("$['a'][0]['b']");
        assertThat(JsonPath.compile("$.a[*]..b[1:]").canonical()).isEqualTo("$['a'][*]..['b'][1:]");
        assertThat(JsonPath.compile("$.a[?(@.x > 1)]").canonical()).isEqualTo("$['a'][?]");
        assertThat(JsonPath.compile("$").canonical()).isEqualTo("$");
    }

    @Test
    void badSyntaxIsRejectedWithAClearMessage() {
        for (String p : new String[]{"a.b", "$.", "$[", "$.a[?(@.x >)]", "$['a]", "$..", "$.a b", "$[1:2:3]", "$.a.foo()"}) {
            assertThatThrownBy(() -> JsonPath.compile(p)).as(p).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("JSONPath");
        }
    }

    @Test
    void writeCreatesIntermediateObjectsWithoutTouchingTheTarget() {
        JsonNode target = Json.parse("{\"a\":{\"x\":1},\"k\":[1,2]}");
        JsonNode out = JsonPath.compile("$.a.b.c").write(target, Json.parse("7"));
        assertThat(out).isEqualTo(Json.parse("{\"a\":{\"x\":1,\"b\":{\"c\":7}},\"k\":[1,2]}"));
        assertThat(target).isEqualTo(Json.parse("{\"a\":{\"x\":1},\"k\":[1,2]}"));
        assertThat(JsonPath.compile("$.k[1]").write(target, Json.parse("9")).get("k")).isEqualTo(Json.parse("[1,9]"));
        assertThat(JsonPath.compile("$").write(target, Json.parse("3"))).isEqualTo(Json.parse("3"));
    }

    @Test
    void writeIntoANonObjectFailsWithResultPathMatchFailure() {
        assertThatThrownBy(() -> JsonPath.compile("$.a.b").write(Json.parse("{\"a\":\"s\"}"), Json.parse("1")))
                .isInstanceOfSatisfying(StatesError.class, e -> {
                    assertThat(e.error()).isEqualTo("States.ResultPathMatchFailure");
                    assertThat(e.cause()).isEqualTo("Unable to apply ReferencePath $.a.b to input {\"a\":\"s\"}");
                });
        assertThatThrownBy(() -> JsonPath.compile("$.x").write(Json.parse("\"str\""), Json.parse("1")))
                .isInstanceOf(StatesError.class);
    }
}
