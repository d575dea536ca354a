package dev.stride.engine.spi;

import com.fasterxml.jackson.databind.JsonNode;

/** How an integration reports a task's outcome. The first outcome wins; later ones are ignored. */
public interface TaskCompletion {
    void succeed(JsonNode output);

    void fail(String error, String cause);

    void heartbeat();

    /** An activity worker took the task (recorded as ActivityStarted with the worker's name). */
    default void started(String workerName) {}

    /** The work was handed over and the task now waits for its outcome (recorded as TaskSubmitted). */
    default void submitted(JsonNode output) {}
}
