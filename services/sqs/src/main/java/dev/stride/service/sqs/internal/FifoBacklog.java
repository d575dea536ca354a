package dev.stride.service.sqs.internal;

import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A FIFO queue's message groups. Each group keeps its messages in send order, in flight ones
 * included (they are at the front, and one whose visibility ends must go out again before the
 * rest). A group may deliver only while none of its messages is in flight and its first message
 * is ready; such groups wait in {@code available}, each listed at most once.
 */
final class FifoBacklog implements Backlog {
    private static final class Group {
        final String id;
        final ArrayDeque<Message> messages = new ArrayDeque<>();
        int inFlight;
        boolean listed;

        Group(String id) { this.id = id; }
    }

    private final Map<String, Group> groups = new HashMap<>();
    private final ArrayDeque<Group> available = new ArrayDeque<>();

    @Override
    public boolean arrived(Message m) {
        Group g = groups.computeIfAbsent(m.groupId, Group::new);
        g.messages.addLast(m);
        return offer(g);
    }

    @Override
    public boolean changed(Message m, Message.State from) {
        Group g = groups.get(m.groupId);
        if (g == null) return false;
        if (from == Message.State.IN_FLIGHT) g.inFlight--;
        if (m.state == Message.State.IN_FLIGHT) g.inFlight++;
        if (m.state == Message.State.GONE && head(g) == null && g.inFlight == 0) {
            groups.remove(g.id);
            return false;
        }
        return offer(g);
    }

    @Override
    public void select(int max, List<Message> out) {
        Group g;
        while (out.size() < max && (g = available.pollFirst()) != null) {
            g.listed = false;
            if (!receivable(g)) continue;
            for (Message m : g.messages) {
                if (out.size() >= max) break;
                if (m.state == Message.State.GONE) continue;
                if (m.state != Message.State.READY) break; // a later message waits for an earlier delayed one
                out.add(m);
            }
        }
    }

    @Override
    public boolean hasReady() {
        Group g;
        while ((g = available.peekFirst()) != null && !receivable(g)) {
            available.pollFirst();
            g.listed = false;
        }
        return g != null;
    }

    @Override
    public void clear() {
        groups.clear();
        available.clear();
    }

    private boolean offer(Group g) {
        if (g.listed || !receivable(g)) return false;
        g.listed = true;
        available.addLast(g);
        return true;
    }

    private boolean receivable(Group g) {
        Message head = head(g);
        return g.inFlight == 0 && head != null && head.state == Message.State.READY;
    }

    /** The group's first message still in the queue; deleted ones at the front are dropped here. */
    private static Message head(Group g) {
        Message m;
        while ((m = g.messages.peekFirst()) != null && m.state == Message.State.GONE) g.messages.pollFirst();
        return m;
    }
}
