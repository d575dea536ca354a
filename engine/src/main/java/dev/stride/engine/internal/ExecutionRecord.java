package dev.stride.engine.internal;

import com.fasterxml.jackson.databind.JsonNode;
import dev.stride.engine.ExecutionStatus;

/**
 * The whole state of one execution as data: identity, status, history and frames. The
 * interpreter is the only writer, always under the record's monitor.
 */
final class ExecutionRecord {
    String executionArn;
    String name;
    String stateMachineArn;
    String stateMachineName;
    String roleArn;
    boolean express;
    JsonNode input;
    long startMillis;
    long stopMillis;
    /** Execution TimeoutSeconds deadline (for Express also its five-minute limit), or 0 when none. */
    long deadlineMillis;
    /** Whether a timer for the deadline was asked for (an Express execution's only once it waits). */
    boolean deadlineArmed;
    /** Volatile: views of a running execution read it without the record's lock. */
    volatile ExecutionStatus status = ExecutionStatus.RUNNING;
    int redriveCount;
    long redriveMillis;
    /** What the start asked to keep (StartRequest.annotation); a store column, so not in the snapshot. */
    transient String annotation;
    JsonNode output;
    String error;
    String cause;

    /** Set on a distributed Map's child: the parent execution, the Map state's frame in it, the item and the Map Run. */
    String parentArn;
    int parentFrameId;
    int childIndex;
    String mapRunArn;
    /** A child's outermost ancestor: the execution that was started from outside. */
    String rootArn;

    EventLog history;
    /** How many history events the durable store already holds. */
    int committedEvents;
    boolean everCommitted;
    FrameTable frames = new FrameTable();
    int nextFrameId;
    /** Context-object parts that never change during the execution (not saved: rebuilt on demand). */
    transient com.fasterxml.jackson.databind.node.ObjectNode contextExecution;
    transient com.fasterxml.jackson.databind.node.ObjectNode contextStateMachine;
    /** Frames ready to step, in order. */
    IntDeque ready = new IntDeque();

    /** States entered since the engine-wide counters were last told (not saved). */
    transient int uncountedTransitions;

    /** For snapshots being read (they bring their history). */
    ExecutionRecord() { this(EventLog.FIRST_CAPACITY); }

    /** @param expectedEvents room to make in the history at first (it grows as needed) */
    ExecutionRecord(int expectedEvents) { history = new EventLog(expectedEvents); }

    /** Event ids count every event recorded, also those a long Express history no longer holds (see {@link EventLog}). */
    int lastEventId() { return history.lastId(); }
}
