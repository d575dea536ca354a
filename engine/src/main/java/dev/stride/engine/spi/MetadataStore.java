package dev.stride.engine.spi;

import java.util.Map;

/**
 * Durable keyed records beside the executions: the API's state machines, versions, aliases,
 * activities and tags. Values are JSON text; every call is durable when it returns.
 */
public interface MetadataStore {
    void put(String kind, String key, String json);

    void remove(String kind, String key);

    /** Every record of a kind, key to JSON, in the order they were first written. */
    Map<String, String> all(String kind);
}
