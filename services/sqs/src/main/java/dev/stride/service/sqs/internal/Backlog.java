package dev.stride.service.sqs.internal;

import java.util.List;

/**
 * Which ready messages a receive gets next. A queue tells its backlog every state change of a
 * message; the backlog keeps just enough structure that choosing is O(messages chosen), never a
 * scan of the queue. Standard queues keep one ready deque; FIFO queues keep each message group
 * in order and a deque of the groups that may deliver (none of their messages in flight).
 */
sealed interface Backlog permits StandardBacklog, FifoBacklog {
    /** A new message entered the queue, READY or DELAYED; true when something became receivable. */
    boolean arrived(Message m);

    /** A message moved from {@code from} to its current state; true when something became receivable. */
    boolean changed(Message m, Message.State from);

    /** Adds up to {@code max} READY messages to {@code out}, in delivery order, leaving their state to the caller. */
    void select(int max, List<Message> out);

    /** Whether a receive now would get something. */
    boolean hasReady();

    void clear();
}
