package dev.stride.service.sqs.internal;

import java.util.ArrayDeque;
import java.util.List;

/**
 * A standard queue's ready messages in one deque. A message leaves the deque when it is chosen;
 * one deleted while still queued (by a stale receipt handle) is skipped when it reaches the
 * head, which keeps every change O(1).
 */
final class StandardBacklog implements Backlog {
    private final ArrayDeque<Message> ready = new ArrayDeque<>();

    @Override
    public boolean arrived(Message m) {
        if (m.state != Message.State.READY) return false;
        ready.addLast(m);
        return true;
    }

    @Override
    public boolean changed(Message m, Message.State from) {
        return arrived(m);
    }

    @Override
    public void select(int max, List<Message> out) {
        while (out.size() < max) {
            Message m = ready.pollFirst();
            if (m == null) return;
            if (m.state == Message.State.READY) out.add(m);
        }
    }

    @Override
    public boolean hasReady() {
        Message m;
        while ((m = ready.peekFirst()) != null && m.state != Message.State.READY) ready.pollFirst();
        return m != null;
    }

    @Override
    public void clear() { ready.clear(); }
}
