package dev.stride.asl.validation;

import com.fasterxml.jackson.databind.JsonNode;
import dev.stride.expr.path.JsonPath;
import dev.stride.expr.template.DynamicValue;
import dev.stride.expr.template.PayloadTemplate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One validation run. Locations are AWS-style: {@code /States/Name/Field}, array items as
 * {@code Field[i]}, state names unescaped.
 */
final class Checker {
    private static final String JSONPATH = "JSONPath";
    private static final String JSONATA = "JSONata";

    private enum Kind { TOP, BRANCH, PROCESSOR }

    private static final Set<String> TOP_FIELDS =
            Set.of("Comment", "StartAt", "States", "Version", "TimeoutSeconds", "QueryLanguage");
    private static final Set<String> BRANCH_FIELDS = Set.of("Comment", "StartAt", "States", "QueryLanguage");
    private static final Set<String> PROCESSOR_FIELDS = Set.of("Comment", "StartAt", "States", "ProcessorConfig");

    private static final Map<String, Set<String>> STATE_FIELDS = new HashMap<>();

    static {
        STATE_FIELDS.put("Pass", Set.of("Next", "End", "InputPath", "OutputPath", "Parameters", "ResultPath",
                "Result", "Output", "Assign"));
        STATE_FIELDS.put("Task", Set.of("Next", "End", "Resource", "InputPath", "OutputPath", "Parameters",
                "ResultSelector", "ResultPath", "Arguments", "Output", "Assign", "Retry", "Catch", "TimeoutSeconds",
                "TimeoutSecondsPath", "HeartbeatSeconds", "HeartbeatSecondsPath", "Credentials"));
        STATE_FIELDS.put("Choice", Set.of("Choices", "Default", "InputPath", "OutputPath", "Output", "Assign"));
        STATE_FIELDS.put("Wait", Set.of("Next", "End", "Seconds", "Timestamp", "SecondsPath", "TimestampPath",
                "InputPath", "OutputPath", "Output", "Assign"));
        STATE_FIELDS.put("Succeed", Set.of("InputPath", "OutputPath", "Output"));
        STATE_FIELDS.put("Fail", Set.of("Error", "Cause", "ErrorPath", "CausePath"));
        STATE_FIELDS.put("Parallel", Set.of("Next", "End", "Branches", "InputPath", "OutputPath", "Parameters",
                "ResultSelector", "ResultPath", "Arguments", "Output", "Assign", "Retry", "Catch"));
        STATE_FIELDS.put("Map", Set.of("Next", "End", "ItemProcessor", "Iterator", "ItemsPath", "Items",
                "ItemSelector", "Parameters", "ItemReader", "ItemBatcher", "ResultWriter", "MaxConcurrency",
                "MaxConcurrencyPath", "ToleratedFailurePercentage", "ToleratedFailurePercentagePath",
                "ToleratedFailureCount", "ToleratedFailureCountPath", "Label", "InputPath", "OutputPath",
                "ResultSelector", "ResultPath", "Output", "Assign", "Retry", "Catch"));
    }

    private static final Set<String> COMMON_FIELDS = Set.of("Type", "Comment", "QueryLanguage");

    /** Fields only JSONPath states accept. */
    private static final Set<String> JSONPATH_ONLY = Set.of("InputPath", "OutputPath", "Parameters",
            "ResultSelector", "ResultPath", "ItemsPath", "TimeoutSecondsPath", "HeartbeatSecondsPath", "SecondsPath",
            "TimestampPath", "ErrorPath", "CausePath", "MaxConcurrencyPath", "ToleratedFailureCountPath",
            "ToleratedFailurePercentagePath");
    /** Fields only JSONata states accept. */
    private static final Set<String> JSONATA_ONLY = Set.of("Arguments", "Output", "Items");

    private static final Set<String> NEEDS_TRANSITION = Set.of("Task", "Pass", "Wait", "Parallel", "Map");

    private static final List<String[]> EXCLUSIVE = List.of(
            new String[] {"Next", "End"},
            new String[] {"TimeoutSeconds", "TimeoutSecondsPath"},
            new String[] {"HeartbeatSeconds", "HeartbeatSecondsPath"},
            new String[] {"Error", "ErrorPath"},
            new String[] {"Cause", "CausePath"},
            new String[] {"ItemProcessor", "Iterator"},
            new String[] {"ItemSelector", "Parameters"},
            new String[] {"MaxConcurrency", "MaxConcurrencyPath"},
            new String[] {"ToleratedFailureCount", "ToleratedFailureCountPath"},
            new String[] {"ToleratedFailurePercentage", "ToleratedFailurePercentagePath"});

    private static final List<String> WAIT_FIELDS = List.of("SecondsPath", "Seconds", "TimestampPath", "Timestamp");

    // Choice rule operators, by operand kind.
    private static final Set<String> STRING_OPS = Set.of("StringEquals", "StringLessThan", "StringGreaterThan",
            "StringLessThanEquals", "StringGreaterThanEquals", "StringMatches");
    private static final Set<String> NUMERIC_OPS = Set.of("NumericEquals", "NumericLessThan", "NumericGreaterThan",
            "NumericLessThanEquals", "NumericGreaterThanEquals");
    private static final Set<String> BOOLEAN_OPS = Set.of("BooleanEquals");
    private static final Set<String> TIMESTAMP_OPS = Set.of("TimestampEquals", "TimestampLessThan",
            "TimestampGreaterThan", "TimestampLessThanEquals", "TimestampGreaterThanEquals");
    private static final Set<String> TYPE_TEST_OPS =
            Set.of("IsNull", "IsPresent", "IsNumeric", "IsString", "IsBoolean", "IsTimestamp");
    private static final Set<String> PATH_OPS = new HashSet<>();

    static {
        for (Set<String> s : List.of(STRING_OPS, NUMERIC_OPS, BOOLEAN_OPS, TIMESTAMP_OPS)) {
            for (String op : s) {
                if (!op.equals("StringMatches")) {
                    PATH_OPS.add(op + "Path");
                }
            }
        }
    }

    private static final Set<String> RETRIER_FIELDS = Set.of("ErrorEquals", "IntervalSeconds", "MaxAttempts",
            "BackoffRate", "MaxDelaySeconds", "JitterStrategy", "Comment");
    private static final Set<String> CATCHER_FIELDS =
            Set.of("ErrorEquals", "Next", "ResultPath", "Output", "Assign", "Comment");

    /** Characters a Map Label may not contain (as for execution names), besides control characters. */
    private static final String LABEL_FORBIDDEN = " <>{}[]?*\"#%\\^|~`$&,;:/";

    private final StateMachineType type;
    private final List<Diagnostic> out = new ArrayList<>();
    private final Set<String> allNames = new HashSet<>();
    private String topQl = JSONPATH;

    Checker(StateMachineType type) {
        this.type = type;
    }

    List<Diagnostic> run(JsonNode def) {
        if (def == null || !def.isObject()) {
            error(Codes.SCHEMA, null, "Definition must be a valid JSON object");
            return out;
        }
        JsonNode ql = def.get("QueryLanguage");
        if (ql != null) {
            if (isQl(ql)) {
                topQl = ql.asText();
            } else {
                schema("/QueryLanguage", invalidQl());
            }
        }
        machine(def, "", Kind.TOP);
        return out;
    }

    // ---------------------------------------------------------------------------------------- machines

    private void machine(JsonNode m, String base, Kind kind) {
        String here = base.isEmpty() ? "/" : base;
        if (!m.isObject()) {
            schema(here, "Value must be an object");
            return;
        }
        List<String> missing = new ArrayList<>();
        if (!m.has("States")) {
            missing.add("States");
        }
        if (!m.has("StartAt")) {
            missing.add("StartAt");
        }
        if (!missing.isEmpty()) {
            schema(here, "These fields are required: " + missing);
        }
        Set<String> allowed = switch (kind) {
            case TOP -> TOP_FIELDS;
            case BRANCH -> BRANCH_FIELDS;
            case PROCESSOR -> PROCESSOR_FIELDS;
        };
        for (Iterator<String> it = m.fieldNames(); it.hasNext(); ) {
            String f = it.next();
            if (!allowed.contains(f)) {
                notSupported(here, f);
            }
        }
        if (kind == Kind.TOP) {
            JsonNode t = m.get("TimeoutSeconds");
            if (t != null) {
                integerRange(t, "/TimeoutSeconds", "TimeoutSeconds", 1, 99999999L);
            }
            stringField(m, "Version", "/Version");
        }
        if (kind == Kind.BRANCH && m.has("QueryLanguage") && !isQl(m.get("QueryLanguage"))) {
            schema(base + "/QueryLanguage", invalidQl());
        }
        stringField(m, "Comment", base + "/Comment");

        JsonNode states = m.get("States");
        Map<String, JsonNode> byName = new LinkedHashMap<>();
        if (states != null) {
            if (!states.isObject()) {
                schema(base + "/States", mustBe("States", "OBJECT"));
            } else {
                states.fields().forEachRemaining(e -> byName.put(e.getKey(), e.getValue()));
            }
        }
        if (kind == Kind.PROCESSOR) {
            processorConfig(m.get("ProcessorConfig"), base + "/ProcessorConfig");
        }
        // StartAt first (AWS reports it before the states' own problems).
        JsonNode startAt = m.get("StartAt");
        String start = null;
        if (startAt != null) {
            if (!startAt.isTextual()) {
                schema(base + "/StartAt", mustBe("StartAt", "STRING"));
            } else {
                start = startAt.asText();
                if (states != null && states.isObject() && !byName.containsKey(start)) {
                    error(Codes.MISSING_TARGET, base + "/StartAt", "Missing 'Next' target: " + start);
                }
            }
        }
        for (Map.Entry<String, JsonNode> e : byName.entrySet()) {
            state(e.getKey(), e.getValue(), base + "/States/" + e.getKey(), byName.keySet());
        }
        if (start == null || byName.isEmpty()) {
            return;
        }
        graph(byName, start, base);
    }

    private void graph(Map<String, JsonNode> byName, String start, String base) {
        boolean anyTerminal = false;
        Set<String> targeted = new HashSet<>();
        targeted.add(start);
        for (Map.Entry<String, JsonNode> e : byName.entrySet()) {
            JsonNode s = e.getValue();
            if (!s.isObject()) {
                anyTerminal = true; // don't pile graph errors onto a broken state
                continue;
            }
            String t = s.path("Type").asText("");
            if (t.equals("Succeed") || t.equals("Fail") || s.path("End").asBoolean(false)) {
                anyTerminal = true;
            }
            if (!STATE_FIELDS.containsKey(t)) {
                anyTerminal = true;
            }
            for (String target : targets(s)) {
                if (!target.equals(e.getKey())) {
                    targeted.add(target);
                }
            }
        }
        if (!anyTerminal) {
            error(Codes.MISSING_END, null, "Workflow has no terminal state");
            return;
        }
        for (String name : byName.keySet()) {
            if (!targeted.contains(name)) {
                error(Codes.MISSING_TARGET, base + "/States/" + name, "State \"" + name + "\" is not reachable.");
            }
        }
    }

    private static List<String> targets(JsonNode s) {
        List<String> t = new ArrayList<>();
        addText(t, s.get("Next"));
        addText(t, s.get("Default"));
        JsonNode choices = s.get("Choices");
        if (choices != null && choices.isArray()) {
            choices.forEach(c -> addText(t, c.get("Next")));
        }
        JsonNode catches = s.get("Catch");
        if (catches != null && catches.isArray()) {
            catches.forEach(c -> addText(t, c.get("Next")));
        }
        return t;
    }

    private static void addText(List<String> list, JsonNode n) {
        if (n != null && n.isTextual()) {
            list.add(n.asText());
        }
    }

    private void processorConfig(JsonNode pc, String loc) {
        if (pc == null) {
            return;
        }
        if (!pc.isObject()) {
            schema(loc, mustBe("ProcessorConfig", "OBJECT"));
            return;
        }
        for (Iterator<String> it = pc.fieldNames(); it.hasNext(); ) {
            String f = it.next();
            if (!f.equals("Mode") && !f.equals("ExecutionType")) {
                notSupported(loc, f);
            }
        }
        JsonNode mode = pc.get("Mode");
        if (mode != null && !(mode.isTextual() && Set.of("INLINE", "DISTRIBUTED").contains(mode.asText()))) {
            schema(loc + "/Mode", "Value must be one of [INLINE, DISTRIBUTED]");
        }
        JsonNode et = pc.get("ExecutionType");
        if (et != null && !(et.isTextual() && Set.of("STANDARD", "EXPRESS").contains(et.asText()))) {
            schema(loc + "/ExecutionType", "Value must be one of [STANDARD, EXPRESS]");
        }
        if (mode != null && "DISTRIBUTED".equals(mode.asText()) && et == null) {
            schema(loc, "These fields are required: [ExecutionType]");
        }
    }

    // ------------------------------------------------------------------------------------------ states

    private void state(String name, JsonNode s, String loc, Set<String> siblings) {
        if (name.length() > 80) {
            error(Codes.INVALID_NAME, loc, "State name must be at most 80 characters long");
        }
        if (!allNames.add(name)) {
            error(Codes.DUPLICATE_NAME, loc, "Duplicate State name: " + name);
        }
        if (!s.isObject()) {
            schema(loc, "Value must be an object");
            return;
        }
        JsonNode typeNode = s.get("Type");
        if (typeNode == null) {
            schema(loc, "These fields are required: [Type]");
            return;
        }
        String t = typeNode.asText();
        if (!typeNode.isTextual() || !STATE_FIELDS.containsKey(t)) {
            schema(loc + "/Type", "Value must be one of [Task, Pass, Choice, Wait, Succeed, Fail, Parallel, Map]");
            return;
        }
        // Query language of this state.
        String ql = topQl;
        JsonNode qlNode = s.get("QueryLanguage");
        if (qlNode != null) {
            if (!isQl(qlNode)) {
                schema(loc + "/QueryLanguage", invalidQl());
            } else if (topQl.equals(JSONATA) && qlNode.asText().equals(JSONPATH)) {
                schema(loc, "'QueryLanguage' can not be 'JSONPath' if set to 'JSONata' for whole state machine");
            } else {
                ql = qlNode.asText();
            }
        }
        boolean jsonata = ql.equals(JSONATA);

        // Unknown fields and fields of the other query language.
        Set<String> allowed = STATE_FIELDS.get(t);
        Set<String> usable = new HashSet<>();
        for (Iterator<String> it = s.fieldNames(); it.hasNext(); ) {
            String f = it.next();
            if (COMMON_FIELDS.contains(f)) {
                continue;
            }
            if (!allowed.contains(f)) {
                notSupported(loc, f);
            } else if (jsonata && JSONPATH_ONLY.contains(f)) {
                schema(loc, wrongQl(JSONATA, f, JSONPATH));
            } else if (!jsonata && JSONATA_ONLY.contains(f)) {
                schema(loc, wrongQl(JSONPATH, f, JSONATA));
            } else {
                usable.add(f);
            }
        }
        stringField(s, "Comment", loc + "/Comment");

        // Required fields.
        List<String> required = switch (t) {
            case "Task" -> List.of("Resource");
            case "Choice" -> List.of("Choices");
            case "Parallel" -> List.of("Branches");
            default -> List.of();
        };
        List<String> missing = required.stream().filter(f -> !s.has(f)).toList();
        if (!missing.isEmpty()) {
            schema(loc, "These fields are required: " + missing);
        }
        if (t.equals("Map") && !s.has("ItemProcessor") && !s.has("Iterator")) {
            schema(loc, "These fields are required: [ItemProcessor]");
        }

        // Mutually exclusive fields.
        for (String[] pair : EXCLUSIVE) {
            if (usable.contains(pair[0]) && usable.contains(pair[1])) {
                if (pair[0].equals("Next") && !s.path("End").asBoolean(true)) {
                    continue; // "End": false next to Next is reported below
                }
                schema(loc, "There should only be one of the following fields: [" + pair[0] + ", " + pair[1] + "]");
            }
        }

        // Transitions.
        if (NEEDS_TRANSITION.contains(t)) {
            JsonNode end = s.get("End");
            if (end != null && !end.isBoolean()) {
                schema(loc + "/End", mustBe("End", "BOOLEAN"));
            } else if (end != null && !end.asBoolean()) {
                schema(loc + "/End", "Value must be true");
            }
            if (!s.has("Next") && !(end != null && end.isBoolean() && end.asBoolean())) {
                schema(loc, "Exactly one of these fields is required: [Next, End]");
            }
        }
        target(s.get("Next"), loc + "/Next", "Next", siblings);

        // Field shapes common to several types.
        if (!jsonata) {
            path(s, "InputPath", loc, true, false);
            path(s, "OutputPath", loc, true, false);
            path(s, "ResultPath", loc, true, true);
            template(s, "Parameters", loc);
            template(s, "ResultSelector", loc);
            template(s, "Assign", loc);
        } else {
            for (String f : List.of("Arguments", "Output", "Assign")) {
                expressions(s.get(f), loc + "/" + f);
            }
        }
        if (s.has("Assign") && !s.get("Assign").isObject()) {
            schema(loc + "/Assign", mustBe("Assign", "OBJECT"));
        }
        if (s.has("Retry")) {
            retriers(s.get("Retry"), loc + "/Retry");
        }
        if (s.has("Catch")) {
            catchers(s.get("Catch"), loc + "/Catch", jsonata, siblings);
        }

        switch (t) {
            case "Task" -> task(s, loc, jsonata);
            case "Choice" -> choice(s, loc, jsonata, siblings);
            case "Wait" -> waitState(s, loc, jsonata);
            case "Fail" -> fail(s, loc, jsonata);
            case "Parallel" -> parallel(s, loc);
            case "Map" -> map(s, loc, jsonata);
            default -> { }
        }
    }

    private void task(JsonNode s, String loc, boolean jsonata) {
        JsonNode r = s.get("Resource");
        if (r != null) {
            if (!r.isTextual()) {
                schema(loc + "/Resource", mustBe("Resource", "STRING"));
            } else if (type == StateMachineType.EXPRESS) {
                String res = r.asText();
                if (res.endsWith(".sync") || res.contains(".sync:")) {
                    schema(loc + "/Resource", "Express state machine does not support '.sync' service integration");
                } else if (res.endsWith(".waitForTaskToken")) {
                    // AWS's text has a trailing space before " at".
                    schema(loc + "/Resource",
                            "Express state machine does not support '.waitForTaskToken' service integration ");
                }
            }
        }
        seconds(s, "TimeoutSeconds", loc, jsonata, 1);
        seconds(s, "HeartbeatSeconds", loc, jsonata, 1);
        JsonNode to = s.get("TimeoutSeconds");
        JsonNode hb = s.get("HeartbeatSeconds");
        if (to != null && hb != null && to.canConvertToLong() && hb.canConvertToLong() && to.isIntegralNumber()
                && hb.isIntegralNumber() && hb.asLong() >= to.asLong()) {
            schema(loc + "/HeartbeatSeconds", "HeartbeatSeconds must be smaller than TimeoutSeconds");
        }
        if (!jsonata) {
            path(s, "TimeoutSecondsPath", loc, false, true);
            path(s, "HeartbeatSecondsPath", loc, false, true);
        }
        JsonNode cred = s.get("Credentials");
        if (cred != null) {
            if (!cred.isObject()) {
                schema(loc + "/Credentials", mustBe("Credentials", "OBJECT"));
            } else if (!cred.has("RoleArn") && (jsonata || !cred.has("RoleArn.$"))) {
                schema(loc + "/Credentials", "The field 'RoleArn' is required but was missing");
            } else if (jsonata) {
                expressions(cred, loc + "/Credentials");
            } else {
                template(s, "Credentials", loc);
            }
        }
    }

    private void seconds(JsonNode s, String field, String loc, boolean jsonata, long min) {
        JsonNode v = s.get(field);
        if (v == null) {
            return;
        }
        if (jsonata && v.isTextual()) {
            expression(v.asText(), loc + "/" + field, true);
            return;
        }
        integerRange(v, loc + "/" + field, field, min, 99999999L);
    }

    private void waitState(JsonNode s, String loc, boolean jsonata) {
        List<String> present = WAIT_FIELDS.stream().filter(s::has).toList();
        if (present.size() > 1) {
            schema(loc, "There should only be one of the following fields: " + WAIT_FIELDS);
        } else if (present.isEmpty()) {
            schema(loc, "Exactly one of these fields is required: " + WAIT_FIELDS);
        }
        JsonNode sec = s.get("Seconds");
        if (sec != null) {
            if (jsonata && sec.isTextual()) {
                expression(sec.asText(), loc + "/Seconds", true);
            } else {
                integerRange(sec, loc + "/Seconds", "Seconds", 0, 99999999L);
            }
        }
        JsonNode ts = s.get("Timestamp");
        if (ts != null) {
            if (!ts.isTextual()) {
                schema(loc + "/Timestamp", mustBe("Timestamp", "STRING"));
            } else if (jsonata) {
                expression(ts.asText(), loc + "/Timestamp", false);
            }
        }
        if (!jsonata) {
            path(s, "SecondsPath", loc, false, true);
            path(s, "TimestampPath", loc, false, true);
        }
    }

    private void fail(JsonNode s, String loc, boolean jsonata) {
        for (String f : List.of("Error", "Cause")) {
            JsonNode v = s.get(f);
            if (v == null) {
                continue;
            }
            if (!v.isTextual()) {
                schema(loc + "/" + f, mustBe(f, "STRING"));
            } else if (jsonata) {
                expression(v.asText(), loc + "/" + f, false);
            }
        }
        if (!jsonata) {
            for (String f : List.of("ErrorPath", "CausePath")) {
                JsonNode v = s.get(f);
                if (v == null) {
                    continue;
                }
                if (!v.isTextual()) {
                    schema(loc + "/" + f, mustBe(f, "STRING"));
                    continue;
                }
                try {
                    DynamicValue.compile(v.asText());
                } catch (UnsupportedOperationException stub) {
                    // expression compiler not available yet
                } catch (IllegalArgumentException e) {
                    schema(loc + "/" + f, e.getMessage());
                }
            }
        }
    }

    private void parallel(JsonNode s, String loc) {
        JsonNode b = s.get("Branches");
        if (b == null) {
            return;
        }
        if (!b.isArray()) {
            schema(loc + "/Branches", mustBe("Branches", "ARRAY"));
            return;
        }
        if (b.isEmpty()) {
            schema(loc + "/Branches", "Minimum array size is 1");
        }
        for (int i = 0; i < b.size(); i++) {
            machine(b.get(i), loc + "/Branches[" + i + "]", Kind.BRANCH);
        }
    }

    private void map(JsonNode s, String loc, boolean jsonata) {
        for (String f : List.of("ItemProcessor", "Iterator")) {
            JsonNode p = s.get(f);
            if (p != null) {
                if (p.isObject() && p.has("QueryLanguage")) {
                    notSupported(loc + "/" + f, "QueryLanguage");
                }
                machine(p, loc + "/" + f, Kind.PROCESSOR);
            }
        }
        if (!jsonata) {
            path(s, "ItemsPath", loc, false, false);
            template(s, "ItemSelector", loc);
            for (String f : List.of("MaxConcurrencyPath", "ToleratedFailureCountPath",
                    "ToleratedFailurePercentagePath")) {
                path(s, f, loc, false, true);
                JsonNode v = s.get(f);
                if (v != null && v.isTextual() && v.asText().startsWith("$$")) {
                    schema(loc + "/" + f, "Value is not a Reference Path");
                }
            }
        } else {
            expressions(s.get("Items"), loc + "/Items");
            expressions(s.get("ItemSelector"), loc + "/ItemSelector");
            JsonNode items = s.get("Items");
            if (items != null && !items.isArray() && !isExpression(items)) {
                schema(loc + "/Items", "Value must be an array or a JSONata expression");
            }
        }
        numberField(s, "MaxConcurrency", loc, jsonata, 0, 2147483647.0, true);
        numberField(s, "ToleratedFailureCount", loc, jsonata, 0, 2147483647.0, true);
        numberField(s, "ToleratedFailurePercentage", loc, jsonata, 0, 100, false);
        JsonNode label = s.get("Label");
        if (label != null) {
            if (!label.isTextual()) {
                schema(loc + "/Label", mustBe("Label", "STRING"));
            } else {
                label(label.asText(), loc + "/Label");
            }
        }
    }

    private void label(String label, String loc) {
        if (label.isEmpty()) {
            error(Codes.INVALID_LABEL, loc, "Label must not be empty");
            return;
        }
        if (label.codePointCount(0, label.length()) > 40) {
            error(Codes.INVALID_LABEL, loc, "Label must be at most 40 characters long");
            return;
        }
        for (int i = 0; i < label.length(); i++) {
            char c = label.charAt(i);
            if (c < 0x20 || (c >= 0x7f && c <= 0x9f) || LABEL_FORBIDDEN.indexOf(c) >= 0) {
                error(Codes.INVALID_LABEL, loc, "Label contains a character that is not allowed");
                return;
            }
        }
    }

    // ------------------------------------------------------------------------------------------- Choice

    private void choice(JsonNode s, String loc, boolean jsonata, Set<String> siblings) {
        target(s.get("Default"), loc + "/Default", "Default", siblings);
        JsonNode choices = s.get("Choices");
        if (choices == null) {
            return;
        }
        if (!choices.isArray()) {
            schema(loc + "/Choices", mustBe("Choices", "ARRAY"));
            return;
        }
        if (choices.isEmpty()) {
            schema(loc + "/Choices", "Minimum array size is 1");
        }
        for (int i = 0; i < choices.size(); i++) {
            rule(choices.get(i), loc + "/Choices[" + i + "]", true, jsonata, siblings);
        }
    }

    private void rule(JsonNode r, String loc, boolean top, boolean jsonata, Set<String> siblings) {
        if (!r.isObject()) {
            schema(loc, "Value must be an object");
            return;
        }
        List<String> operators = new ArrayList<>();
        for (Iterator<String> it = r.fieldNames(); it.hasNext(); ) {
            String f = it.next();
            boolean jpRuleField = f.equals("Variable") || f.equals("And") || f.equals("Or") || f.equals("Not")
                    || STRING_OPS.contains(f) || NUMERIC_OPS.contains(f) || BOOLEAN_OPS.contains(f)
                    || TIMESTAMP_OPS.contains(f) || TYPE_TEST_OPS.contains(f) || PATH_OPS.contains(f);
            boolean jaRuleField = f.equals("Condition") || f.equals("Output");
            if (f.equals("Comment")) {
                continue;
            }
            if (f.equals("Next") || f.equals("Assign")) {
                if (!top) {
                    notSupported(loc, f);
                }
                continue;
            }
            if (jpRuleField) {
                if (jsonata) {
                    schema(loc, wrongQl(JSONATA, f, JSONPATH));
                } else if (!f.equals("Variable")) {
                    operators.add(f);
                }
            } else if (jaRuleField) {
                if (!jsonata) {
                    schema(loc, wrongQl(JSONPATH, f, JSONATA));
                } else if (f.equals("Output") && !top) {
                    notSupported(loc, f);
                }
            } else {
                notSupported(loc, f);
            }
        }
        if (top) {
            if (!r.has("Next")) {
                schema(loc, "These fields are required: [Next]");
            } else {
                target(r.get("Next"), loc + "/Next", "Next", siblings);
            }
            if (r.has("Assign") && !r.get("Assign").isObject()) {
                schema(loc + "/Assign", mustBe("Assign", "OBJECT"));
            }
        }
        if (jsonata) {
            JsonNode cond = r.get("Condition");
            if (cond == null) {
                schema(loc, "These fields are required: [Condition]");
            } else if (cond.isTextual()) {
                expression(cond.asText(), loc + "/Condition", false);
                if (!isExpression(cond)) {
                    schema(loc + "/Condition", "Value must be a JSONata expression or a boolean");
                }
            } else if (!cond.isBoolean()) {
                schema(loc + "/Condition", "Value must be a JSONata expression or a boolean");
            }
            expressions(r.get("Output"), loc + "/Output");
            expressions(r.get("Assign"), loc + "/Assign");
            return;
        }
        if (top) {
            template(r, "Assign", loc);
        }
        if (operators.isEmpty()) {
            schema(loc, "Exactly one comparison operator or boolean expression (And, Or, Not) is required");
            return;
        }
        if (operators.size() > 1) {
            schema(loc, "There should only be one of the following fields: " + operators);
            return;
        }
        String op = operators.get(0);
        JsonNode v = r.get(op);
        String opLoc = loc + "/" + op;
        switch (op) {
            case "And", "Or" -> {
                if (r.has("Variable")) {
                    notSupported(loc, "Variable");
                }
                if (!v.isArray()) {
                    schema(opLoc, mustBe(op, "ARRAY"));
                    return;
                }
                if (v.isEmpty()) {
                    schema(opLoc, "Minimum array size is 1");
                }
                for (int i = 0; i < v.size(); i++) {
                    rule(v.get(i), loc + "/" + op + "[" + i + "]", false, false, siblings);
                }
                return;
            }
            case "Not" -> {
                if (r.has("Variable")) {
                    notSupported(loc, "Variable");
                }
                if (!v.isObject()) {
                    schema(opLoc, mustBe(op, "OBJECT"));
                    return;
                }
                rule(v, opLoc, false, false, siblings);
                return;
            }
            default -> { }
        }
        if (!r.has("Variable")) {
            schema(loc, "These fields are required: [Variable]");
        } else {
            path(r, "Variable", loc, false, false);
        }
        if (PATH_OPS.contains(op)) {
            path(r, op, loc, false, false);
        } else if (STRING_OPS.contains(op) || TIMESTAMP_OPS.contains(op)) {
            if (!v.isTextual()) {
                schema(opLoc, mustBe(op, "STRING"));
            }
        } else if (NUMERIC_OPS.contains(op)) {
            if (!v.isNumber()) {
                schema(opLoc, mustBe(op, "NUMBER"));
            }
        } else if (!v.isBoolean()) { // BooleanEquals and the Is* type tests
            schema(opLoc, mustBe(op, "BOOLEAN"));
        }
    }

    // ------------------------------------------------------------------------------------- Retry / Catch

    private void retriers(JsonNode retry, String loc) {
        if (!retry.isArray()) {
            schema(loc, mustBe("Retry", "ARRAY"));
            return;
        }
        for (int i = 0; i < retry.size(); i++) {
            JsonNode r = retry.get(i);
            String rl = loc + "[" + i + "]";
            if (!r.isObject()) {
                schema(rl, "Value must be an object");
                continue;
            }
            for (Iterator<String> it = r.fieldNames(); it.hasNext(); ) {
                String f = it.next();
                if (!RETRIER_FIELDS.contains(f)) {
                    notSupported(rl, f);
                }
            }
            errorEquals(r, rl, i == retry.size() - 1, "Retrier");
            for (Iterator<Map.Entry<String, JsonNode>> it = r.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                JsonNode v = e.getValue();
                String fl = rl + "/" + e.getKey();
                switch (e.getKey()) {
                    case "IntervalSeconds" -> integerRange(v, fl, e.getKey(), 1, 99999999L);
                    case "MaxAttempts" -> integerRange(v, fl, e.getKey(), 0, 99999999L);
                    case "MaxDelaySeconds" -> integerRange(v, fl, e.getKey(), 1, 31622400L);
                    case "BackoffRate" -> {
                        if (!v.isNumber()) {
                            schema(fl, mustBe("BackoffRate", "NUMBER"));
                        } else if (v.asDouble() < 1.0) {
                            schema(fl, "Minimum value is 1.0");
                        }
                    }
                    case "JitterStrategy" -> {
                        if (!(v.isTextual() && (v.asText().equals("FULL") || v.asText().equals("NONE")))) {
                            schema(fl, "Value must be one of [FULL, NONE]");
                        }
                    }
                    default -> { }
                }
            }
        }
    }

    private void catchers(JsonNode c, String loc, boolean jsonata, Set<String> siblings) {
        if (!c.isArray()) {
            schema(loc, mustBe("Catch", "ARRAY"));
            return;
        }
        for (int i = 0; i < c.size(); i++) {
            JsonNode r = c.get(i);
            String cl = loc + "[" + i + "]";
            if (!r.isObject()) {
                schema(cl, "Value must be an object");
                continue;
            }
            for (Iterator<String> it = r.fieldNames(); it.hasNext(); ) {
                String f = it.next();
                if (!CATCHER_FIELDS.contains(f)) {
                    notSupported(cl, f);
                } else if (jsonata && f.equals("ResultPath")) {
                    schema(cl, wrongQl(JSONATA, f, JSONPATH));
                } else if (!jsonata && f.equals("Output")) {
                    schema(cl, wrongQl(JSONPATH, f, JSONATA));
                }
            }
            List<String> missing = new ArrayList<>();
            if (!r.has("ErrorEquals")) {
                missing.add("ErrorEquals");
            }
            if (!r.has("Next")) {
                missing.add("Next");
            }
            if (!missing.isEmpty()) {
                schema(cl, "These fields are required: " + missing);
            }
            errorEquals(r, cl, i == c.size() - 1, "Catcher");
            target(r.get("Next"), cl + "/Next", "Next", siblings);
            if (jsonata) {
                expressions(r.get("Output"), cl + "/Output");
                expressions(r.get("Assign"), cl + "/Assign");
            } else {
                path(r, "ResultPath", cl, true, true);
                template(r, "Assign", cl);
            }
        }
    }

    private void errorEquals(JsonNode r, String loc, boolean last, String what) {
        JsonNode ee = r.get("ErrorEquals");
        if (ee == null) {
            if (what.equals("Retrier")) {
                schema(loc, "These fields are required: [ErrorEquals]");
            }
            return;
        }
        String el = loc + "/ErrorEquals";
        if (!ee.isArray()) {
            schema(el, mustBe("ErrorEquals", "ARRAY"));
            return;
        }
        if (ee.isEmpty()) {
            schema(el, "Minimum array size is 1");
            return;
        }
        boolean all = false;
        for (JsonNode e : ee) {
            if (!e.isTextual()) {
                schema(el, mustBe("ErrorEquals", "ARRAY of STRING"));
                return;
            }
            all |= e.asText().equals("States.ALL");
        }
        if (all && ee.size() > 1) {
            schema(el, "'States.ALL' must appear alone in ErrorEquals");
        } else if (all && !last) {
            schema(el, "'States.ALL' must appear in the last " + what.toLowerCase());
        }
    }

    // --------------------------------------------------------------------------------------- helpers

    private void target(JsonNode next, String loc, String field, Set<String> siblings) {
        if (next == null) {
            return;
        }
        if (!next.isTextual()) {
            schema(loc, mustBe(field, "STRING"));
        } else if (!siblings.contains(next.asText())) {
            error(Codes.MISSING_TARGET, loc, "Missing 'Next' target: " + next.asText());
        }
    }

    /** A JSONPath field: a path string starting with '$' (or null where allowed). */
    private void path(JsonNode owner, String field, String ownerLoc, boolean nullable, boolean reference) {
        JsonNode v = owner.get(field);
        if (v == null || (nullable && v.isNull())) {
            return;
        }
        String loc = ownerLoc + "/" + field;
        if (!v.isTextual()) {
            schema(loc, mustBe(field, "STRING"));
            return;
        }
        String text = v.asText();
        if (!text.startsWith("$")) {
            schema(loc, "The value for the field '" + field + "' must be a valid JSONPath");
            return;
        }
        try {
            JsonPath p = JsonPath.compile(text);
            if (reference && !p.isDefinite()) {
                schema(loc, "The value for the field '" + field + "' must be a valid ReferencePath");
            }
        } catch (UnsupportedOperationException stub) {
            // path compiler not available yet
        } catch (IllegalArgumentException e) {
            schema(loc, "The value for the field '" + field + "' must be a valid JSONPath");
        }
    }

    /** A JSONPath payload template (Parameters, ResultSelector, ItemSelector, Assign, Credentials). */
    private void template(JsonNode owner, String field, String ownerLoc) {
        JsonNode v = owner.get(field);
        if (v == null) {
            return;
        }
        try {
            PayloadTemplate.compile(v);
        } catch (UnsupportedOperationException stub) {
            // template compiler not available yet
        } catch (IllegalArgumentException e) {
            schema(ownerLoc + "/" + field, e.getMessage());
        }
    }

    /** Checks the {% %} framing of every string inside a JSONata-capable value. */
    private void expressions(JsonNode v, String loc) {
        if (v == null) {
            return;
        }
        if (v.isTextual()) {
            expression(v.asText(), loc, false);
        } else if (v.isObject()) {
            v.fields().forEachRemaining(e -> expressions(e.getValue(), loc + "/" + e.getKey()));
        } else if (v.isArray()) {
            for (int i = 0; i < v.size(); i++) {
                expressions(v.get(i), loc + "[" + i + "]");
            }
        }
    }

    private void expression(String s, String loc, boolean mustBeExpression) {
        String trimmed = s.strip();
        boolean framed = trimmed.startsWith("{%") && trimmed.endsWith("%}") && trimmed.length() >= 4;
        if (framed && !trimmed.equals(s)) {
            schema(loc, "JSONata expression must not have leading or trailing whitespace outside '{%' and '%}'");
        } else if (framed && trimmed.substring(2, trimmed.length() - 2).isBlank()) {
            schema(loc, "JSONata expression must not be empty");
        } else if (s.startsWith("{%") && !framed) {
            schema(loc, "JSONata expression must end with '%}'");
        } else if (mustBeExpression && !framed) {
            schema(loc, "Value must be a number or a JSONata expression");
        } else if (framed) {
            try {
                dev.stride.expr.jsonata.JsonataExpression.compile(trimmed.substring(2, trimmed.length() - 2).strip());
            } catch (IllegalArgumentException e) {
                schema(loc, "Invalid JSONata expression: " + e.getMessage());
            }
        }
    }

    private static boolean isExpression(JsonNode v) {
        return v.isTextual() && v.asText().startsWith("{%") && v.asText().endsWith("%}");
    }

    private void numberField(JsonNode s, String field, String loc, boolean jsonata, double min, double max,
                             boolean integer) {
        JsonNode v = s.get(field);
        if (v == null) {
            return;
        }
        String fl = loc + "/" + field;
        if (jsonata && v.isTextual()) {
            expression(v.asText(), fl, true);
            return;
        }
        if (integer) {
            integerRange(v, fl, field, (long) min, (long) max);
            return;
        }
        if (!v.isNumber()) {
            schema(fl, mustBe(field, "NUMBER"));
        } else if (v.asDouble() < min) {
            schema(fl, "Minimum value is " + min);
        } else if (v.asDouble() > max) {
            schema(fl, "Maximum value is " + max);
        }
    }

    private void integerRange(JsonNode v, String loc, String field, long min, long max) {
        if (!v.isIntegralNumber()) {
            schema(loc, mustBe(field, "INTEGER"));
        } else if (v.asLong() < min) {
            schema(loc, "Minimum value is " + min);
        } else if (v.asLong() > max) {
            schema(loc, "Maximum value is " + max);
        }
    }

    private void stringField(JsonNode owner, String field, String loc) {
        JsonNode v = owner.get(field);
        if (v != null && !v.isTextual()) {
            schema(loc, mustBe(field, "STRING"));
        }
    }

    private static boolean isQl(JsonNode n) {
        return n.isTextual() && (n.asText().equals(JSONPATH) || n.asText().equals(JSONATA));
    }

    private static String invalidQl() {
        return "Value must be one of [JSONPath, JSONata]";
    }

    private static String wrongQl(String ql, String field, String supported) {
        return "The QueryLanguage is set to '" + ql + "', but field '" + field + "' is only supported for the '"
                + supported + "' QueryLanguage";
    }

    private static String mustBe(String field, String kind) {
        return "The value for the field '" + field + "' must be of type " + kind;
    }

    private void notSupported(String loc, String field) {
        schema(loc, "Field '" + field + "' is not supported");
    }

    private void schema(String loc, String message) {
        error(Codes.SCHEMA, loc, message);
    }

    private void error(String code, String loc, String message) {
        out.add(Diagnostic.error(code, loc, message));
    }
}
