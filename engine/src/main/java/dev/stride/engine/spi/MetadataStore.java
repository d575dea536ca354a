package dev.stride.engine.spi;

import java.util.Map;

/**
 * Durable keyed records beside the executions: the API's state machines, versions, aliases,
 * activities and tags. Values are JSON text; every call is durable when it returns.
 */
public interface MetadataStore {
    void put(String kind, String key, String json);

    void remove(String kind, String key);

    /**
     * Writes the changes in order, durably, as one unit where the store can (a group of callers'
     * changes shares one commit); by default one call each.
     */
    default void writeAll(java.util.List<MetadataChange> changes) {
        for (MetadataChange c : changes) {
            if (c.json() == null) remove(c.kind(), c.key());
            else put(c.kind(), c.key(), c.json());
        }
    }

    /** Every record of a kind, key to JSON, in the order they were first written. */
    Map<String, String> all(String kind);
}
