package dev.stride.service.sqs.internal;

import dev.stride.service.WriteJournal;
import com.fasterxml.jackson.databind.JsonNode;
import dev.stride.engine.spi.RecordStore;
import dev.stride.service.ServiceCall;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.function.LongSupplier;

/**
 * Every SQS action by name, over the state rebuilt from the store. Both ways in — HTTP in
 * either protocol and in-process calls of Task states — end here with the JSON shape.
 */
public final class SqsActions implements AutoCloseable {
    private final Map<String, Function<ServiceCall, JsonNode>> actions;
    private final Idempotency idempotency = new Idempotency();
    private final Context ctx;
    private final WriteJournal journal;
    private final Sweeper sweeper;
    private final PeekMessages peek;

    public SqsActions(RecordStore store, LongSupplier clock) {
        this.journal = new WriteJournal(store, "SQS", Errors::internal);
        this.ctx = new Context(new Queues(), journal, clock);
        Recovery.load(store, ctx.queues(), idempotency, clock.getAsLong());
        QueueActions queues = new QueueActions(ctx);
        QueueAttributes attributes = new QueueAttributes(ctx);
        QueueTags tags = new QueueTags(ctx);
        Permissions permissions = new Permissions(ctx);
        SendActions send = new SendActions(ctx);
        ReceiveActions receive = new ReceiveActions(ctx);
        ReceiptActions receipts = new ReceiptActions(ctx);
        MessageMoves moves = new MessageMoves(ctx);
        this.actions = Map.ofEntries(
                Map.entry("CreateQueue", queues::create),
                Map.entry("GetQueueUrl", queues::getUrl),
                Map.entry("ListQueues", queues::list),
                Map.entry("DeleteQueue", queues::delete),
                Map.entry("PurgeQueue", queues::purge),
                Map.entry("ListDeadLetterSourceQueues", queues::listDeadLetterSources),
                Map.entry("GetQueueAttributes", attributes::get),
                Map.entry("SetQueueAttributes", attributes::set),
                Map.entry("TagQueue", tags::tag),
                Map.entry("UntagQueue", tags::untag),
                Map.entry("ListQueueTags", tags::list),
                Map.entry("AddPermission", permissions::add),
                Map.entry("RemovePermission", permissions::remove),
                Map.entry("SendMessage", c -> once(c, send::send)),
                Map.entry("SendMessageBatch", c -> once(c, send::sendBatch)),
                Map.entry("ReceiveMessage", receive::receive),
                Map.entry("DeleteMessage", receipts::delete),
                Map.entry("DeleteMessageBatch", receipts::deleteBatch),
                Map.entry("ChangeMessageVisibility", receipts::changeVisibility),
                Map.entry("ChangeMessageVisibilityBatch", receipts::changeVisibilityBatch),
                Map.entry("StartMessageMoveTask", moves::start),
                Map.entry("ListMessageMoveTasks", moves::list),
                Map.entry("CancelMessageMoveTask", moves::cancel));
        this.peek = new PeekMessages(ctx);
        this.sweeper = new Sweeper(ctx, idempotency);
        sweeper.start();
    }

    /** The names of every action SQS has. */
    public Set<String> names() { return actions.keySet(); }

    /** Runs an action; throws ServiceException with AWS's error for bad input. */
    public JsonNode run(ServiceCall call) {
        Function<ServiceCall, JsonNode> action = actions.get(call.action());
        if (action == null) throw Errors.invalidAction(call.action());
        return action.apply(call);
    }

    /** The console's read-only looks: {@code PeekMessages} (a queue's messages, not received). */
    public JsonNode inspect(ServiceCall call) {
        if (!call.action().equals("PeekMessages")) throw Errors.invalidAction(call.action());
        return peek.peek(call);
    }

    /** Applies a send once per idempotency key: a repeat gets the first reply. */
    private JsonNode once(ServiceCall call, Function<ServiceCall, JsonNode> send) {
        if (call.idempotencyKey() == null) return send.apply(call);
        return idempotency.run(call.idempotencyKey(), ctx.now(), () -> send.apply(call));
    }

    /** One round of the background housekeeping now (tests drive it with their clock). */
    void sweep() { sweeper.sweep(); }

    @Override
    public void close() {
        sweeper.close();
        journal.close();
    }
}
