package dev.stride.engine.spi;

import dev.stride.engine.ExecutionStatus;
import dev.stride.engine.history.HistoryEvent;
import java.util.List;

/**
 * What one run of an execution changed, to be written durably in one transaction before any of
 * the run's effects (tasks, timers) is carried out.
 *
 * @param definition the state machine definition text; set on the execution's first change only
 * @param snapshot the execution's whole state without its history (JSON text), or null once final
 * @param newEvents history events recorded by this run, in order (ids continue the stored ones)
 * @param mapRunArn the distributed Map Run the execution is a child of, or null
 * @param wakeMillis when the execution is parked: the engine drops it from memory after this
 *     change is written and asks for it again ({@link ExecutionStore#parkedDueBefore}) when its
 *     earliest timer comes near; 0 while the engine holds it
 * @param annotation what the start asked to keep ({@code StartRequest.annotation}); like the
 *     definition, set on the execution's first change only (null after, or when there is none)
 * @param redriveCount how many times the execution was redriven, and {@code redriveMillis} when last
 */
public record ExecutionChange(String executionArn, String name, String stateMachineArn, boolean express,
                              String definition, ExecutionStatus status, long startMillis, long stopMillis,
                              String inputJson, String outputJson, String error, String cause,
                              String snapshot, List<HistoryEvent> newEvents, long wakeMillis, String mapRunArn,
                              String annotation, int redriveCount, long redriveMillis) {

    /** A change without annotation or redrives. */
    public ExecutionChange(String executionArn, String name, String stateMachineArn, boolean express, String definition,
                           ExecutionStatus status, long startMillis, long stopMillis, String inputJson, String outputJson,
                           String error, String cause, String snapshot, List<HistoryEvent> newEvents, long wakeMillis,
                           String mapRunArn) {
        this(executionArn, name, stateMachineArn, express, definition, status, startMillis, stopMillis, inputJson, outputJson,
                error, cause, snapshot, newEvents, wakeMillis, mapRunArn, null, 0, 0);
    }

    /** A change of an execution that belongs to no Map Run. */
    public ExecutionChange(String executionArn, String name, String stateMachineArn, boolean express, String definition,
                           ExecutionStatus status, long startMillis, long stopMillis, String inputJson, String outputJson,
                           String error, String cause, String snapshot, List<HistoryEvent> newEvents, long wakeMillis) {
        this(executionArn, name, stateMachineArn, express, definition, status, startMillis, stopMillis, inputJson, outputJson,
                error, cause, snapshot, newEvents, wakeMillis, null);
    }
}
