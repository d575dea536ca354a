package dev.stride.service.dynamodb.internal;

import dev.stride.service.WriteJournal;
import com.fasterxml.jackson.databind.JsonNode;
import dev.stride.engine.spi.RecordStore;
import dev.stride.service.ServiceCall;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.function.LongSupplier;

/**
 * Every DynamoDB action by name, over the state rebuilt from the store. HTTP requests and
 * in-process calls both end here with the API's JSON shape.
 */
public final class DynamoDbActions implements AutoCloseable {
    /** Actions with effects: with an idempotency key they run once and a repeat gets the first reply. */
    private static final Set<String> WRITES = Set.of("CreateTable", "UpdateTable", "DeleteTable", "PutItem", "UpdateItem", "DeleteItem",
            "BatchWriteItem", "TransactWriteItems", "UpdateTimeToLive", "TagResource", "UntagResource");

    private final Map<String, Function<ServiceCall, JsonNode>> actions;
    private final Context ctx;
    private final WriteJournal journal;
    private final Sweeper sweeper;

    public DynamoDbActions(RecordStore store, LongSupplier clock) {
        this.journal = new WriteJournal(store, "DynamoDB", Errors::internal);
        this.ctx = new Context(new Tables(), journal, new Idempotency(), new ClientTokens(), clock);
        Recovery.load(store, ctx);
        TableActions tables = new TableActions(ctx);
        TableUpdates updates = new TableUpdates(ctx, tables);
        ItemActions items = new ItemActions(ctx);
        ReadActions reads = new ReadActions(items);
        BatchActions batches = new BatchActions(ctx, items);
        TransactActions transactions = new TransactActions(ctx, items);
        TimeToLive ttl = new TimeToLive(ctx, tables);
        Tagging tags = new Tagging(ctx);
        this.actions = Map.ofEntries(
                Map.entry("CreateTable", tables::create),
                Map.entry("DescribeTable", tables::describe),
                Map.entry("UpdateTable", updates::update),
                Map.entry("DeleteTable", tables::delete),
                Map.entry("ListTables", tables::list),
                Map.entry("PutItem", items::put),
                Map.entry("GetItem", items::get),
                Map.entry("UpdateItem", items::update),
                Map.entry("DeleteItem", items::delete),
                Map.entry("Query", reads::query),
                Map.entry("Scan", reads::scan),
                Map.entry("BatchGetItem", batches::get),
                Map.entry("BatchWriteItem", batches::write),
                Map.entry("TransactWriteItems", transactions::write),
                Map.entry("TransactGetItems", transactions::get),
                Map.entry("UpdateTimeToLive", ttl::update),
                Map.entry("DescribeTimeToLive", ttl::describe),
                Map.entry("TagResource", tags::tag),
                Map.entry("UntagResource", tags::untag),
                Map.entry("ListTagsOfResource", tags::list),
                Map.entry("DescribeLimits", AccountActions::describeLimits),
                Map.entry("DescribeEndpoints", AccountActions::describeEndpoints));
        this.sweeper = new Sweeper(ctx);
        sweeper.start();
    }

    public Set<String> names() { return actions.keySet(); }

    /** Runs an action; throws ServiceException (or {@link Errors.Detailed}) with AWS's error for bad input. */
    public JsonNode run(ServiceCall call) {
        Function<ServiceCall, JsonNode> action = actions.get(call.action());
        if (action == null) throw Errors.unknownOperation();
        if (call.idempotencyKey() != null && WRITES.contains(call.action())) {
            return ctx.idempotency().run(call.idempotencyKey(), () -> action.apply(call));
        }
        return action.apply(call);
    }

    /** One round of housekeeping now (TTL expiry, old replies); returns the expired items deleted. */
    public int sweep() { return sweeper.sweep(); }

    @Override
    public void close() {
        sweeper.close();
        journal.close();
    }
}
