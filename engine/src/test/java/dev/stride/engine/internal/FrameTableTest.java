package dev.stride.engine.internal;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.PropertyAccessor;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Random;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The frame table and the ready deque against the JDK collections they replace, under random use. */
class FrameTableTest {
    private static Frame frame(int id) {
        Frame f = new Frame();
        f.id = id;
        return f;
    }

    @Test
    void frameTableAgreesWithATreeMapUnderRandomPutsAndRemoves() {
        Random random = new Random(7);
        for (int round = 0; round < 100; round++) {
            FrameTable table = new FrameTable();
            TreeMap<Integer, Frame> reference = new TreeMap<>();
            int nextId = 0;
            for (int step = 0; step < 400; step++) {
                int op = random.nextInt(10);
                if (op < 5) { // new frames get increasing ids, as the interpreter gives them
                    Frame f = frame(nextId++);
                    table.put(f.id, f);
                    reference.put(f.id, f);
                } else if (op < 9 && nextId > 0) {
                    int id = random.nextInt(nextId);
                    assertThat(table.remove(id)).isSameAs(reference.remove(id));
                } else {
                    int id = random.nextInt(nextId + 5);
                    assertThat(table.get(id)).isSameAs(reference.get(id));
                }
                if (table.size() != reference.size()) throw new AssertionError("size " + table.size() + " != " + reference.size());
            }
            for (int id = 0; id < nextId; id++) assertThat(table.containsKey(id)).isEqualTo(reference.containsKey(id));
            assertThat(table.inIdOrder()).containsExactlyElementsOf(reference.values());
            assertThat(table.inAnyOrder()).containsExactlyInAnyOrderElementsOf(reference.values());
            assertThat(table.innermostFirst()).containsExactlyElementsOf(reference.descendingMap().values());
        }
    }

    @Test
    void aSnapshotKeepsTheJsonShapesOfTheCollectionsItReplaced() throws Exception {
        ObjectMapper json = new ObjectMapper() // as snapshots are written: fields only
                .setVisibility(PropertyAccessor.ALL, JsonAutoDetect.Visibility.NONE)
                .setVisibility(PropertyAccessor.FIELD, JsonAutoDetect.Visibility.ANY);
        FrameTable table = new FrameTable();
        for (int id : new int[] {12, 3, 200}) table.put(id, frame(id));
        String text = json.writeValueAsString(table);
        assertThat(json.readTree(text).fieldNames()).toIterable().containsExactly("3", "12", "200");
        FrameTable back = json.readValue(text, FrameTable.class);
        assertThat(back.inIdOrder()).extracting(f -> f.id).containsExactly(3, 12, 200);

        IntDeque ready = new IntDeque();
        ready.addLast(5);
        ready.addFirst(300);
        assertThat(json.writeValueAsString(ready)).isEqualTo("[300,5]");
        assertThat(json.readValue("[1,2,3]", IntDeque.class).toArray()).containsExactly(1, 2, 3);
    }

    @Test
    void aFramesFanOutProgressSitsInTheFramesOwnJsonObject() throws Exception {
        ObjectMapper json = new ObjectMapper() // as snapshots are written: fields only
                .setVisibility(PropertyAccessor.ALL, JsonAutoDetect.Visibility.NONE)
                .setVisibility(PropertyAccessor.FIELD, JsonAutoDetect.Visibility.ANY);
        Frame f = frame(4);
        f.fan = new FanOutProgress();
        f.fan.launched = 3;
        f.fan.toleratedFailureCount = 2;
        f.fan.childError = "States.TaskFailed";
        var tree = json.valueToTree(f);
        assertThat(tree.get("launched").asInt()).isEqualTo(3);
        assertThat(tree.get("childError").asText()).isEqualTo("States.TaskFailed");
        assertThat(tree.has("fan")).isFalse();
        Frame back = json.treeToValue(tree, Frame.class);
        assertThat(back.fan.launched).isEqualTo(3);
        assertThat(back.fan.toleratedFailureCount).isEqualTo(2);
        assertThat(back.fan.toleratedFailurePercentage).isEqualTo(-1);
        assertThat(back.fan.childError).isEqualTo("States.TaskFailed");

        // A snapshot written before the progress moved out of the frame reads the same way.
        Frame old = json.readValue("{\"id\": 7, \"launched\": 5, \"running\": 1, \"maxConcurrency\": 2}", Frame.class);
        assertThat(old.fan.launched).isEqualTo(5);
        assertThat(old.fan.running).isEqualTo(1);
        assertThat(old.fan.maxConcurrency).isEqualTo(2);
    }

    @Test
    void intDequeAgreesWithAnArrayDeque() {
        Random random = new Random(11);
        IntDeque deque = new IntDeque();
        Deque<Integer> reference = new ArrayDeque<>();
        for (int step = 0; step < 5_000; step++) {
            int v = random.nextInt(50);
            switch (random.nextInt(6)) {
                case 0, 1 -> { deque.addLast(v); reference.addLast(v); }
                case 2 -> { deque.addFirst(v); reference.addFirst(v); }
                case 3 -> assertThat(deque.pollFirst()).isEqualTo(reference.isEmpty() ? -1 : reference.pollFirst());
                case 4 -> assertThat(deque.remove(v)).isEqualTo(reference.remove((Integer) v));
                default -> assertThat(deque.contains(v)).isEqualTo(reference.contains(v));
            }
            assertThat(deque.toArray()).containsExactly(reference.stream().mapToInt(Integer::intValue).toArray());
        }
    }
}
