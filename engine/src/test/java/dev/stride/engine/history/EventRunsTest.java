package dev.stride.engine.history;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.stride.expr.Json;
import java.util.List;
import org.junit.jupiter.api.Test;

class EventRunsTest {
    @Test
    void aRunOfEventsReadsBackEqualWithDetailsNullsAndAwkwardText() {
        List<HistoryEvent> run = List.of(
                new HistoryEvent(7, 6, 1_700_000_000_123L, "TaskFailed", "taskFailedEventDetails",
                        (ObjectNode) Json.parse("{\"error\":\"Err\\\"or\",\"cause\":\"line\\nbreak \\u00e9 \\\\ /\",\"n\":1.5e300}")),
                new HistoryEvent(8, 7, 1_700_000_000_124L, "MapIterationStarted", null, null),
                HistoryEvent.lazy(9, 8, 1_700_000_000_125L, "PassStateEntered", "stateEnteredEventDetails",
                        () -> (ObjectNode) Json.parse("{\"name\":\"Ünïcode \\\"quoted\\\"\",\"input\":{\"a\":[1,null,true]}}")));

        String text = EventRuns.encode(run);

        assertThat(Json.parse(text).isArray()).isTrue();
        assertThat(EventRuns.decode(text)).isEqualTo(run);
    }

    @Test
    void anEventIsEncodedOnceAndTheTextReused() {
        HistoryEvent e = new HistoryEvent(1, 0, 5, "ExecutionStarted", "executionStartedEventDetails",
                (ObjectNode) Json.parse("{\"input\":{}}"));
        assertThat(e.encoded()).isSameAs(e.encoded());
        assertThat(EventRuns.encode(List.of(e))).isEqualTo("[" + e.encoded() + "]");
    }
}
