package dev.stride.engine.internal;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One thread of control in one graph: the top-level machine, a Parallel branch or a Map
 * iteration. Pure data, so an execution can be saved between any two steps and resumed by
 * another engine: no field refers to code, only to names in the definition.
 */
final class Frame {
    int id;
    /** Parent frame id, or -1 for the top-level frame. */
    int parentId = -1;
    /** Branch index (Parallel) or item index (Map) within the parent. */
    int index;
    String graphId;
    String stateName;
    Phase phase = Phase.ENTER;

    /** The current state's raw input, and what InputPath made of it (JSONPath). */
    JsonNode rawInput;
    JsonNode effectiveInput;
    /** Id of this frame's latest event: the next event's previousEventId (event ids are ints: see HistoryEvent). */
    int lastEventId;
    int enteredEventId;
    long enteredAtMillis;
    /** Variables assigned in this frame's scope; outer scopes are read through the parent. */
    Map<String, JsonNode> variables; // created on the first Assign: most frames never assign

    /** Per-retrier attempt counts for the current state, and the total retries ($$.State.RetryCount). */
    int[] retryCounts;
    int retryCount;
    /** The current state is a Task (its context object carries State.RetryCount). */
    boolean inTask;
    long timerDue;
    /** Task heartbeat deadline (0 = none) and period. */
    long heartbeatDue;
    long heartbeatSeconds;
    long timeoutSeconds;
    /** The last task timeout was a missed heartbeat (matches States.HeartbeatTimeout). */
    boolean heartbeatTimedOut;
    /** TaskSubmitted / ActivityStarted already recorded for the current task: a re-dispatch after recovery must not repeat them. */
    boolean taskSubmitted;
    boolean taskStarted;
    String taskToken;
    JsonNode taskInput;
    /** Task outcome delivered while waiting: output, or error + cause. */
    JsonNode outcomeOutput;
    String outcomeError;
    String outcomeCause;
    boolean outcomeFailed;

    /** Parallel/Map bookkeeping, made when the frame first fans out; its fields are the frame's own in a snapshot. */
    @com.fasterxml.jackson.annotation.JsonUnwrapped
    FanOutProgress fan;

    /** A distributed Map Run that failed in this frame's state, kept for a redrive of the execution to go on with. */
    FanOutProgress redrivableRun;

    /** "MapStateFailed"/"ParallelStateFailed" to record if the pending error is not retried. */
    String pendingFailedEvent;
    /** Children of a distributed Map run as separate executions: their events are not in this history. */
    boolean detached;

    /** The last state output that passed the payload quota (not saved: only spares a re-check). */
    transient JsonNode checkedOutput;

    /** Result of the graph when phase is DONE. */
    JsonNode output;
    String error;
    String cause;
    boolean failed;

    boolean isTop() { return parentId < 0; }
}
