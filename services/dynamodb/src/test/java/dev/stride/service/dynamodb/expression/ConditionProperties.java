package dev.stride.service.dynamodb.expression;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;

/**
 * Random conditions over random items: the parsed expression must agree with a direct
 * evaluation of the same tree, written here from DynamoDB's documented rules and sharing no code
 * with the evaluator. Rendering uses as few parentheses as precedence allows, so this also checks
 * NOT > AND > OR.
 */
class ConditionProperties {
    static final String[] ATTRIBUTES = {"a0", "a1", "a2", "a3"};

    /** A scalar: String, BigDecimal or Boolean. */
    record Val(Object v) {
        JsonNode json() {
            ObjectNode o = JsonNodeFactory.instance.objectNode();
            if (v instanceof String s) o.put("S", s);
            else if (v instanceof BigDecimal n) o.put("N", n.toString());
            else o.put("BOOL", (Boolean) v);
            return o;
        }
    }

    sealed interface Node {}

    record Cmp(String attribute, String op, Val value) implements Node {}

    record Between(String attribute, BigDecimal low, BigDecimal high) implements Node {}

    record Exists(String attribute, boolean exists) implements Node {}

    record BeginsWith(String attribute, String prefix) implements Node {}

    record And(Node left, Node right) implements Node {}

    record Or(Node left, Node right) implements Node {}

    record Not(Node inner) implements Node {}

    @Property(tries = 400)
    void theEvaluatorAgreesWithTheReference(@ForAll("items") Map<String, Val> item, @ForAll("conditions") Node condition) {
        Map<String, JsonNode> values = new LinkedHashMap<>();
        Map<String, String> names = new LinkedHashMap<>();
        String expression = render(condition, 0, values, names);
        ExpressionContext context = new ExpressionContext(names, values);
        Condition parsed = Condition.parse(expression, context, "FilterExpression");
        context.checkAllUsed();
        assertThat(parsed.test(json(item))).as(expression + " on " + item).isEqualTo(reference(condition, item));
    }

    // ---- generators

    @Provide
    Arbitrary<Map<String, Val>> items() {
        return Arbitraries.maps(Arbitraries.of(ATTRIBUTES), vals()).ofMaxSize(4);
    }

    static Arbitrary<Val> vals() {
        Arbitrary<Object> strings = Arbitraries.of("", "a", "ab", "b", "abc", "\uFF5E", "\uD83D\uDE00", "A", "ba");
        Arbitrary<Object> numbers = Arbitraries.integers().between(-5, 5)
                .flatMap(i -> Arbitraries.of(0, 1, 2).map(scale -> new BigDecimal(i).movePointLeft(scale)))
                .map(n -> (Object) n);
        Arbitrary<Object> booleans = Arbitraries.of(true, false);
        return Arbitraries.frequencyOf(
                Tuple.of(4, strings), Tuple.of(4, numbers), Tuple.of(1, booleans)).map(Val::new);
    }

    @Provide
    Arbitrary<Node> conditions() {
        return Arbitraries.recursive(ConditionProperties::leaves, ConditionProperties::compose, 0, 3);
    }

    static Arbitrary<Node> leaves() {
        Arbitrary<String> attr = Arbitraries.of(ATTRIBUTES);
        Arbitrary<Node> cmp = Combinators.combine(attr, Arbitraries.of("=", "<>", "<", "<=", ">", ">="), vals()).as(Cmp::new);
        Arbitrary<BigDecimal> n = Arbitraries.integers().between(-5, 5).map(BigDecimal::new);
        Arbitrary<Node> between = Combinators.combine(attr, n, n)
                .as((a, x, y) -> new Between(a, x.min(y), x.max(y)));
        Arbitrary<Node> exists = Combinators.combine(attr, Arbitraries.of(true, false)).as(Exists::new);
        Arbitrary<Node> begins = Combinators.combine(attr, Arbitraries.of("", "a", "ab", "b")).as(BeginsWith::new);
        return Arbitraries.oneOf(cmp, cmp, between, exists, begins);
    }

    static Arbitrary<Node> compose(Arbitrary<Node> inner) {
        return Arbitraries.oneOf(
                Combinators.combine(inner, inner).as(And::new),
                Combinators.combine(inner, inner).as(Or::new),
                inner.map(Not::new));
    }

    // ---- rendering with minimal parentheses: OR 1, AND 2, NOT 3, leaves 4

    static String render(Node node, int context, Map<String, JsonNode> values, Map<String, String> names) {
        int own = switch (node) {
            case Or o -> 1;
            case And a -> 2;
            case Not n -> 3;
            default -> 4;
        };
        String text = switch (node) {
            case Or o -> render(o.left(), 1, values, names) + " OR " + render(o.right(), 2, values, names);
            case And a -> render(a.left(), 2, values, names) + " AND " + render(a.right(), 3, values, names);
            case Not n -> "NOT " + render(n.inner(), 3, values, names);
            case Cmp c -> name(c.attribute(), names) + " " + c.op() + " " + value(c.value().json(), values);
            case Between b -> name(b.attribute(), names) + " BETWEEN " + value(new Val(b.low()).json(), values)
                    + " AND " + value(new Val(b.high()).json(), values);
            case Exists e -> (e.exists() ? "attribute_exists(" : "attribute_not_exists(") + name(e.attribute(), names) + ")";
            case BeginsWith b -> "begins_with(" + name(b.attribute(), names) + ", " + value(new Val(b.prefix()).json(), values) + ")";
        };
        return own < context ? "(" + text + ")" : text;
    }

    /** Half the attributes go through a placeholder, to exercise both. */
    private static String name(String attribute, Map<String, String> names) {
        if (attribute.equals("a0") || attribute.equals("a2")) return attribute;
        names.put("#" + attribute, attribute);
        return "#" + attribute;
    }

    private static String value(JsonNode v, Map<String, JsonNode> values) {
        String key = ":v" + values.size();
        values.put(key, v);
        return key;
    }

    static ObjectNode json(Map<String, Val> item) {
        ObjectNode o = JsonNodeFactory.instance.objectNode();
        item.forEach((k, v) -> o.set(k, v.json()));
        return o;
    }

    // ---- the reference

    static boolean reference(Node node, Map<String, Val> item) {
        return switch (node) {
            case And a -> reference(a.left(), item) && reference(a.right(), item);
            case Or o -> reference(o.left(), item) || reference(o.right(), item);
            case Not n -> !reference(n.inner(), item);
            case Exists e -> item.containsKey(e.attribute()) == e.exists();
            case BeginsWith b -> item.get(b.attribute()) != null && item.get(b.attribute()).v() instanceof String s && s.startsWith(b.prefix());
            case Between b -> {
                Val v = item.get(b.attribute());
                yield v != null && v.v() instanceof BigDecimal n && n.compareTo(b.low()) >= 0 && n.compareTo(b.high()) <= 0;
            }
            case Cmp c -> compare(item.get(c.attribute()), c.op(), c.value());
        };
    }

    private static boolean compare(Val actual, String op, Val given) {
        boolean sameType = actual != null && actual.v().getClass() == given.v().getClass();
        boolean equal = sameType && order(actual.v(), given.v()) == 0;
        if (op.equals("=")) return equal;
        if (op.equals("<>")) return !equal;
        if (!sameType || actual.v() instanceof Boolean) return false;
        int c = order(actual.v(), given.v());
        return switch (op) {
            case "<" -> c < 0;
            case "<=" -> c <= 0;
            case ">" -> c > 0;
            default -> c >= 0;
        };
    }

    static int order(Object a, Object b) {
        if (a instanceof BigDecimal x) return x.compareTo((BigDecimal) b);
        if (a instanceof Boolean x) return x.equals(b) ? 0 : 1;
        return Arrays.compareUnsigned(((String) a).getBytes(StandardCharsets.UTF_8), ((String) b).getBytes(StandardCharsets.UTF_8));
    }
}
