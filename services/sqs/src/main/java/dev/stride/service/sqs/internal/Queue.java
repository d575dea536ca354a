package dev.stride.service.sqs.internal;

import dev.stride.service.WriteJournal;
import dev.stride.engine.spi.RecordStore.Write;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.TreeMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * One queue's state in memory. Design notes:
 * <ul>
 *   <li>Everything below the lock is guarded by {@link #lock}; the store is written through the
 *       {@link WriteJournal} while holding it (so records change in the order memory did) and waited on
 *       after releasing it.</li>
 *   <li>Every message is in {@link #messages} (arrival order, which is also retention order for
 *       messages sent here). Ready ones are in the {@link Backlog}; delayed and in-flight ones
 *       have an entry in {@link #timers}, ordered by the time they become visible. A timer entry
 *       whose message has since changed is stale and skipped when it reaches the front, so a
 *       visibility change is O(log n) and nothing ever scans the queue.</li>
 *   <li>Timers fire lazily: every operation first moves what is due to ready; a long poll waits
 *       no longer than the next timer.</li>
 * </ul>
 */
final class Queue {
    private record Timer(long at, Message message) {}

    final String key;
    final String region;
    final String account;
    final String name;
    final String arn;
    final boolean fifo;
    final ReentrantLock lock = new ReentrantLock();
    private final Condition receivable = lock.newCondition();

    /** Replaced whole under the lock; volatile so listings may read it without the lock. */
    volatile QueueSettings settings;
    final Map<String, String> tags = new TreeMap<>();
    long createdAt;
    long modifiedAt;
    long purgedAt = Long.MIN_VALUE;
    boolean deleted;

    final LinkedHashMap<Long, Message> messages = new LinkedHashMap<>();
    private final PriorityQueue<Timer> timers = new PriorityQueue<>((a, b) -> Long.compare(a.at, b.at));
    private final Backlog backlog;
    final DedupWindow dedup;
    /** FIFO receives by ReceiveRequestAttemptId, so a retried receive gets the same messages (in memory only). */
    final Map<String, ReceiveAttempt> attempts;
    private final int[] counts = new int[Message.State.values().length];
    private long lastSeq;
    private int waiters;

    record ReceiveAttempt(List<Message.Delivery> deliveries, long expiresAt) {}

    Queue(String region, String account, String name, boolean fifo, QueueSettings settings, long now) {
        this.region = region;
        this.account = account;
        this.name = name;
        this.key = region + "/" + account + "/" + name;
        this.arn = "arn:aws:sqs:" + region + ":" + account + ":" + name;
        this.fifo = fifo;
        this.settings = settings;
        this.createdAt = now;
        this.modifiedAt = now;
        this.backlog = fifo ? new FifoBacklog() : new StandardBacklog();
        this.dedup = fifo ? new DedupWindow() : null;
        this.attempts = fifo ? new HashMap<>() : null;
    }

    /** A sequence above every earlier one, also across restarts: it starts from the clock (a million per millisecond). */
    long nextSeq(long now) {
        lastSeq = Math.max(lastSeq + 1, now * 1_000_000L);
        return lastSeq;
    }

    /** Takes in a new message (its visibleAt set), or one read back from the store. */
    void add(Message m, long now) {
        lastSeq = Math.max(lastSeq, m.seq);
        messages.put(m.seq, m);
        if (m.visibleAt > now) {
            m.state = m.receiveCount > 0 && m.receipt != 0 ? Message.State.IN_FLIGHT : Message.State.DELAYED;
            timers.add(new Timer(m.visibleAt, m));
        } else {
            m.state = Message.State.READY;
        }
        counts[m.state.ordinal()]++;
        if (backlog.arrived(m)) wake();
        if (m.state == Message.State.IN_FLIGHT) backlog.changed(m, Message.State.READY);
    }

    /** Moves every delayed or in-flight message whose time has come to ready. */
    void advance(long now) {
        Timer t;
        while ((t = timers.peek()) != null && t.at <= now) {
            timers.poll();
            if (current(t)) move(t.message, Message.State.READY);
        }
    }

    /** Milliseconds until the next timer, or Long.MAX_VALUE. */
    long untilNextTimer(long now) {
        Timer t;
        while ((t = timers.peek()) != null && !current(t)) timers.poll();
        return t == null ? Long.MAX_VALUE : Math.max(1, t.at - now);
    }

    private static boolean current(Timer t) {
        Message m = t.message;
        return m.visibleAt == t.at && (m.state == Message.State.DELAYED || m.state == Message.State.IN_FLIGHT);
    }

    void select(int max, List<Message> out) { backlog.select(max, out); }

    /** Hands a ready message out: one more receive, a new receipt, invisible for {@code visibilitySeconds}. */
    Message.Delivery deliver(Message m, long now, int visibilitySeconds) {
        m.receiveCount++;
        if (m.firstReceivedAt == 0) m.firstReceivedAt = now;
        long receipt;
        do receipt = ThreadLocalRandom.current().nextLong(); while (receipt == 0);
        m.receipt = receipt;
        m.visibleAt = now + visibilitySeconds * 1000L;
        move(m, Message.State.IN_FLIGHT);
        // Visible again at once, but only after the receive that handed it out has finished
        // choosing (releaseAfterReceive): one receive never returns a message twice.
        if (visibilitySeconds != 0) timers.add(new Timer(m.visibleAt, m));
        return new Message.Delivery(m, new ReceiptHandle(m.seq, receipt).encode(), m.receiveCount, m.firstReceivedAt);
    }

    /** Makes a message handed out with visibility timeout 0 ready again, once its receive is done choosing. */
    void releaseAfterReceive(Message m) {
        if (m.state == Message.State.IN_FLIGHT) move(m, Message.State.READY);
    }

    /** A new visibility for an in-flight message, counted from now; 0 makes it ready at once. */
    void changeVisibility(Message m, long now, int seconds) {
        m.visibleAt = now + seconds * 1000L;
        if (seconds == 0) move(m, Message.State.READY);
        else timers.add(new Timer(m.visibleAt, m));
    }

    /** Takes a message out of the queue (deleted, expired), adding the deletes of its records. */
    void remove(Message m, List<Write> writes) {
        detach(m);
        Records.deleteMessage(key, m, writes);
    }

    /** Takes a message out of memory only: a move to the dead-letter queue writes its deletes with its new record. */
    void detach(Message m) {
        messages.remove(m.seq);
        move(m, Message.State.GONE);
    }

    boolean expired(Message m, long now) {
        return m.retainedFrom + settings.retentionSeconds * 1000L <= now;
    }

    /** Drops messages past the retention period, oldest first, stopping at the first one still kept. */
    void expireOld(long now, List<Write> writes) {
        for (Iterator<Message> it = messages.values().iterator(); it.hasNext(); ) {
            Message m = it.next();
            if (!expired(m, now)) return;
            it.remove();
            move(m, Message.State.GONE);
            Records.deleteMessage(key, m, writes);
        }
    }

    /** Removes every message (PurgeQueue, DeleteQueue), adding the deletes of their records. */
    void clear(List<Write> writes) {
        for (Message m : messages.values()) {
            m.state = Message.State.GONE;
            Records.deleteMessage(key, m, writes);
        }
        messages.clear();
        timers.clear();
        backlog.clear();
        if (attempts != null) attempts.clear();
        Arrays.fill(counts, 0);
    }

    private void move(Message m, Message.State to) {
        Message.State from = m.state;
        counts[from.ordinal()]--;
        if (to != Message.State.GONE) counts[to.ordinal()]++;
        m.state = to;
        if (backlog.changed(m, from)) wake();
    }

    int count(Message.State state) { return counts[state.ordinal()]; }

    /** Waits until something may have become receivable, at most {@code nanos}; returns the nanos left. */
    long await(long nanos) throws InterruptedException {
        waiters++;
        try {
            return receivable.awaitNanos(nanos);
        } finally {
            waiters--;
        }
    }

    /** After a receive: if more is receivable and others wait, pass the wake-up on. */
    void passOn() {
        if (waiters > 0 && backlog.hasReady()) receivable.signal();
    }

    /** Wakes every waiter, so they see the queue is gone. */
    void wakeAll() { receivable.signalAll(); }

    private void wake() {
        if (waiters > 0) receivable.signal();
    }

    static long nanos(long millis) { return TimeUnit.MILLISECONDS.toNanos(millis); }

    List<Message> snapshot() { return new ArrayList<>(messages.values()); }
}
