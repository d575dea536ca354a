package dev.stride.expr;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An object built on {@link SmallFieldMap} must be indistinguishable from Jackson's own: same
 * members, order, text, equality and hash, under any sequence of edits. Random sequences are
 * replayed on both and compared after every step.
 */
class SmallFieldMapTest {
    private static final String[] NAMES = {"a", "b", "c", "id", "value", "tag", "n", "i", "x", "y", "z", "long name"};

    @Test
    void behavesLikeJacksonsObjectUnderRandomEdits() {
        Random random = new Random(20261125);
        for (int round = 0; round < 2_000; round++) {
            ObjectNode small = Json.object(random.nextInt(4));
            ObjectNode plain = Json.NODES.objectNode();
            int steps = 1 + random.nextInt(30);
            for (int s = 0; s < steps; s++) {
                // a fresh String now and then: lookups must not depend on the key's identity
                String name = random.nextBoolean() ? NAMES[random.nextInt(NAMES.length)] : new String(NAMES[random.nextInt(NAMES.length)]);
                switch (random.nextInt(6)) {
                    case 0, 1, 2 -> {
                        JsonNode v = Json.NODES.numberNode(random.nextInt(5));
                        small.set(name, v);
                        plain.set(name, v);
                    }
                    case 3 -> assertThat(small.remove(name)).isEqualTo(plain.remove(name));
                    case 4 -> { // from a parsed object, or from another small one (the copy a ResultPath makes)
                        ObjectNode other = Json.parse("{\"" + name + "\": true, \"extra\": [1]}").deepCopy();
                        if (random.nextBoolean()) other = Json.object(2).setAll(other);
                        small.setAll(other);
                        plain.setAll(other);
                    }
                    default -> { // removes through the iterator, as ObjectNode.retain does
                        List<String> keep = List.of(NAMES).subList(random.nextInt(NAMES.length), NAMES.length);
                        small.retain(keep);
                        plain.retain(keep);
                    }
                }
                assertSame(small, plain, name);
            }
        }
    }

    @Test
    void aSmallObjectGrowsPastItsSizeAndKeepsOrder() {
        ObjectNode o = Json.object(1);
        for (int i = 0; i < 40; i++) o.put("k" + i, i);
        o.put("k3", "replaced");
        o.remove("k0");
        assertThat(o.size()).isEqualTo(39);
        assertThat(fieldsOf(o).get(0)).isEqualTo("k1");
        assertThat(fieldsOf(o).get(2)).isEqualTo("k3");
        assertThat(o.get("k3").asText()).isEqualTo("replaced");
        assertThat(o.get("k39").asInt()).isEqualTo(39);
        assertThat(o.get("k0")).isNull();
    }

    @Test
    void copyingASmallObjectIntoAnEmptyOneKeepsBothIntact() {
        ObjectNode source = Json.object(2).put("a", 1).put("b", 2);
        ObjectNode copy = Json.object(3).setAll(source);
        copy.put("c", 3);
        copy.put("a", 0);
        assertThat(Json.write(source)).isEqualTo("{\"a\":1,\"b\":2}");
        assertThat(Json.write(copy)).isEqualTo("{\"a\":0,\"b\":2,\"c\":3}");
        List<String> visited = new ArrayList<>();
        copy.forEachEntry((k, v) -> visited.add(k + "=" + v));
        assertThat(visited).containsExactly("a=0", "b=2", "c=3");
    }

    @Test
    void iteratorRemoveDropsTheMemberJustReturned() {
        ObjectNode o = Json.object(3);
        o.put("a", 1).put("b", 2).put("c", 3);
        for (Iterator<Map.Entry<String, JsonNode>> it = o.properties().iterator(); it.hasNext(); ) {
            if (it.next().getKey().equals("b")) it.remove();
        }
        assertThat(Json.write(o)).isEqualTo("{\"a\":1,\"c\":3}");
    }

    private static void assertSame(ObjectNode small, ObjectNode plain, String lastName) {
        assertThat(Json.write(small)).isEqualTo(Json.write(plain));
        assertThat(small).isEqualTo(plain);
        assertThat(plain).isEqualTo(small);
        assertThat(small.hashCode()).isEqualTo(plain.hashCode());
        assertThat(small.size()).isEqualTo(plain.size());
        assertThat(small.get(lastName)).isEqualTo(plain.get(lastName));
        assertThat(small.has(lastName)).isEqualTo(plain.has(lastName));
        assertThat(fieldsOf(small)).isEqualTo(fieldsOf(plain));
    }

    private static List<String> fieldsOf(ObjectNode o) {
        List<String> names = new ArrayList<>();
        o.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
