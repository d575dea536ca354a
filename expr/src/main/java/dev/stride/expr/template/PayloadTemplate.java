package dev.stride.expr.template;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.stride.expr.Json;
import dev.stride.expr.Scope;
import dev.stride.expr.intrinsic.IntrinsicRuntime;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A compiled payload template (Parameters, ResultSelector, ItemSelector, ...): a key ending in {@code .$} takes a
 * path or an intrinsic call and loses the suffix in the output; everything else is copied. Nested objects and
 * arrays are templates too. Constant sub-trees are shared, not rebuilt, on each evaluation.
 *
 * <p>A path that selects nothing fails with {@code States.Runtime} and the cause "The JSONPath '$.x' specified for the
 * field 'x.$' could not be found in the input '...'" in every context: the AWS recording (a Pass state's Parameters)
 * shows that error, and no recording shows {@code States.ParameterPathFailure}, so it is never raised here.
 */
public final class PayloadTemplate {
    private final Node root;

    private PayloadTemplate(Node root) { this.root = root; }

    /** @throws IllegalArgumentException naming the key when a path or intrinsic call is malformed. */
    public static PayloadTemplate compile(JsonNode template) {
        if (template == null) throw new IllegalArgumentException("payload template must not be null");
        return new PayloadTemplate(compileNode(template, "$"));
    }

    /** True when the template holds no {@code .$} field, i.e. its output is always the template itself. */
    public boolean isConstant() { return root instanceof Constant; }

    /** Evaluates with a secure random runtime. @throws dev.stride.expr.StatesError with AWS's error name and cause. */
    public JsonNode evaluate(Scope scope) {
        return evaluate(scope, IntrinsicRuntime.secure());
    }

    /** @throws dev.stride.expr.StatesError with AWS's error name and cause. */
    public JsonNode evaluate(Scope scope, IntrinsicRuntime runtime) {
        return root.evaluate(scope, runtime);
    }

    private sealed interface Node {
        JsonNode evaluate(Scope scope, IntrinsicRuntime runtime);
    }

    private record Constant(JsonNode value) implements Node {
        public JsonNode evaluate(Scope scope, IntrinsicRuntime runtime) { return value; }
    }

    private record Dynamic(DynamicValue value, String fieldName) implements Node {
        public JsonNode evaluate(Scope scope, IntrinsicRuntime runtime) {
            return value.evaluate(scope, fieldName, runtime);
        }
    }

    private record ObjectTemplate(String[] keys, Node[] values) implements Node {
        public JsonNode evaluate(Scope scope, IntrinsicRuntime runtime) {
            ObjectNode out = Json.object(keys.length);
            for (int i = 0; i < keys.length; i++) out.set(keys[i], values[i].evaluate(scope, runtime));
            return out;
        }
    }

    private record ArrayTemplate(Node[] items) implements Node {
        public JsonNode evaluate(Scope scope, IntrinsicRuntime runtime) {
            ArrayNode out = Json.NODES.arrayNode(items.length);
            for (Node item : items) out.add(item.evaluate(scope, runtime));
            return out;
        }
    }

    private static Node compileNode(JsonNode node, String where) {
        if (node.isObject()) {
            List<String> keys = new ArrayList<>();
            List<Node> values = new ArrayList<>();
            boolean constant = true;
            for (Map.Entry<String, JsonNode> e : node.properties()) {
                String key = e.getKey();
                JsonNode value = e.getValue();
                if (key.endsWith(".$")) {
                    if (!value.isTextual()) {
                        throw new IllegalArgumentException("The value of the field '" + key + "' (at " + where
                                + ") must be a string holding a JSONPath or an intrinsic function call");
                    }
                    DynamicValue dv;
                    try {
                        dv = DynamicValue.compile(value.textValue());
                    } catch (IllegalArgumentException ex) {
                        throw new IllegalArgumentException("The value of the field '" + key + "' (at " + where
                                + ") is not a valid JSONPath or intrinsic function call: " + ex.getMessage(), ex);
                    }
                    keys.add(key.substring(0, key.length() - 2));
                    values.add(new Dynamic(dv, key));
                    constant = false;
                } else {
                    Node child = compileNode(value, where + "." + key);
                    constant &= child instanceof Constant;
                    keys.add(key);
                    values.add(child);
                }
            }
            if (constant) return new Constant(node);
            return new ObjectTemplate(keys.toArray(new String[0]), values.toArray(new Node[0]));
        }
        if (node.isArray()) {
            Node[] items = new Node[node.size()];
            boolean constant = true;
            for (int i = 0; i < items.length; i++) {
                items[i] = compileNode(node.get(i), where + "[" + i + "]");
                constant &= items[i] instanceof Constant;
            }
            return constant ? new Constant(node) : new ArrayTemplate(items);
        }
        return new Constant(node);
    }
}
