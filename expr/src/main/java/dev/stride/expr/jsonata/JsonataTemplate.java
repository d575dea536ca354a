package dev.stride.expr.jsonata;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.stride.expr.VariableLookup;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A JSON structure (Arguments, Output, Assign, Items, ItemSelector, Condition, Wait Seconds, ...)
 * in which strings of the exact form {@code "{% expr %}"} are JSONata. Compiled once; thread-safe.
 *
 * <p>Each expression's field path is the field name plus the keys (array indexes) down to it,
 * joined by '/', e.g. {@code Output/result}, as AWS names it in error causes.
 */
public final class JsonataTemplate {
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private final Node root;
    private final boolean constant;
    private final String fieldName;

    private JsonataTemplate(Node root, boolean constant, String fieldName) {
        this.root = root;
        this.constant = constant;
        this.fieldName = fieldName;
    }

    /**
     * Compiles every {@code {% %}} string in {@code template}.
     *
     * @throws IllegalArgumentException on a JSONata syntax error; the message names the field path
     */
    public static JsonataTemplate compile(JsonNode template, String fieldName) {
        return compile(template, fieldName, JsonataOptions.DEFAULT);
    }

    /** As {@link #compile(JsonNode, String)}, with the given sources of randomness and time. */
    public static JsonataTemplate compile(JsonNode template, String fieldName, JsonataOptions options) {
        Objects.requireNonNull(template, "template");
        Objects.requireNonNull(fieldName, "fieldName");
        Objects.requireNonNull(options, "options");
        boolean[] hasExpression = {false};
        Node root = build(template, fieldName, options, hasExpression);
        return new JsonataTemplate(root, !hasExpression[0], fieldName);
    }

    public String fieldName() {
        return fieldName;
    }

    /** True when the template holds no expression: {@link #evaluate} returns it unchanged. */
    /** The expression's source when the whole template is one {@code {% %}} expression, else null. */
    public String expressionSource() {
        return root instanceof Expr e ? e.expr.source() : null;
    }

    public boolean isConstant() {
        return constant;
    }

    /**
     * Evaluates every expression ({@code $states} is converted once for all of them).
     *
     * @throws dev.stride.expr.StatesError {@code States.QueryEvaluationError} when an expression
     *         fails, yields undefined, or yields a value that is not JSON (a function), with AWS's cause
     */
    public JsonNode evaluate(JsonNode statesBinding, VariableLookup variables, EvaluationBudget budget) {
        if (constant) {
            return ((Const) root).value;
        }
        Evaluation ev = new Evaluation(statesBinding, variables, budget);
        return root.evaluate(ev);
    }

    private static Node build(JsonNode t, String path, JsonataOptions options, boolean[] hasExpression) {
        if (t.isTextual() && Jsonata.isExpression(t.textValue())) {
            String src = Jsonata.innerSource(t.textValue());
            JsonataExpression expr;
            try {
                expr = JsonataExpression.compile(src, options);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("The JSONata expression '" + src + "' specified for the field '"
                        + path + "' is invalid: " + e.getMessage(), null);
            }
            hasExpression[0] = true;
            return new Expr(expr, path);
        }
        if (t.isObject()) {
            List<String> keys = new ArrayList<>(t.size());
            List<Node> children = new ArrayList<>(t.size());
            boolean before = hasExpression[0];
            hasExpression[0] = false;
            Iterator<Map.Entry<String, JsonNode>> it = t.fields();
            while (it.hasNext()) {
                Map.Entry<String, JsonNode> e = it.next();
                keys.add(e.getKey());
                children.add(build(e.getValue(), path + "/" + e.getKey(), options, hasExpression));
            }
            boolean dynamic = hasExpression[0];
            hasExpression[0] = before || dynamic;
            return dynamic ? new Obj(keys.toArray(String[]::new), children.toArray(Node[]::new)) : new Const(t.deepCopy());
        }
        if (t.isArray()) {
            List<Node> children = new ArrayList<>(t.size());
            boolean before = hasExpression[0];
            hasExpression[0] = false;
            for (int i = 0; i < t.size(); i++) {
                children.add(build(t.get(i), path + "/" + i, options, hasExpression));
            }
            boolean dynamic = hasExpression[0];
            hasExpression[0] = before || dynamic;
            return dynamic ? new Arr(children.toArray(Node[]::new)) : new Const(t.deepCopy());
        }
        return new Const(t.deepCopy());
    }

    /** One evaluation: converts {@code $states} lazily, once. */
    private static final class Evaluation {
        final JsonNode statesBinding;
        final VariableLookup variables;
        final EvaluationBudget budget;
        Object states;
        boolean converted;

        Evaluation(JsonNode statesBinding, VariableLookup variables, EvaluationBudget budget) {
            this.statesBinding = statesBinding;
            this.variables = variables;
            this.budget = budget;
        }

        Object states() {
            if (!converted) {
                states = LazyJson.of(statesBinding);
                converted = true;
            }
            return states;
        }
    }

    private interface Node {
        JsonNode evaluate(Evaluation ev);
    }

    private record Const(JsonNode value) implements Node {
        public JsonNode evaluate(Evaluation ev) {
            return value;
        }
    }

    private record Expr(JsonataExpression expr, String path) implements Node {
        public JsonNode evaluate(Evaluation ev) {
            Object raw = expr.evaluateRaw(ev.states(), ev.variables, ev.budget, path);
            if (raw == null) {
                throw expr.undefinedResult(path);
            }
            try {
                return Values.toJson(raw);
            } catch (Values.NotJson e) {
                throw expr.unsupportedResult(path);
            }
        }
    }

    private record Obj(String[] keys, Node[] children) implements Node {
        public JsonNode evaluate(Evaluation ev) {
            ObjectNode out = NODES.objectNode();
            for (int i = 0; i < keys.length; i++) {
                out.set(keys[i], children[i].evaluate(ev));
            }
            return out;
        }
    }

    private record Arr(Node[] children) implements Node {
        public JsonNode evaluate(Evaluation ev) {
            ArrayNode out = NODES.arrayNode(children.length);
            for (Node child : children) {
                out.add(child.evaluate(ev));
            }
            return out;
        }
    }
}
