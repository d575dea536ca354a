package dev.stride.engine.spi;

import com.fasterxml.jackson.databind.JsonNode;

/** How an integration reports a task's outcome. The first outcome wins; later ones are ignored. */
public interface TaskCompletion {
    void succeed(JsonNode output);

    void fail(String error, String cause);

    void heartbeat();
}
