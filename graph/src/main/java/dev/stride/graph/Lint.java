package dev.stride.graph;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Static-analysis warnings: what a definition AWS accepts may still get wrong. Each check is its
 * own small pass over one scope's transition graph (the top level, each Parallel branch, each Map
 * processor); none of them is an error, so {@code stride validate} prints them and still exits 0.
 *
 * <ul>
 *   <li>{@code UNREACHABLE_STATE}: no transition leads to it.</li>
 *   <li>{@code LOOP_WITHOUT_EXIT}: from it no path reaches an end (End, Succeed, Fail).</li>
 *   <li>{@code VARIABLE_READ_BEFORE_ASSIGNED}: it reads a variable ($name) that no state before it, nor an enclosing scope, assigns.</li>
 *   <li>{@code CATCH_ALL_WITHOUT_RETRY}: a Task catches States.ALL but retries nothing, so every transient error takes the catch path.</li>
 *   <li>{@code RETRIER_NEVER_USED}: every error a retrier names is taken by an earlier retrier.</li>
 *   <li>{@code DISTRIBUTED_MAP_UNBOUNDED}: a distributed Map without MaxConcurrency runs up to 10,000 child workflows at once.</li>
 * </ul>
 */
public final class Lint {
    /** One warning: a code, a JSON-pointer location ({@code /States/Foo}) and a sentence. */
    public record Warning(String code, String location, String message) {}

    // $name not preceded by $ or a word character, not a function call, in JSONata or JSONPath text.
    private static final Pattern VARIABLE = Pattern.compile("(?<![$\\w])\\$([A-Za-z_][A-Za-z0-9_]*)(?!\\s*\\(|[A-Za-z0-9_])");
    private static final Pattern LOCAL = Pattern.compile("\\$([A-Za-z_][A-Za-z0-9_]*)\\s*:=|function\\s*\\(([^)]*)\\)");

    private final List<Warning> out = new ArrayList<>();

    private Lint() {}

    /** Every warning of a definition's JSON tree, outer scopes first. */
    public static List<Warning> check(JsonNode definition) {
        Lint lint = new Lint();
        lint.scope(definition, "", Set.of());
        return lint.out;
    }

    private void scope(JsonNode graph, String base, Set<String> inherited) {
        JsonNode states = graph.path("States");
        Map<String, List<String>> next = new LinkedHashMap<>();
        for (Iterator<String> it = states.fieldNames(); it.hasNext(); ) {
            String name = it.next();
            next.put(name, targets(states.get(name), states));
        }
        String start = graph.path("StartAt").asText(null);
        Set<String> reachable = reach(start, next);
        for (String name : next.keySet()) {
            if (!reachable.contains(name)) {
                out.add(new Warning("UNREACHABLE_STATE", base + "/States/" + name, "No transition leads to state \"" + name + "\"."));
            }
        }
        loops(states, next, reachable, base);
        Map<String, Set<String>> available = variables(states, next, start, inherited, base);
        for (String name : next.keySet()) {
            JsonNode s = states.get(name);
            String at = base + "/States/" + name;
            retries(s, at);
            Set<String> inside = new HashSet<>(available.getOrDefault(name, Set.of()));
            inside.addAll(assigned(s));
            String type = s.path("Type").asText();
            if (type.equals("Parallel")) {
                int i = 0;
                for (JsonNode branch : s.path("Branches")) scope(branch, at + "/Branches/" + i++, inside);
            } else if (type.equals("Map")) {
                String member = s.has("ItemProcessor") ? "ItemProcessor" : "Iterator";
                JsonNode processor = s.path(member);
                if ("DISTRIBUTED".equals(processor.path("ProcessorConfig").path("Mode").asText())
                        && !s.has("MaxConcurrency") && !s.has("MaxConcurrencyPath")) {
                    out.add(new Warning("DISTRIBUTED_MAP_UNBOUNDED", at, "Distributed Map \"" + name + "\" sets no MaxConcurrency: "
                            + "it may run up to 10,000 child workflows at once, more than most downstream services accept."));
                }
                // A Map's item processor sees the enclosing scope's variables (and the item).
                if (processor.isObject()) scope(processor, at + "/" + member, inside);
            }
        }
    }

    /** The states a state may go to next (Next, Default, each Choice, each Catch). */
    private static List<String> targets(JsonNode s, JsonNode states) {
        List<String> t = new ArrayList<>();
        add(t, s.path("Next"), states);
        add(t, s.path("Default"), states);
        for (JsonNode c : s.path("Choices")) add(t, c.path("Next"), states);
        for (JsonNode c : s.path("Catch")) add(t, c.path("Next"), states);
        return t;
    }

    private static void add(List<String> t, JsonNode name, JsonNode states) {
        if (name.isTextual() && states.has(name.asText())) t.add(name.asText());
    }

    private static Set<String> reach(String start, Map<String, List<String>> next) {
        Set<String> seen = new LinkedHashSet<>();
        Deque<String> todo = new ArrayDeque<>();
        if (start != null && next.containsKey(start)) todo.add(start);
        while (!todo.isEmpty()) {
            String s = todo.pop();
            if (seen.add(s)) todo.addAll(next.get(s));
        }
        return seen;
    }

    private void loops(JsonNode states, Map<String, List<String>> next, Set<String> reachable, String base) {
        Set<String> ending = new HashSet<>();
        for (String name : next.keySet()) {
            JsonNode s = states.get(name);
            String type = s.path("Type").asText();
            if (s.path("End").asBoolean(false) || type.equals("Succeed") || type.equals("Fail")) ending.add(name);
        }
        boolean grew = true;
        while (grew) {
            grew = false;
            for (Map.Entry<String, List<String>> e : next.entrySet()) {
                if (!ending.contains(e.getKey()) && e.getValue().stream().anyMatch(ending::contains)) grew = ending.add(e.getKey()) || grew;
            }
        }
        List<String> stuck = reachable.stream().filter(s -> !ending.contains(s)).toList();
        if (!stuck.isEmpty()) {
            out.add(new Warning("LOOP_WITHOUT_EXIT", base + "/States/" + stuck.get(0), "No path from " + quoted(stuck)
                    + " reaches an end (End, Succeed or Fail): an execution that gets there runs until it times out."));
        }
    }

    /**
     * For each state, the variables that may be assigned when it starts (assigned by some state
     * on some path to it, or by an enclosing scope); warns about reads of others.
     */
    private Map<String, Set<String>> variables(JsonNode states, Map<String, List<String>> next, String start, Set<String> inherited,
                                               String base) {
        Map<String, Set<String>> in = new HashMap<>();
        if (start == null || !next.containsKey(start)) return in;
        in.put(start, new HashSet<>(inherited));
        Deque<String> todo = new ArrayDeque<>(List.of(start));
        while (!todo.isEmpty()) {
            String s = todo.pop();
            Set<String> after = new HashSet<>(in.get(s));
            after.addAll(assigned(states.get(s)));
            for (String t : next.get(s)) {
                Set<String> have = in.get(t);
                if (have == null) {
                    in.put(t, new HashSet<>(after));
                    todo.add(t);
                } else if (have.addAll(after)) {
                    todo.add(t);
                }
            }
        }
        for (Map.Entry<String, Set<String>> e : in.entrySet()) {
            JsonNode s = states.get(e.getKey());
            Set<String> reads = new LinkedHashSet<>();
            reads(s, reads, true);
            reads.removeAll(e.getValue());
            for (String v : reads) {
                out.add(new Warning("VARIABLE_READ_BEFORE_ASSIGNED", base + "/States/" + e.getKey(), "State \"" + e.getKey()
                        + "\" reads $" + v + ", which no state before it assigns."));
            }
        }
        return in;
    }

    /** The variable names a state's Assign blocks (its own, its Choices', its Catchers') write. */
    private static Set<String> assigned(JsonNode s) {
        Set<String> names = new HashSet<>();
        s.path("Assign").fieldNames().forEachRemaining(names::add);
        for (JsonNode c : s.path("Choices")) c.path("Assign").fieldNames().forEachRemaining(names::add);
        for (JsonNode c : s.path("Catch")) c.path("Assign").fieldNames().forEachRemaining(names::add);
        return names;
    }

    /** Variable reads in a state's own fields (not in its nested Branches or ItemProcessor, which are scopes of their own). */
    private static void reads(JsonNode node, Set<String> names, boolean top) {
        if (node.isTextual()) {
            String text = node.asText();
            if (text.indexOf('$') < 0) return;
            Set<String> locals = new HashSet<>();
            Matcher l = LOCAL.matcher(text);
            while (l.find()) {
                if (l.group(1) != null) locals.add(l.group(1));
                if (l.group(2) != null) for (String p : l.group(2).split(",")) locals.add(p.trim().replace("$", ""));
            }
            Matcher m = VARIABLE.matcher(text);
            while (m.find()) {
                String v = m.group(1);
                if (!v.equals("states") && !locals.contains(v)) names.add(v);
            }
            return;
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> f = it.next();
            String key = f.getKey();
            if (top && (key.equals("Branches") || key.equals("ItemProcessor") || key.equals("Iterator") || key.equals("Comment")
                    || key.equals("Next") || key.equals("Default") || key.equals("Type") || key.equals("Resource"))) continue;
            // A plain field's value is data, not a path: only ".$" fields, Choice variables and JSONata text are read.
            JsonNode v = f.getValue();
            if (v.isTextual() && !key.endsWith(".$") && !key.equals("Variable") && !key.endsWith("Path") && !isJsonata(v.asText())) continue;
            reads(v, names, false);
        }
        if (node.isArray()) for (JsonNode v : node) reads(v, names, false);
    }

    private static boolean isJsonata(String text) {
        String t = text.trim();
        return t.startsWith("{%") && t.endsWith("%}");
    }

    private void retries(JsonNode s, String at) {
        JsonNode retry = s.path("Retry");
        boolean catchAll = false;
        for (JsonNode c : s.path("Catch")) for (JsonNode e : c.path("ErrorEquals")) catchAll |= e.asText().equals("States.ALL");
        if (catchAll && retry.isEmpty() && s.path("Type").asText().equals("Task")) {
            out.add(new Warning("CATCH_ALL_WITHOUT_RETRY", at, "Task catches States.ALL with no Retry: every transient error "
                    + "(a throttled or briefly unavailable service) takes the catch path instead of being retried."));
        }
        Set<String> earlier = new HashSet<>();
        int i = 0;
        for (JsonNode r : retry) {
            List<String> errors = new ArrayList<>();
            r.path("ErrorEquals").forEach(e -> errors.add(e.asText()));
            if (!errors.isEmpty() && (earlier.contains("States.ALL") || earlier.containsAll(errors))) {
                out.add(new Warning("RETRIER_NEVER_USED", at + "/Retry/" + i, "Every error this retrier names is taken by an earlier retrier."));
            }
            earlier.addAll(errors);
            i++;
        }
    }

    private static String quoted(List<String> names) {
        List<String> q = names.stream().limit(5).map(n -> "\"" + n + "\"").toList();
        return String.join(", ", q) + (names.size() > 5 ? " and " + (names.size() - 5) + " more" : "");
    }
}
