package dev.stride.service.sns.internal;

import dev.stride.engine.spi.RecordStore;
import java.util.NavigableMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Every topic and subscription in memory, keyed by ARN in order (listings page through them
 * by ARN). Changes to one topic and its subscriptions run under that topic's lock stripe, held
 * while their records are committed so the store and memory agree on the order of changes;
 * stripes keep unrelated topics from waiting on each other's commits, and Publish takes no lock.
 */
public final class SnsState {
    private static final int STRIPES = 64;

    private final NavigableMap<String, Topic> topics = new ConcurrentSkipListMap<>();
    private final NavigableMap<String, Subscription> subscriptions = new ConcurrentSkipListMap<>();
    private final ReentrantLock[] locks = new ReentrantLock[STRIPES];
    private final RecordStore store;

    public SnsState(RecordStore store) {
        this.store = store;
        for (int i = 0; i < STRIPES; i++) locks[i] = new ReentrantLock();
    }

    public RecordStore store() { return store; }

    public NavigableMap<String, Topic> topics() { return topics; }

    public NavigableMap<String, Subscription> subscriptions() { return subscriptions; }

    /** The lock of a topic's stripe: take it around a read-decide-commit-apply of that topic. */
    public ReentrantLock lockOf(String topicArn) { return locks[Math.floorMod(topicArn.hashCode(), STRIPES)]; }

    /** Rebuilds topics, then attaches their subscriptions. */
    public void load() {
        store.scan(Tables.TOPICS, (arn, json) -> topics.put(arn, StoredRecords.topic(json)));
        store.scan(Tables.SUBSCRIPTIONS, (arn, json) -> {
            Subscription s = StoredRecords.subscription(json);
            Topic t = topics.get(s.topicArn());
            if (t == null) return; // its topic's deletion was committed first; the record is an orphan
            subscriptions.put(arn, s);
            topics.put(t.arn(), t.withSubscription(s));
        });
    }

    /** Puts a subscription (new or changed) into both maps. Callers hold the topic's lock. */
    public void apply(Subscription s) {
        subscriptions.put(s.arn(), s);
        topics.computeIfPresent(s.topicArn(), (k, t) -> t.withSubscription(s));
    }

    public void remove(Subscription s) {
        subscriptions.remove(s.arn());
        topics.computeIfPresent(s.topicArn(), (k, t) -> t.withoutSubscription(s.arn()));
    }
}
