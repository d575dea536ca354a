package dev.stride.service.dynamodb.expression;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.stride.service.ServiceException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Random SET / REMOVE / ADD updates on distinct top-level attributes of random items, against a
 * reference that applies DynamoDB's documented rules to plain Java values: SET operands read the
 * item before the update; ADD creates, adds numbers and unites string sets.
 */
class UpdateProperties {
    private static final String[] ATTRIBUTES = {"a0", "a1", "a2", "a3", "a4", "a5"};

    sealed interface Action { String target(); }

    record SetValue(String target, Object value) implements Action {}

    record SetPlus(String target, String source, BigDecimal amount) implements Action {}

    record Remove(String target) implements Action {}

    record Add(String target, Object value) implements Action {}

    @Property(tries = 300)
    void theUpdateAgreesWithTheReference(@ForAll("items") Map<String, Object> item, @ForAll("actions") List<Action> actions) {
        Map<String, JsonNode> values = new LinkedHashMap<>();
        Update update = Update.parse(render(actions, values), new ExpressionContext(null, values));
        Object expected = reference(item, actions);
        if (expected instanceof String message) {
            assertThatThrownBy(() -> update.apply(json(item))).isInstanceOf(ServiceException.class).hasMessage(message);
            return;
        }
        @SuppressWarnings("unchecked")
        ObjectNode want = json((Map<String, Object>) expected);
        ObjectNode got = update.apply(json(item));
        assertThat(got.properties().stream().map(Map.Entry::getKey).toList())
                .containsExactlyInAnyOrderElementsOf(want.properties().stream().map(Map.Entry::getKey).toList());
        want.properties().forEach(e -> assertThat(AttributeValues.same(got.get(e.getKey()), e.getValue()))
                .as(e.getKey() + ": " + got.get(e.getKey()) + " vs " + e.getValue()).isTrue());
    }

    // ---- generators

    private static Arbitrary<Object> scalars() {
        return Arbitraries.oneOf(
                Arbitraries.integers().between(-50, 50).map(i -> (Object) BigDecimal.valueOf(i, 1)),
                Arbitraries.of("x", "y").map(s -> (Object) s),
                Arbitraries.subsetOf("p", "q", "r").ofMinSize(1).map(s -> (Object) new TreeSet<>(s)));
    }

    @Provide
    Arbitrary<Map<String, Object>> items() {
        return Arbitraries.maps(Arbitraries.of(ATTRIBUTES), scalars()).ofMaxSize(6);
    }

    @Provide
    Arbitrary<List<Action>> actions() {
        Arbitrary<String> attr = Arbitraries.of(ATTRIBUTES);
        Arbitrary<BigDecimal> amount = Arbitraries.integers().between(-20, 20).map(BigDecimal::valueOf);
        Arbitrary<Action> action = Arbitraries.oneOf(
                Combinators.combine(attr, scalars()).as(SetValue::new),
                Combinators.combine(attr, attr, amount).as(SetPlus::new),
                attr.map(Remove::new),
                Combinators.combine(attr, scalars().filter(v -> !(v instanceof String))).as(Add::new));
        return action.list().ofMinSize(1).ofMaxSize(5).uniqueElements(Action::target);
    }

    // ---- rendering, clause by clause

    private static String render(List<Action> actions, Map<String, JsonNode> values) {
        List<String> sets = new ArrayList<>(), removes = new ArrayList<>(), adds = new ArrayList<>();
        for (Action a : actions) {
            switch (a) {
                case SetValue s -> sets.add(s.target() + " = " + value(s.value(), values));
                case SetPlus p -> sets.add(p.target() + " = " + p.source() + (p.amount().signum() < 0 ? " - " : " + ")
                        + value(p.amount().abs(), values));
                case Remove r -> removes.add(r.target());
                case Add d -> adds.add(d.target() + " " + value(d.value(), values));
            }
        }
        StringBuilder out = new StringBuilder();
        if (!adds.isEmpty()) out.append("ADD ").append(String.join(", ", adds)).append(' ');
        if (!sets.isEmpty()) out.append("SET ").append(String.join(", ", sets)).append(' ');
        if (!removes.isEmpty()) out.append("REMOVE ").append(String.join(", ", removes));
        return out.toString();
    }

    private static String value(Object v, Map<String, JsonNode> values) {
        String key = ":v" + values.size();
        values.put(key, jsonValue(v));
        return key;
    }

    private static JsonNode jsonValue(Object v) {
        ObjectNode o = JsonNodeFactory.instance.objectNode();
        if (v instanceof BigDecimal n) o.put("N", n.toPlainString());
        else if (v instanceof String s) o.put("S", s);
        else {
            ArrayNode set = o.putArray("SS");
            for (Object e : (Set<?>) v) set.add((String) e);
        }
        return o;
    }

    private static ObjectNode json(Map<String, Object> item) {
        ObjectNode o = JsonNodeFactory.instance.objectNode();
        item.forEach((k, v) -> o.set(k, jsonValue(v)));
        return o;
    }

    // ---- the reference: the new item, or the error message

    private static Object reference(Map<String, Object> before, List<Action> actions) {
        Map<String, Object> after = new LinkedHashMap<>(before);
        for (Action a : actions) {
            if (a instanceof SetValue s) after.put(s.target(), s.value());
            if (a instanceof SetPlus p) {
                Object source = before.get(p.source());
                if (source == null) return "The provided expression refers to an attribute that does not exist in the item";
                if (!(source instanceof BigDecimal n)) return "An operand in the update expression has an incorrect data type";
                after.put(p.target(), n.add(p.amount()));
            }
        }
        for (Action a : actions) if (a instanceof Remove r) after.remove(r.target());
        for (Action a : actions) {
            if (!(a instanceof Add d)) continue;
            Object current = after.get(d.target());
            if (current == null) after.put(d.target(), d.value());
            else if (current instanceof BigDecimal n && d.value() instanceof BigDecimal m) after.put(d.target(), n.add(m));
            else if (current instanceof Set<?> s && d.value() instanceof Set<?> t) {
                Set<Object> union = new HashSet<>(s);
                union.addAll(t);
                after.put(d.target(), new TreeSet<>(union));
            } else return "An operand in the update expression has an incorrect data type";
        }
        return after;
    }
}
