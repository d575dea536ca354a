package dev.stride.engine.internal;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.PropertyAccessor;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.stride.engine.ExecutionView;
import dev.stride.engine.history.HistoryEvent;
import dev.stride.engine.spi.ExecutionChange;
import dev.stride.engine.spi.StoredExecution;
import dev.stride.expr.Json;
import java.util.List;

/** Converts between an execution record and what a durable store keeps (snapshot without history, events). */
final class Persistence {
    private Persistence() {}

    /** Leaves the history out of snapshots: the store keeps events as rows, written once each. */
    abstract static class WithoutHistory {
        @JsonIgnore List<HistoryEvent> history;
        @JsonIgnore java.util.Deque<Integer> ready;
    }

    private static final ObjectMapper SNAPSHOTS = new ObjectMapper()
            .setVisibility(PropertyAccessor.ALL, JsonAutoDetect.Visibility.NONE)
            .setVisibility(PropertyAccessor.FIELD, JsonAutoDetect.Visibility.ANY)
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false)
            .addMixIn(ExecutionRecord.class, WithoutHistory.class)
            // A null field is left out, not written as null: read back, JSON null becomes a NullNode
            // (a JSON null value), so a failed execution resumed from its snapshot got output "null".
            .setSerializationInclusion(com.fasterxml.jackson.annotation.JsonInclude.Include.NON_NULL);

    /** The change a run made, or null when it recorded nothing. */
    static ExecutionChange change(ExecutionRecord ex, MachineIndex machine, long wakeMillis) {
        int from = ex.committedEvents;
        if (from == ex.history.size() && ex.everCommitted) return null;
        List<HistoryEvent> events = List.copyOf(ex.history.subList(from, ex.history.size()));
        for (HistoryEvent e : events) e.encoded(); // here, in parallel, not on the store's one writer thread
        ex.committedEvents = ex.history.size();
        String definition = ex.everCommitted ? null : machine.sourceText();
        String annotation = ex.everCommitted ? null : ex.annotation;
        ex.everCommitted = true;
        String snapshot;
        try {
            // Failed, timed-out and aborted executions keep their state: a redrive continues from it.
            snapshot = ex.status == dev.stride.engine.ExecutionStatus.SUCCEEDED ? null : SNAPSHOTS.writeValueAsString(ex);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot snapshot execution " + ex.executionArn + ": " + e.getMessage(), e);
        }
        return new ExecutionChange(ex.executionArn, ex.name, ex.stateMachineArn, ex.express, definition, ex.status,
                ex.startMillis, ex.stopMillis, Json.write(ex.input), ex.output == null ? null : Json.write(ex.output),
                ex.error, ex.cause, snapshot, events, wakeMillis, ex.mapRunArn, annotation, ex.redriveCount, ex.redriveMillis);
    }

    static ExecutionRecord record(StoredExecution s, List<HistoryEvent> history) {
        try {
            ExecutionRecord ex = SNAPSHOTS.readValue(s.snapshot(), ExecutionRecord.class);
            ex.history = EventLog.of(history);
            ex.committedEvents = history.size();
            ex.everCommitted = true;
            ex.annotation = s.annotation();
            ex.ready = new IntDeque();
            // Frames that were ready when saved are ready again (the run that followed was lost).
            for (Frame f : ex.frames.inIdOrder()) {
                if (f.phase == Phase.ENTER || f.phase == Phase.TASK_DONE || f.phase == Phase.DONE) ex.ready.addLast(f.id);
                if (f.phase == Phase.WAIT_CHILDREN) ex.ready.addLast(f.id);
            }
            return ex;
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored execution " + s.executionArn() + " cannot be read: " + e.getOriginalMessage(), e);
        }
    }

    static ExecutionView view(StoredExecution s) {
        if (s == null) return null;
        return new ExecutionView(s.executionArn(), s.name(), s.stateMachineArn(), s.status(), Json.parse(s.inputJson()),
                s.outputJson() == null ? null : Json.parse(s.outputJson()), s.error(), s.cause(), s.startMillis(),
                s.stopMillis(), s.express(), s.mapRunArn(), s.annotation(), s.definition(), s.redriveCount(), s.redriveMillis());
    }
}
