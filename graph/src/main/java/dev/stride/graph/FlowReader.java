package dev.stride.graph;

import com.fasterxml.jackson.databind.JsonNode;
import dev.stride.graph.Flow.Edge;
import dev.stride.graph.Flow.EdgeKind;
import dev.stride.graph.Flow.Kind;
import dev.stride.graph.Flow.Node;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads a definition's JSON tree (not the compiled machine) into {@link Flow}s, so a definition
 * that does not validate can still be drawn, and Choice rules keep the text their author wrote.
 * Edges to states that do not exist are left out: the validator reports those.
 */
final class FlowReader {
    private final Set<String> ids = new HashSet<>();

    private FlowReader() {}

    static Flow read(JsonNode definition) {
        return new FlowReader().scope(definition, "", "");
    }

    private Flow scope(JsonNode graph, String id, String label) {
        List<Node> nodes = new ArrayList<>();
        List<Edge> edges = new ArrayList<>();
        String start = unique(id.isEmpty() ? "start" : id + "/start");
        String end = unique(id.isEmpty() ? "end" : id + "/end");
        nodes.add(new Node(start, Kind.START, null, null, List.of()));
        JsonNode states = graph.path("States");
        Map<String, String> idOf = new LinkedHashMap<>();
        for (Iterator<String> names = states.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            idOf.put(name, unique("s:" + name));
        }
        String startAt = graph.path("StartAt").asText(null);
        if (idOf.containsKey(startAt)) edges.add(new Edge(start, idOf.get(startAt), EdgeKind.NEXT, null));
        boolean ends = false;
        for (Map.Entry<String, String> e : idOf.entrySet()) {
            JsonNode s = states.path(e.getKey());
            String type = s.path("Type").asText("?");
            nodes.add(new Node(e.getValue(), Kind.STATE, e.getKey(), type, children(e.getKey(), type, s)));
            ends |= edges(e.getValue(), type, s, idOf, end, edges);
        }
        if (ends || idOf.isEmpty()) nodes.add(new Node(end, Kind.END, null, null, List.of()));
        return new Flow(id, label, nodes, edges);
    }

    private List<Flow> children(String name, String type, JsonNode s) {
        List<Flow> out = new ArrayList<>();
        if (type.equals("Parallel")) {
            int i = 1;
            for (JsonNode branch : s.path("Branches")) {
                out.add(scope(branch, name + "#" + i, "Branch " + i));
                i++;
            }
        } else if (type.equals("Map")) {
            JsonNode processor = s.has("ItemProcessor") ? s.get("ItemProcessor") : s.path("Iterator");
            boolean distributed = "DISTRIBUTED".equals(processor.path("ProcessorConfig").path("Mode").asText());
            if (processor.isObject()) out.add(scope(processor, name, distributed ? "Item processor (distributed)" : "Item processor"));
        }
        return out;
    }

    /** Adds the state's outgoing edges; true when one goes to the scope's End. */
    private static boolean edges(String from, String type, JsonNode s, Map<String, String> idOf, String end, List<Edge> out) {
        boolean toEnd = false;
        String next = s.path("Next").asText(null);
        if (idOf.containsKey(next)) out.add(new Edge(from, idOf.get(next), EdgeKind.NEXT, null));
        if (s.path("End").asBoolean(false) || type.equals("Succeed") || type.equals("Fail")) {
            out.add(new Edge(from, end, EdgeKind.NEXT, null));
            toEnd = true;
        }
        if (type.equals("Choice")) {
            for (JsonNode choice : s.path("Choices")) {
                String to = choice.path("Next").asText(null);
                if (idOf.containsKey(to)) out.add(new Edge(from, idOf.get(to), EdgeKind.CHOICE, ChoiceLabels.of(choice)));
            }
            String dflt = s.path("Default").asText(null);
            if (idOf.containsKey(dflt)) out.add(new Edge(from, idOf.get(dflt), EdgeKind.DEFAULT, "Default"));
        }
        for (JsonNode c : s.path("Catch")) {
            String to = c.path("Next").asText(null);
            if (!idOf.containsKey(to)) continue;
            List<String> errors = new ArrayList<>();
            c.path("ErrorEquals").forEach(err -> errors.add(err.asText()));
            out.add(new Edge(from, idOf.get(to), EdgeKind.CATCH, "Catch " + String.join(", ", errors)));
        }
        return toEnd;
    }

    /** Names are unique in a valid definition; an invalid one still gets distinct ids. */
    private String unique(String id) {
        String candidate = id;
        for (int i = 2; !ids.add(candidate); i++) candidate = id + "~" + i;
        return candidate;
    }
}
