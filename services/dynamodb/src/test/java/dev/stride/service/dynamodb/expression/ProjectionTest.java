package dev.stride.service.dynamodb.expression;

import static dev.stride.service.dynamodb.expression.Json.assertValidation;
import static dev.stride.service.dynamodb.expression.Json.context;
import static dev.stride.service.dynamodb.expression.Json.item;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ProjectionTest {
    private static final String ITEM = """
            {'a':{'M':{'b':{'S':'x'}, 'c':{'S':'y'}}}, 'l':{'L':[{'N':'0'},{'M':{'q':{'N':'1'},'r':{'N':'2'}}},{'N':'2'}]}, 'z':{'S':'z'}}""";

    private static String project(String expression, String names) {
        return Projection.parse(expression, context(null, names)).apply(item(ITEM)).toString();
    }

    @Test
    void topLevelAttributesThatExist() {
        assertThat(project("z, nope", null)).isEqualTo(item("{'z':{'S':'z'}}").toString());
    }

    @Test
    void nestedPathsKeepTheirStructure() {
        assertThat(project("a.b", null)).isEqualTo(item("{'a':{'M':{'b':{'S':'x'}}}}").toString());
        assertThat(project("l[1].r", null)).isEqualTo(item("{'l':{'L':[{'M':{'r':{'N':'2'}}}]}}").toString());
    }

    @Test
    void listElementsComeInTheirOriginalOrder() {
        assertThat(project("l[2], l[0], #z", "{'#z':'z'}"))
                .isEqualTo(item("{'l':{'L':[{'N':'0'},{'N':'2'}]}, 'z':{'S':'z'}}").toString());
    }

    @Test
    void missingNestedPathsAreLeftOut() {
        assertThat(project("a.nope, l[7], z.q", null)).isEqualTo("{}");
    }

    @Test
    void overlappingPathsAndReservedWordsAreRefused() {
        assertValidation(() -> Projection.parse("a, a.b", context(null, null)),
                "Invalid ProjectionExpression: Two document paths overlap with each other; must remove or rewrite one of these paths; path one: [a], path two: [a, b]");
        assertValidation(() -> Projection.parse("id, name", context(null, null)),
                "Invalid ProjectionExpression: Attribute name is a reserved keyword; reserved keyword: name");
    }
}
