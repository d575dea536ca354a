package dev.stride.asl.model;

import com.fasterxml.jackson.databind.JsonNode;
import dev.stride.expr.jsonata.JsonataTemplate;
import dev.stride.expr.path.JsonPath;
import java.util.List;

/** A Choice rule: boolean combinators, one comparison, or a JSONata Condition. */
public sealed interface ChoiceRule {
    record And(List<ChoiceRule> rules) implements ChoiceRule {}

    record Or(List<ChoiceRule> rules) implements ChoiceRule {}

    record Not(ChoiceRule rule) implements ChoiceRule {}

    /**
     * {@code Variable <operator> operand}: the operand is a literal ({@code value}) or, for the
     * {@code ...Path} variants, a path ({@code valuePath}).
     */
    record Comparison(JsonPath variable, ComparisonOperator operator, JsonNode value, JsonPath valuePath) implements ChoiceRule {}

    record Condition(JsonataTemplate condition) implements ChoiceRule {}
}
