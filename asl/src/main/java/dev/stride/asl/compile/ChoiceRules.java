package dev.stride.asl.compile;

import com.fasterxml.jackson.databind.JsonNode;
import dev.stride.asl.model.ChoiceRule;
import dev.stride.asl.model.ComparisonOperator;
import dev.stride.asl.model.QueryLanguage;
import dev.stride.expr.jsonata.JsonataTemplate;
import dev.stride.expr.path.JsonPath;
import java.util.ArrayList;
import java.util.List;

/** Compiles one Choice rule object (top-level or nested) into a {@link ChoiceRule}. */
final class ChoiceRules {
    private ChoiceRules() {}

    static ChoiceRule compile(JsonNode rule, QueryLanguage lang) {
        if (lang == QueryLanguage.JSONATA) {
            return new ChoiceRule.Condition(JsonataTemplate.compile(rule.get("Condition"), "Condition"));
        }
        if (rule.has("And")) return new ChoiceRule.And(list(rule.get("And"), lang));
        if (rule.has("Or")) return new ChoiceRule.Or(list(rule.get("Or"), lang));
        if (rule.has("Not")) return new ChoiceRule.Not(compile(rule.get("Not"), lang));
        JsonPath variable = JsonPath.compile(rule.get("Variable").asText());
        var fields = rule.fieldNames();
        while (fields.hasNext()) {
            String f = fields.next();
            boolean isPath = f.endsWith("Path") && !f.equals("Variable");
            ComparisonOperator op = ComparisonOperator.byName(isPath ? f.substring(0, f.length() - 4) : f);
            if (op == null) continue;
            JsonNode operand = rule.get(f);
            return isPath
                    ? new ChoiceRule.Comparison(variable, op, null, JsonPath.compile(operand.asText()))
                    : new ChoiceRule.Comparison(variable, op, operand, null);
        }
        throw new IllegalArgumentException("Choice rule has no comparison operator");
    }

    private static List<ChoiceRule> list(JsonNode rules, QueryLanguage lang) {
        List<ChoiceRule> out = new ArrayList<>();
        for (JsonNode r : rules) out.add(compile(r, lang));
        return List.copyOf(out);
    }
}
