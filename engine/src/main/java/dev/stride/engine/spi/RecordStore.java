package dev.stride.engine.spi;

import java.util.List;
import java.util.function.BiConsumer;

/**
 * Durable tables of keyed records for the local AWS services (queues, messages, topics, ...).
 * A service keeps its working state in memory and writes every change here before it
 * acknowledges the request that made it; on start it reads its tables back.
 *
 * <p>{@link #commit} is the only write: the writes of one call are applied atomically, and
 * concurrent callers are committed together in one transaction (group commit), so a
 * thousand callers cost one disk write, not a thousand.
 */
public interface RecordStore {
    /** One record written (value non-null) or deleted (value null). */
    record Write(String table, String key, String value) {
        public static Write put(String table, String key, String value) { return new Write(table, key, value); }

        public static Write delete(String table, String key) { return new Write(table, key, null); }
    }

    /** Applies the writes as one atomic unit; returns once they are durable. Throws when the store cannot write. */
    void commit(List<Write> writes);

    /** Every record of a table, in key order. */
    void scan(String table, BiConsumer<String, String> each);

    /** Keeps nothing: for servers run {@code --in-memory}. */
    RecordStore NONE = new RecordStore() {
        @Override
        public void commit(List<Write> writes) {}

        @Override
        public void scan(String table, BiConsumer<String, String> each) {}
    };
}
