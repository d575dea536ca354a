package dev.stride.asl.compile;

import com.fasterxml.jackson.databind.JsonNode;
import dev.stride.asl.model.*;
import dev.stride.expr.jsonata.Jsonata;
import dev.stride.expr.jsonata.JsonataTemplate;
import dev.stride.expr.path.JsonPath;
import dev.stride.expr.template.DynamicValue;
import dev.stride.expr.template.PayloadTemplate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns a definition that passed validation into the compiled model: every path, template,
 * intrinsic call and JSONata expression is parsed here, once. It trusts the validator for
 * shape; what it still finds wrong is reported as IllegalArgumentException naming the location.
 */
public final class DefinitionCompiler {
    private DefinitionCompiler() {}

    public static StateMachine compile(JsonNode definition) {
        QueryLanguage top = QueryLanguage.parse(text(definition, "QueryLanguage"), QueryLanguage.JSONPATH);
        StateGraph graph = graph("", definition, top, "");
        JsonNode timeout = definition.get("TimeoutSeconds");
        return new StateMachine(graph, timeout == null ? null : timeout.asInt(), top, definition);
    }

    private static StateGraph graph(String id, JsonNode node, QueryLanguage inherited, String location) {
        Map<String, State> states = new LinkedHashMap<>();
        JsonNode statesNode = node.get("States");
        var it = statesNode.fields();
        while (it.hasNext()) {
            var e = it.next();
            String where = location + "/States/" + e.getKey();
            try {
                states.put(e.getKey(), state(e.getKey(), e.getValue(), inherited, where));
            } catch (IllegalArgumentException ex) {
                throw new IllegalArgumentException(ex.getMessage() + " at " + where, ex);
            }
        }
        return new StateGraph(id, text(node, "StartAt"), Map.copyOf(states));
    }

    private static State state(String name, JsonNode n, QueryLanguage inherited, String where) {
        String type = text(n, "Type");
        QueryLanguage lang = QueryLanguage.parse(text(n, "QueryLanguage"), inherited);
        Common common = common(name, type, lang, n);
        return switch (type) {
            case "Pass" -> new PassState(common, n.get("Result"), flow(n, lang));
            case "Task" -> new TaskState(common, text(n, "Resource"), flow(n, lang), errors(n, lang),
                    intField(n, "TimeoutSeconds", lang), intField(n, "HeartbeatSeconds", lang), n.get("Credentials"));
            case "Choice" -> choice(common, n, lang);
            case "Wait" -> wait(common, n, lang);
            case "Succeed" -> new SucceedState(common);
            case "Fail" -> fail(common, n, lang);
            case "Parallel" -> parallel(common, n, lang, where);
            case "Map" -> map(common, n, lang, where);
            default -> throw new IllegalArgumentException("unknown state Type '" + type + "'");
        };
    }

    private static Common common(String name, String type, QueryLanguage lang, JsonNode n) {
        JsonNode end = n.get("End");
        boolean jsonata = lang == QueryLanguage.JSONATA;
        return new Common(name, type, lang, text(n, "Next"), end != null && end.asBoolean(),
                path(n.get("InputPath")), isNull(n.get("InputPath")),
                path(n.get("OutputPath")), isNull(n.get("OutputPath")),
                assign(n.get("Assign"), lang),
                jsonata && n.has("Output") ? JsonataTemplate.compile(n.get("Output"), "Output") : null);
    }

    static Assign assign(JsonNode assign, QueryLanguage lang) {
        if (assign == null) return null;
        return lang == QueryLanguage.JSONATA
                ? new Assign(null, JsonataTemplate.compile(assign, "Assign"))
                : new Assign(PayloadTemplate.compile(assign), null);
    }

    private static DataFlow flow(JsonNode n, QueryLanguage lang) {
        if (lang == QueryLanguage.JSONATA) {
            JsonNode args = n.get("Arguments");
            return new DataFlow(null, args == null ? null : JsonataTemplate.compile(args, "Arguments"), null, ResultPath.REPLACE);
        }
        return new DataFlow(template(n.get("Parameters")), null, template(n.get("ResultSelector")), resultPath(n));
    }

    static ResultPath resultPath(JsonNode n) {
        if (!n.has("ResultPath")) return ResultPath.REPLACE;
        JsonNode rp = n.get("ResultPath");
        if (rp.isNull()) return ResultPath.DISCARD;
        return new ResultPath(JsonPath.compile(rp.asText()), false);
    }

    private static ErrorHandling errors(JsonNode n, QueryLanguage lang) {
        List<Retrier> retriers = new ArrayList<>();
        for (JsonNode r : iterable(n.get("Retry"))) {
            JsonNode maxDelay = r.get("MaxDelaySeconds");
            retriers.add(new Retrier(strings(r.get("ErrorEquals")),
                    r.has("IntervalSeconds") ? r.get("IntervalSeconds").asInt() : 1,
                    r.has("MaxAttempts") ? r.get("MaxAttempts").asInt() : 3,
                    r.has("BackoffRate") ? r.get("BackoffRate").asDouble() : 2.0,
                    maxDelay == null ? null : maxDelay.asInt(),
                    "FULL".equals(text(r, "JitterStrategy"))));
        }
        List<Catcher> catchers = new ArrayList<>();
        for (JsonNode c : iterable(n.get("Catch"))) {
            QueryLanguage cl = lang;
            catchers.add(new Catcher(strings(c.get("ErrorEquals")), text(c, "Next"),
                    cl == QueryLanguage.JSONATA ? ResultPath.REPLACE : resultPath(c),
                    assign(c.get("Assign"), cl),
                    cl == QueryLanguage.JSONATA && c.has("Output") ? JsonataTemplate.compile(c.get("Output"), "Output") : null));
        }
        if (retriers.isEmpty() && catchers.isEmpty()) return ErrorHandling.NONE;
        return new ErrorHandling(List.copyOf(retriers), List.copyOf(catchers));
    }

    static IntField intField(JsonNode n, String field, QueryLanguage lang) {
        JsonNode v = n.get(field);
        JsonNode p = n.get(field + "Path");
        if (v != null && v.isTextual() && Jsonata.isExpression(v.asText())) {
            return new IntField(null, null, JsonataTemplate.compile(v, field));
        }
        if (v != null) return new IntField(v.asLong(), null, null);
        if (p != null) return new IntField(null, JsonPath.compile(p.asText()), null);
        return IntField.ABSENT;
    }

    private static ChoiceState choice(Common common, JsonNode n, QueryLanguage lang) {
        List<Choice> choices = new ArrayList<>();
        for (JsonNode c : iterable(n.get("Choices"))) {
            QueryLanguage cl = lang;
            choices.add(new Choice(ChoiceRules.compile(c, cl), text(c, "Next"), assign(c.get("Assign"), cl),
                    cl == QueryLanguage.JSONATA && c.has("Output") ? JsonataTemplate.compile(c.get("Output"), "Output") : null));
        }
        return new ChoiceState(common, List.copyOf(choices), text(n, "Default"));
    }

    private static WaitState wait(Common common, JsonNode n, QueryLanguage lang) {
        JsonNode seconds = n.get("Seconds");
        JsonNode timestamp = n.get("Timestamp");
        JsonataTemplate secondsExpr = null;
        JsonataTemplate timestampExpr = null;
        if (lang == QueryLanguage.JSONATA) {
            if (seconds != null) secondsExpr = JsonataTemplate.compile(seconds, "Seconds");
            if (timestamp != null) timestampExpr = JsonataTemplate.compile(timestamp, "Timestamp");
            seconds = null;
            timestamp = null;
        }
        return new WaitState(common, seconds == null ? null : seconds.asLong(), timestamp == null ? null : timestamp.asText(),
                path(n.get("SecondsPath")), path(n.get("TimestampPath")), secondsExpr, timestampExpr);
    }

    private static FailState fail(Common common, JsonNode n, QueryLanguage lang) {
        if (lang == QueryLanguage.JSONATA) {
            return new FailState(common, null, null, null, null,
                    n.has("Error") ? JsonataTemplate.compile(n.get("Error"), "Error") : null,
                    n.has("Cause") ? JsonataTemplate.compile(n.get("Cause"), "Cause") : null);
        }
        return new FailState(common, text(n, "Error"), text(n, "Cause"),
                n.has("ErrorPath") ? DynamicValue.compile(n.get("ErrorPath").asText()) : null,
                n.has("CausePath") ? DynamicValue.compile(n.get("CausePath").asText()) : null, null, null);
    }

    private static ParallelState parallel(Common common, JsonNode n, QueryLanguage lang, String where) {
        List<StateGraph> branches = new ArrayList<>();
        int i = 0;
        for (JsonNode b : iterable(n.get("Branches"))) {
            QueryLanguage bl = QueryLanguage.parse(text(b, "QueryLanguage"), lang);
            branches.add(graph(common.name() + "#" + i, b, bl, where + "/Branches/" + i));
            i++;
        }
        return new ParallelState(common, List.copyOf(branches), flow(n, lang), errors(n, lang));
    }

    private static MapState map(Common common, JsonNode n, QueryLanguage lang, String where) {
        String procField = n.has("ItemProcessor") ? "ItemProcessor" : "Iterator";
        JsonNode proc = n.get(procField);
        QueryLanguage pl = QueryLanguage.parse(text(proc, "QueryLanguage"), lang);
        StateGraph processor = graph(common.name(), proc, pl, where + "/" + procField);
        JsonNode config = proc.get("ProcessorConfig");
        boolean distributed = config != null && "DISTRIBUTED".equals(text(config, "Mode"));
        boolean jsonata = lang == QueryLanguage.JSONATA;
        JsonNode selector = n.has("ItemSelector") ? n.get("ItemSelector") : n.get("Parameters");
        JsonNode pct = n.get("ToleratedFailurePercentage");
        JsonataTemplate pctExpr = null;
        Double pctValue = null;
        if (pct != null && pct.isTextual() && Jsonata.isExpression(pct.asText())) {
            pctExpr = JsonataTemplate.compile(pct, "ToleratedFailurePercentage");
        } else if (pct != null) {
            pctValue = pct.asDouble();
        }
        DataFlow flow = jsonata ? new DataFlow(null, null, null, ResultPath.REPLACE)
                : new DataFlow(null, null, template(n.get("ResultSelector")), resultPath(n));
        return new MapState(common, processor, distributed,
                jsonata ? null : path(n.get("ItemsPath")),
                jsonata && n.has("Items") ? JsonataTemplate.compile(n.get("Items"), "Items") : null,
                !jsonata && selector != null ? PayloadTemplate.compile(selector) : null,
                jsonata && selector != null ? JsonataTemplate.compile(selector, "ItemSelector") : null,
                intField(n, "MaxConcurrency", lang), intField(n, "ToleratedFailureCount", lang), pctValue,
                path(n.get("ToleratedFailurePercentagePath")), pctExpr, DistributedParts.reader(n.get("ItemReader"), lang),
                DistributedParts.batcher(n.get("ItemBatcher"), lang), DistributedParts.writer(n.get("ResultWriter"), lang),
                config != null && "EXPRESS".equals(text(config, "ExecutionType")), text(n, "Label"), flow, errors(n, lang));
    }

    // ---- small readers ----

    static String text(JsonNode n, String field) {
        JsonNode v = n == null ? null : n.get(field);
        return v == null || v.isNull() ? null : v.asText();
    }

    private static boolean isNull(JsonNode n) { return n != null && n.isNull(); }

    static JsonPath path(JsonNode n) { return n == null || n.isNull() ? null : JsonPath.compile(n.asText()); }

    private static PayloadTemplate template(JsonNode n) { return n == null ? null : PayloadTemplate.compile(n); }

    static Iterable<JsonNode> iterable(JsonNode n) { return n == null ? List.of() : n; }

    private static List<String> strings(JsonNode n) {
        List<String> out = new ArrayList<>();
        for (JsonNode s : iterable(n)) out.add(s.asText());
        return List.copyOf(out);
    }
}
