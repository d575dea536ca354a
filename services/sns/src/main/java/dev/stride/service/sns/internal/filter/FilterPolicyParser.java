package dev.stride.service.sns.internal.filter;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.stride.service.JsonProtocol;
import dev.stride.service.ServiceException;
import dev.stride.service.sns.internal.SnsErrors;
import dev.stride.service.sns.internal.filter.FilterPolicy.Clause;
import dev.stride.service.sns.internal.filter.FilterPolicy.KeyRule;
import dev.stride.service.sns.internal.filter.FilterPolicy.Scope;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Checks a filter policy the way SNS does (AWS's texts, AWS's limits of five keys and 150
 * combinations) and turns it into {@link Clause}s. Operators ({@code prefix}, {@code numeric},
 * ...) are compiled by {@link MatchOperators}.
 */
final class FilterPolicyParser {
    private static final int MAX_KEYS = 5;
    private static final int MAX_COMBINATIONS = 150;

    private final Scope scope;
    private int keys;

    private FilterPolicyParser(Scope scope) { this.scope = scope; }

    static Clause parse(String json, Scope scope) {
        JsonNode root;
        try {
            root = JsonProtocol.MAPPER.readTree(json);
        } catch (JsonProcessingException e) {
            throw invalid("failed to parse JSON. " + e.getOriginalMessage());
        }
        if (root == null || !root.isObject()) throw invalid("Filter policy must be a JSON object");
        FilterPolicyParser parser = new FilterPolicyParser(scope);
        Clause clause = parser.clause(root, List.of());
        if (parser.keys > MAX_KEYS) throw invalid("Filter policy can not have more than 5 keys");
        if (combinations(clause) > MAX_COMBINATIONS) throw invalid("Filter policy is too complex");
        return clause;
    }

    static ServiceException invalid(String detail) { return SnsErrors.invalidParameter("FilterPolicy: " + detail); }

    private Clause clause(JsonNode object, List<String> path) {
        List<KeyRule> rules = new ArrayList<>();
        List<List<Clause>> anyOf = new ArrayList<>();
        for (Map.Entry<String, JsonNode> field : object.properties()) {
            String key = field.getKey();
            JsonNode value = field.getValue();
            if (key.equals("$or")) {
                anyOf.add(alternatives(value, path));
            } else if (value.isArray()) {
                rules.add(new KeyRule(append(path, key), conditions(key, value)));
                keys++;
            } else if (value.isObject()) {
                if (scope == Scope.MESSAGE_ATTRIBUTES) {
                    throw invalid("Filter policy scope MessageAttributes does not support nested filter policy");
                }
                Clause nested = clause(value, append(path, key));
                rules.addAll(nested.rules());
                anyOf.addAll(nested.anyOf());
            } else {
                throw invalid("\"" + key + "\" must be an object or an array");
            }
        }
        return new Clause(rules, anyOf);
    }

    private List<Clause> alternatives(JsonNode value, List<String> path) {
        if (!value.isArray() || value.size() < 2) throw invalid("Or operator must have at least two operands");
        List<Clause> out = new ArrayList<>();
        for (JsonNode alternative : value) {
            if (!alternative.isObject()) throw invalid("Or operator must have at least two operands");
            out.add(clause(alternative, path));
        }
        return out;
    }

    private static List<Condition> conditions(String key, JsonNode array) {
        if (array.isEmpty()) throw invalid("Empty arrays are not allowed");
        List<Condition> out = new ArrayList<>(array.size());
        for (JsonNode element : array) {
            if (element.isObject()) out.add(MatchOperators.compile(element));
            else if (element.isValueNode()) out.add(new Condition.Exact(element));
            else throw invalid("Match value must be String, number, true, false, or null");
        }
        return out;
    }

    private static long combinations(Clause clause) {
        long product = 1;
        for (KeyRule rule : clause.rules()) product *= rule.conditions().size();
        for (List<Clause> group : clause.anyOf()) {
            long sum = 0;
            for (Clause alternative : group) sum += combinations(alternative);
            product *= sum;
            if (product > MAX_COMBINATIONS) return product;
        }
        return product;
    }

    private static List<String> append(List<String> path, String key) {
        List<String> out = new ArrayList<>(path.size() + 1);
        out.addAll(path);
        out.add(key);
        return List.copyOf(out);
    }
}
