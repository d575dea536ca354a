package dev.stride.service.sqs.internal;

import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A FIFO queue's five-minute deduplication window: for each deduplication key (the id, or the
 * group and id when deduplication is per message group) the message first sent with it. Entries
 * end in the order they began, so expiry pops from the front of one deque.
 */
final class DedupWindow {
    static final long WINDOW_MILLIS = 5 * 60 * 1000L;

    /** The message a key first sent, and when the key stops deduplicating. */
    record Entry(String key, String messageId, long seq, long expiresAt) {}

    private final Map<String, Entry> byKey = new HashMap<>();
    private final ArrayDeque<Entry> byAge = new ArrayDeque<>();

    /** The live entry of a key, or null. */
    Entry find(String key, long now) {
        Entry e = byKey.get(key);
        return e == null || e.expiresAt() <= now ? null : e;
    }

    void add(Entry e) {
        Entry old = byKey.put(e.key(), e);
        if (old != null) byAge.remove(old); // rare: a key sent again after its window, before the sweep
        byAge.addLast(e);
    }

    /** Drops entries whose window is over, adding each to {@code out} so their records can be deleted. */
    void expire(long now, List<Entry> out) {
        Entry e;
        while ((e = byAge.peekFirst()) != null && e.expiresAt() <= now) {
            byAge.pollFirst();
            byKey.remove(e.key(), e);
            out.add(e);
        }
    }

    Iterable<Entry> entries() { return byAge; }

    void clear() {
        byKey.clear();
        byAge.clear();
    }
}
