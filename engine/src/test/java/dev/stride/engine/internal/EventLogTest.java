package dev.stride.engine.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.PropertyAccessor;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.stride.engine.history.HistoryEvent;
import dev.stride.expr.Json;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The compact history reads back as the events an object list held, in the same JSON shape. */
class EventLogTest {
    private static final ObjectMapper SNAPSHOTS = new ObjectMapper() // as snapshots are written: fields only
            .setVisibility(PropertyAccessor.ALL, JsonAutoDetect.Visibility.NONE)
            .setVisibility(PropertyAccessor.FIELD, JsonAutoDetect.Visibility.ANY);

    /** The same history twice: compact in the log, as objects in the reference list. */
    private final EventLog log = new EventLog();
    private final List<HistoryEvent> reference = new ArrayList<>();

    private void compact(int previous, long time, EventKind kind, String name, String payload) {
        log.add(previous, time, kind, name, Json.parse(payload));
        reference.add(HistoryEvent.shaped(reference.size() + 1, previous, time, kind.type(), kind.detailsKey(), kind.shape(),
                name, Json.parse(payload)));
    }

    private void plain(String type) {
        HistoryEvent e = new HistoryEvent(reference.size() + 1, reference.size(), 7, type, null, null);
        log.add(e);
        reference.add(e);
    }

    private void record(int states) {
        compact(0, 1_000, Events.EXECUTION_STARTED, "arn:aws:iam::1:role/r", "{\"id\": 1}");
        for (int i = 0; i < states; i++) {
            compact(reference.size(), 1_000 + i, EventTypes.entered(passState()), "S" + i, "{\"i\": " + i + "}");
            if (i == 3) plain("PassStateAborted"); // any event kept as given, between compact ones
            compact(reference.size(), 1_001 + i, EventTypes.exited(passState()), "S" + i, "{\"i\": " + (i + 1) + "}");
        }
        compact(reference.size(), 9_999, Events.EXECUTION_SUCCEEDED, null, "{\"done\": true}");
    }

    private static final dev.stride.asl.model.State PASS = dev.stride.asl.compile.DefinitionCompiler.compile(
            dev.stride.asl.read.DefinitionReader.read(
                    "{\"StartAt\": \"P\", \"States\": {\"P\": {\"Type\": \"Pass\", \"End\": true}}}")).graph().state("P");

    private static dev.stride.asl.model.State passState() { return PASS; }

    @Test
    void readsBackTheEventsAnObjectListHeld() {
        record(20); // past the first capacity: the columns regrow
        assertThat(log).hasSize(reference.size());
        for (int i = 0; i < reference.size(); i++) {
            HistoryEvent got = log.get(i);
            HistoryEvent want = reference.get(i);
            assertThat(got.id()).isEqualTo(i + 1);
            assertThat(got).isEqualTo(want);
            assertThat(got.details()).isEqualTo(want.details());
            assertThat(got.toApiShape(true)).isEqualTo(want.toApiShape(true));
        }
        assertThat(log.get(1).type()).isEqualTo("PassStateEntered");
        assertThat(log.get(1).details()).isEqualTo(Json.parse(
                "{\"name\": \"S0\", \"input\": {\"i\": 0}, \"inputDetails\": {\"truncated\": false}}"));
        assertThat(log.subList(3, 6)).containsExactlyElementsOf(reference.subList(3, 6));
    }

    @Test
    void aSnapshotWritesItAsTheListOfEventsAndReadsItBack() throws Exception {
        record(5);
        String text = SNAPSHOTS.writeValueAsString(log);
        assertThat(text).isEqualTo(SNAPSHOTS.writeValueAsString(reference));
        EventLog back = SNAPSHOTS.readValue(text, EventLog.class);
        assertThat(back).containsExactlyElementsOf(reference);
        assertThat(SNAPSHOTS.readValue(text, new TypeReference<List<HistoryEvent>>() {})).containsExactlyElementsOf(reference);
    }

    @Test
    void timesMonthsApartReadBackExactly() {
        long start = 1_700_000_000_000L;
        long month = 31L * 24 * 3600 * 1000; // past an int of milliseconds
        compact(0, start, Events.EXECUTION_STARTED, "role", "{}");
        compact(1, start + 5, EventTypes.entered(passState()), "P", "{}");
        compact(2, start + month, EventTypes.exited(passState()), "P", "{}");
        for (int i = 0; i < 20; i++) compact(reference.size(), start + month + i, EventTypes.entered(passState()), "P", "{}");
        plain("ExecutionSucceeded");
        assertThat(log).containsExactlyElementsOf(reference);
        assertThat(log.get(2).timestampMillis()).isEqualTo(start + month);
        assertThat(log.get(log.size() - 1).timestampMillis()).isEqualTo(7);
    }

    @Test
    void anEventWhoseIdIsNotTheNextIsABug() {
        plain("ExecutionStarted");
        assertThatThrownBy(() -> log.add(new HistoryEvent(5, 1, 7, "PassStateEntered", null, null)))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("event id 5 recorded as event 2");
    }

    @Test
    void aLogKeepingItsLatestEventsForgetsTheOldestAndKeepsCountingIds() throws Exception {
        log.keepLatest(8);
        record(20); // 1 + 20 * 2 + 1 (the plain one) + 1 = 43 events
        assertThat(log.lastId()).isEqualTo(reference.size());
        assertThat(log.size()).isBetween(8, 16);
        List<HistoryEvent> latest = reference.subList(reference.size() - log.size(), reference.size());
        assertThat(log).containsExactlyElementsOf(latest);
        assertThat(log.forgotten()).isEqualTo(reference.size() - log.size());
        assertThat(log.byId(1)).isNull();
        assertThat(log.byId(reference.size())).isEqualTo(reference.get(reference.size() - 1));
        // a snapshot of it reads back with the same ids
        EventLog back = SNAPSHOTS.readValue(SNAPSHOTS.writeValueAsString(log), EventLog.class);
        assertThat(back).containsExactlyElementsOf(latest);
        assertThat(back.lastId()).isEqualTo(reference.size());
    }
}
