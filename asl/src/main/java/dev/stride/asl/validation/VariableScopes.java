package dev.stride.asl.validation;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Variable scopes: the states of a Parallel branch or a Map item processor run in a scope of their
 * own that can read the outer scopes' variables but not assign them, so assigning inside a
 * branch a name that an enclosing scope assigns is rejected when the definition is created.
 */
final class VariableScopes {
    private final List<Diagnostic> problems = new ArrayList<>();

    private VariableScopes() {}

    static List<Diagnostic> check(JsonNode definition) {
        VariableScopes v = new VariableScopes();
        if (definition != null && definition.isObject()) v.graph(definition, "", Set.of());
        return v.problems;
    }

    /** Checks a graph whose enclosing scopes assign {@code outer}. */
    private void graph(JsonNode graph, String location, Set<String> outer) {
        JsonNode states = graph.get("States");
        if (states == null || !states.isObject()) return;
        Set<String> here = new HashSet<>(outer);
        states.fields().forEachRemaining(e -> collect(e.getValue(), here));
        states.fields().forEachRemaining(e -> {
            String where = location + "/States/" + e.getKey();
            if (!outer.isEmpty()) reportOuterAssignments(e.getValue(), where, outer);
            JsonNode state = e.getValue();
            JsonNode branches = state.get("Branches");
            if (branches != null && branches.isArray()) {
                for (int i = 0; i < branches.size(); i++) graph(branches.get(i), where + "/Branches[" + i + "]", here);
            }
            for (String field : new String[] {"ItemProcessor", "Iterator"}) {
                JsonNode processor = state.get(field);
                if (processor != null && processor.isObject() && !distributed(processor)) graph(processor, where + "/" + field, here);
            }
        });
    }

    /** A distributed Map's children are executions of their own: they see no outer variables at all. */
    private static boolean distributed(JsonNode processor) {
        return "DISTRIBUTED".equals(processor.path("ProcessorConfig").path("Mode").asText());
    }

    private static void collect(JsonNode state, Set<String> into) {
        assigns(state.get("Assign"), into);
        for (JsonNode choice : state.path("Choices")) assigns(choice.get("Assign"), into);
        for (JsonNode catcher : state.path("Catch")) assigns(catcher.get("Assign"), into);
    }

    private static void assigns(JsonNode assign, Set<String> into) {
        if (assign == null || !assign.isObject()) return;
        assign.fieldNames().forEachRemaining(k -> into.add(k.endsWith(".$") ? k.substring(0, k.length() - 2) : k));
    }

    private void reportOuterAssignments(JsonNode state, String where, Set<String> outer) {
        report(state.get("Assign"), where + "/Assign", outer);
        JsonNode choices = state.path("Choices");
        for (int i = 0; i < choices.size(); i++) report(choices.get(i).get("Assign"), where + "/Choices[" + i + "]/Assign", outer);
        JsonNode catchers = state.path("Catch");
        for (int i = 0; i < catchers.size(); i++) report(catchers.get(i).get("Assign"), where + "/Catch[" + i + "]/Assign", outer);
    }

    private void report(JsonNode assign, String where, Set<String> outer) {
        if (assign == null || !assign.isObject()) return;
        assign.fieldNames().forEachRemaining(k -> {
            String name = k.endsWith(".$") ? k.substring(0, k.length() - 2) : k;
            if (outer.contains(name)) {
                problems.add(Diagnostic.error(Codes.SCHEMA, where + "/" + k, "The variable '" + name
                        + "' is assigned in an outer scope; a Parallel branch or Map iteration can read it but cannot assign it"));
            }
        });
    }
}
