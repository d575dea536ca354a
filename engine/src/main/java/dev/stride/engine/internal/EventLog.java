package dev.stride.engine.internal;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import com.fasterxml.jackson.databind.JsonNode;
import dev.stride.engine.history.HistoryEvent;
import java.util.AbstractList;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.RandomAccess;

/**
 * An execution's history. Event {@code i} (from 0) has id {@code forgotten + i + 1}: a log that
 * keeps only its latest events (Express, see {@link #keepLatest}) forgets the oldest ones, and
 * ids go on counting from where the whole history is.
 *
 * <p>Most events of a short execution are state entries and exits, and few are ever read in
 * full; as objects they were a third of such an execution's memory. The frequent kinds are
 * therefore kept as columns (previous id, time, kind, name, payload) and made into
 * {@link HistoryEvent}s only when read; other events are kept as given. Read back, both are the
 * same events as before, in the same JSON shape. Times are kept as int offsets from the first
 * event's until one does not fit (after 24 days), then as longs.
 */
final class EventLog extends AbstractList<HistoryEvent> implements RandomAccess {
    /** Room for a short execution's events when nothing better is known (see {@link MachineIndex#historyHint}). */
    static final int FIRST_CAPACITY = 16;
    /** Slots per event in {@link #refs}: the kind (or the event itself), the name, the payload. */
    private static final int REFS = 3;

    private int size;
    private int[] previous;
    /** Milliseconds after {@link #base}; null once {@link #wideTimes} holds the times. */
    private int[] times;
    private long[] wideTimes;
    private long base;
    private Object[] refs;
    /** Events dropped from the front (ids 1 to forgotten); 0 unless {@link #keepLatest} was called. */
    private int forgotten;
    /** Keep at least this many of the latest events; 0 keeps them all. */
    private int latest;

    EventLog() { this(FIRST_CAPACITY); }

    EventLog(int capacity) {
        int c = Math.max(2, capacity);
        previous = new int[c];
        times = new int[c];
        refs = new Object[c * REFS];
    }

    /**
     * Keeps only (at least) the latest {@code events} events from now on. An Express execution
     * has no history quota, so a long one would otherwise hold every event it ever made; AWS
     * shows Express histories only in CloudWatch Logs, and a local run needs the recent ones.
     */
    void keepLatest(int events) {
        if (events < 1) throw new IllegalArgumentException("expected at least 1 event to keep, got " + events);
        latest = events;
    }

    /** The id of the last event recorded (0 before the first): counts forgotten events too. */
    int lastId() { return forgotten + size; }

    /** How many of the first events this log no longer holds. */
    int forgotten() { return forgotten; }

    /** The event with this id, or null when it was forgotten (or is not recorded yet). */
    HistoryEvent byId(long id) {
        long index = id - 1 - forgotten;
        return index < 0 || index >= size ? null : get((int) index);
    }

    /** An event of a frequent kind; its id is the next one. */
    void add(int previousEventId, long timestampMillis, EventKind kind, String name, JsonNode payload) {
        int i = room();
        previous[i] = previousEventId;
        setTime(i, timestampMillis);
        refs[i * REFS] = kind;
        refs[i * REFS + 1] = name;
        refs[i * REFS + 2] = payload;
        size = i + 1;
        modCount++;
    }

    /** Any event, kept as given; its id must be the next one. */
    @Override
    public boolean add(HistoryEvent e) {
        int i = room();
        if (e.id() != forgotten + i + 1) throw new IllegalStateException("event id " + e.id() + " recorded as event " + (forgotten + i + 1));
        setTime(i, e.timestampMillis());
        refs[i * REFS] = e;
        size = i + 1;
        modCount++;
        return true;
    }

    private int room() {
        if (latest > 0 && size >= 2 * latest) forgetOldest();
        int i = size;
        if (i == previous.length) {
            int capacity = i * 2;
            previous = Arrays.copyOf(previous, capacity);
            if (times != null) times = Arrays.copyOf(times, capacity);
            else wideTimes = Arrays.copyOf(wideTimes, capacity);
            refs = Arrays.copyOf(refs, capacity * REFS);
        }
        return i;
    }

    /**
     * Drops all but the latest {@link #latest} events by moving them to the front: once every
     * {@code latest} events, so recording stays constant time and the log at most twice that size.
     */
    private void forgetOldest() {
        int drop = size - latest;
        System.arraycopy(previous, drop, previous, 0, latest);
        if (times != null) System.arraycopy(times, drop, times, 0, latest);
        else System.arraycopy(wideTimes, drop, wideTimes, 0, latest);
        System.arraycopy(refs, drop * REFS, refs, 0, latest * REFS);
        Arrays.fill(refs, latest * REFS, size * REFS, null); // let the dropped payloads go
        forgotten += drop;
        size = latest;
        modCount++;
    }

    private void setTime(int i, long millis) {
        if (times != null) {
            if (i == 0 && forgotten == 0) base = millis;
            long offset = millis - base;
            if (offset == (int) offset) {
                times[i] = (int) offset;
                return;
            }
            wideTimes = new long[previous.length];
            for (int j = 0; j < i; j++) wideTimes[j] = base + times[j];
            times = null;
        }
        wideTimes[i] = millis;
    }

    private long time(int i) { return times != null ? base + times[i] : wideTimes[i]; }

    @Override
    public HistoryEvent get(int index) {
        Objects.checkIndex(index, size);
        Object what = refs[index * REFS];
        if (what instanceof HistoryEvent e) return e;
        EventKind kind = (EventKind) what;
        return HistoryEvent.shaped(forgotten + index + 1, previous[index], time(index), kind.type(), kind.detailsKey(), kind.shape(),
                (String) refs[index * REFS + 1], (JsonNode) refs[index * REFS + 2]);
    }

    @Override
    public int size() { return size; }

    @JsonValue
    List<HistoryEvent> asList() { return new ArrayList<>(this); }

    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    static EventLog of(List<HistoryEvent> events) {
        EventLog log = new EventLog(events.size());
        if (!events.isEmpty()) log.forgotten = (int) events.get(0).id() - 1; // a log that kept only its latest events
        for (HistoryEvent e : events) log.add(e);
        return log;
    }
}
