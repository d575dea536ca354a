package dev.stride.service.sqs.internal;

import dev.stride.service.WriteJournal;
import dev.stride.engine.spi.RecordStore.Write;
import java.util.ArrayList;
import java.util.List;

/**
 * Moves a detached message to another queue with the same id, body and attributes: into a
 * dead-letter queue after too many receives, or back out of one by a message-move task. The
 * delete from the source and the new record go in one journal entry, so a crash leaves the
 * message in exactly one of the two queues.
 */
final class MessageTransfer {
    private MessageTransfer() {}

    /**
     * @param deadLetterSource the queue's ARN when moving into a dead-letter queue (kept so a
     *                         redrive can send it back, with its receive history), else null
     */
    static void move(Context ctx, Queue from, Message m, Queue to, long now, String deadLetterSource) {
        List<Write> writes = new ArrayList<>(3);
        Records.deleteMessage(from.key, m, writes);
        WriteJournal.Ticket ticket;
        to.lock.lock();
        try {
            if (!to.deleted) {
                // AWS keeps a standard message's original retention clock; a FIFO one restarts in its new queue
                Message moved = new Message(to.nextSeq(now), m.id, m.content(), m.sentAt, to.fifo ? now : m.retainedFrom, deadLetterSource);
                if (deadLetterSource != null) {
                    moved.receiveCount = m.receiveCount;
                    moved.firstReceivedAt = m.firstReceivedAt;
                }
                moved.visibleAt = now;
                to.add(moved, now);
                writes.add(Records.putMessage(to.key, moved));
            }
            ticket = ctx.journal().append(writes);
        } finally {
            to.lock.unlock();
        }
        ticket.await();
    }
}
