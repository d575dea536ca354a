package dev.stride.service.sqs.internal;

import dev.stride.service.WriteJournal;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.stride.engine.spi.RecordStore.Write;
import dev.stride.service.ServiceCall;
import java.util.ArrayList;
import java.util.List;

/**
 * ReceiveMessage. Under the queue lock: due timers fire, expired messages go, the backlog
 * chooses, and each chosen message is either handed out (receive count, receipt, visibility
 * deadline: written to the journal) or, past its redrive policy's maxReceiveCount, detached for
 * the dead-letter queue. A long poll waits on the queue's condition — woken by a send or a
 * visibility change, or by its own timeout at the next timer — never by polling.
 */
final class ReceiveActions {
    private static final long ATTEMPT_MILLIS = 5 * 60 * 1000L;

    private final Context ctx;

    ReceiveActions(Context ctx) { this.ctx = ctx; }

    private record Request(int max, int visibility, ReceiveView view, String attemptId) {}

    /** A message detached from its queue on its way to the dead-letter queue. */
    private record Move(Queue from, Message message, Queue to) {}

    JsonNode receive(ServiceCall call) {
        ObjectNode p = call.params();
        Queue q = ctx.queues().resolve(call, Params.text(p, "QueueUrl"));
        int max = Params.ranged(p, "MaxNumberOfMessages", 1, 1, 10, "Must be between 1 and 10, if provided.");
        int visibility = Params.has(p, "VisibilityTimeout")
                ? Params.ranged(p, "VisibilityTimeout", 0, 0, 43_200, "Must be >= 0 and <= 43200, if provided.") : -1;
        int wait = Params.has(p, "WaitTimeSeconds")
                ? Params.ranged(p, "WaitTimeSeconds", 0, 0, 20, "Must be >= 0 and <= 20, if provided.") : q.settings.receiveWaitSeconds;
        String attemptId = q.fifo ? Params.text(p, "ReceiveRequestAttemptId") : null;
        Request r = new Request(max, visibility, ReceiveView.of(p), attemptId);

        long deadline = System.nanoTime() + Queue.nanos(wait * 1000L);
        List<Message.Delivery> out = new ArrayList<>(max);
        while (true) {
            List<Move> moves = new ArrayList<>();
            boolean more = attempt(q, r, deadline, out, moves);
            if (!moves.isEmpty()) moveToDeadLetterQueues(moves);
            if (!out.isEmpty() || !more || System.nanoTime() >= deadline) break;
        }
        ArrayNode messages = Json.MAPPER.createArrayNode();
        for (Message.Delivery d : out) messages.add(r.view.render(d));
        ObjectNode reply = Json.object();
        if (!messages.isEmpty()) reply.set("Messages", messages);
        return reply;
    }

    /** One pass under the lock, waiting while nothing is receivable; true when it stopped early for dead-letter moves. */
    private boolean attempt(Queue q, Request r, long deadline, List<Message.Delivery> out, List<Move> moves) {
        List<Write> writes = new ArrayList<>();
        WriteJournal.Ticket ticket;
        boolean stoppedForMoves;
        q.lock.lock();
        try {
            if (q.deleted) throw Errors.queueDoesNotExist();
            long now = ctx.now();
            if (r.attemptId != null && repeat(q, r.attemptId, now, out)) return false;
            q.expireOld(now, writes);
            collect(q, r, now, out, writes, moves);
            long left = deadline - System.nanoTime();
            while (out.isEmpty() && moves.isEmpty() && left > 0 && !q.deleted) {
                left = q.await(Math.min(left, Queue.nanos(q.untilNextTimer(now))));
                now = ctx.now();
                collect(q, r, now, out, writes, moves);
            }
            if (r.attemptId != null && !out.isEmpty()) {
                q.attempts.put(r.attemptId, new Queue.ReceiveAttempt(List.copyOf(out), now + ATTEMPT_MILLIS));
            }
            q.passOn();
            stoppedForMoves = out.isEmpty() && !moves.isEmpty();
            ticket = ctx.journal().append(writes);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw Errors.internal("interrupted while waiting for messages");
        } finally {
            q.lock.unlock();
        }
        ticket.await();
        return stoppedForMoves;
    }

    private void collect(Queue q, Request r, long now, List<Message.Delivery> out, List<Write> writes, List<Move> moves) {
        q.advance(now);
        QueueSettings s = q.settings;
        Queue dlq = s.redrive == null ? null : ctx.queues().byArn(s.redrive.deadLetterTargetArn());
        int visibility = r.visibility >= 0 ? r.visibility : s.visibilityTimeout;
        List<Message> picked = new ArrayList<>(r.max);
        List<Message> visibleAtOnce = visibility == 0 ? new ArrayList<>() : null;
        try {
            pick(q, r, now, dlq, visibility, picked, visibleAtOnce, out, writes, moves);
        } finally {
            if (visibleAtOnce != null) visibleAtOnce.forEach(q::releaseAfterReceive);
        }
    }

    private void pick(Queue q, Request r, long now, Queue dlq, int visibility, List<Message> picked, List<Message> visibleAtOnce,
                      List<Message.Delivery> out, List<Write> writes, List<Move> moves) {
        QueueSettings s = q.settings;
        while (out.size() < r.max) {
            picked.clear();
            q.select(r.max - out.size(), picked);
            if (picked.isEmpty()) return;
            for (Message m : picked) {
                if (q.expired(m, now)) {
                    q.remove(m, writes);
                } else if (dlq != null && dlq != q && m.receiveCount >= s.redrive.maxReceiveCount()) {
                    q.detach(m);
                    moves.add(new Move(q, m, dlq));
                } else {
                    Message.Delivery d = q.deliver(m, now, visibility);
                    if (visibleAtOnce != null) visibleAtOnce.add(m);
                    writes.add(Records.putDelivery(q.key, m));
                    out.add(d);
                }
            }
        }
    }

    /** A FIFO receive retried with the same attempt id gets the same messages, while none of them has changed. */
    private static boolean repeat(Queue q, String attemptId, long now, List<Message.Delivery> out) {
        Queue.ReceiveAttempt a = q.attempts.get(attemptId);
        if (a == null) return false;
        if (a.expiresAt() <= now) {
            q.attempts.remove(attemptId);
            return false;
        }
        for (Message.Delivery d : a.deliveries()) {
            Message m = d.message();
            if (m.state != Message.State.IN_FLIGHT || ReceiptHandle.decode(d.receiptHandle()).receipt() != m.receipt) return false;
        }
        out.addAll(a.deliveries());
        return true;
    }

    /** Puts detached messages in their dead-letter queue, receive count kept. */
    private void moveToDeadLetterQueues(List<Move> moves) {
        for (Move mv : moves) MessageTransfer.move(ctx, mv.from(), mv.message(), mv.to(), ctx.now(), mv.from().arn);
    }
}
