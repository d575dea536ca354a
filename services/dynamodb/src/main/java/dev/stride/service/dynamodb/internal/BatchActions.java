package dev.stride.service.dynamodb.internal;

import dev.stride.service.WriteJournal;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.stride.engine.spi.RecordStore.Write;
import dev.stride.service.ServiceCall;
import dev.stride.service.dynamodb.expression.ExpressionContext;
import dev.stride.service.dynamodb.expression.Projection;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * BatchGetItem (up to 100 keys) and BatchWriteItem (up to 25 puts and deletes). Locally nothing
 * is throttled, so every request is processed and UnprocessedKeys / UnprocessedItems come back
 * empty, except that a BatchGetItem reply stops at 16 MB and returns the rest unprocessed, as
 * DynamoDB does. Each write of a batch is atomic on its own, not with the others.
 */
final class BatchActions {
    static final int MAX_GET_KEYS = 100;
    static final int MAX_WRITES = 25;
    static final long MAX_GET_BYTES = 16L * 1024 * 1024;

    private final Context ctx;
    private final ItemActions items;

    BatchActions(Context ctx, ItemActions items) {
        this.ctx = ctx;
        this.items = items;
    }

    JsonNode get(ServiceCall call) {
        ObjectNode requests = Params.requiredObject(call.params(), "RequestItems");
        int total = 0;
        for (JsonNode r : requests) total += r.path("Keys").size();
        if (total > MAX_GET_KEYS) throw Errors.validation("Too many items requested for the BatchGetItem call");
        if (requests.isEmpty()) {
            throw Errors.validation("1 validation error detected: Value '{}' at 'requestItems' failed to satisfy constraint: "
                    + "Member must have length greater than or equal to 1");
        }
        ObjectNode reply = Json.object();
        ObjectNode responses = reply.putObject("Responses");
        ObjectNode unprocessed = reply.putObject("UnprocessedKeys");
        ArrayNode capacities = null;
        long bytes = 0;
        for (Map.Entry<String, JsonNode> e : requests.properties()) {
            ObjectNode r = (ObjectNode) e.getValue();
            Table t = items.table(call.withParams(Json.object().put("TableName", e.getKey())));
            ExpressionContext ec = Params.expressions(r);
            Projection projection = ExpressionParams.projection(r, ec);
            ec.checkAllUsed();
            boolean consistent = Params.bool(r, "ConsistentRead");
            Capacity cap = Capacity.of(call.params(), t.schema.name(), false);
            ArrayNode found = responses.putArray(e.getKey());
            Set<Key> seen = new HashSet<>();
            List<Key> keys = new ArrayList<>();
            for (JsonNode key : r.path("Keys")) {
                Key k = Keys.ofRequest(t.schema, (ObjectNode) key);
                if (!seen.add(k)) throw Errors.validation("Provided list of item keys contains duplicates");
                keys.add(k);
            }
            int i = 0;
            for (JsonNode key : r.path("Keys")) {
                Key k = keys.get(i++);
                if (bytes >= MAX_GET_BYTES) {
                    unprocessedKey(unprocessed, e.getKey(), r).add(key);
                    continue;
                }
                byte[] b = t.items.get(k);
                if (cap != null) cap.table(Capacity.readUnits(b == null ? 0 : b.length, consistent));
                if (b == null) continue;
                bytes += b.length;
                ObjectNode item = Json.item(b);
                found.add(projection == null ? item : projection.apply(item));
            }
            if (cap != null) {
                if (capacities == null) capacities = reply.putArray("ConsumedCapacity");
                capacities.add(cap.toJson());
            }
        }
        return reply;
    }

    private static ArrayNode unprocessedKey(ObjectNode unprocessed, String table, ObjectNode request) {
        if (!unprocessed.has(table)) {
            ObjectNode r = request.deepCopy();
            r.putArray("Keys");
            unprocessed.set(table, r);
        }
        return (ArrayNode) unprocessed.get(table).get("Keys");
    }

    JsonNode write(ServiceCall call) {
        ObjectNode requests = Params.requiredObject(call.params(), "RequestItems");
        List<Planned> planned = plan(call, requests);
        ObjectNode reply = Json.object();
        reply.putObject("UnprocessedItems");
        Map<String, Capacity> capacities = new LinkedHashMap<>();
        List<ItemLocks.Target> targets = planned.stream().map(w -> new ItemLocks.Target(w.table, w.key)).toList();
        List<Write> writes = new ArrayList<>();
        WriteJournal.Ticket ticket;
        // one lock round and one append for the whole batch: its writes reach the store together
        try (ItemLocks locks = ItemLocks.all(targets)) {
            for (Planned w : planned) {
                if (w.table.deleted) throw Errors.resourceNotFound();
                Capacity cap = capacities.computeIfAbsent(w.table.schema.name(), n -> Capacity.of(call.params(), n, true));
                ItemWrites.Applied a = ItemWrites.apply(w.table, w.key, old -> w.item, writes);
                ItemWrites.meter(cap, w.table, w.key, a);
            }
            ctx.idempotency().record(call.idempotencyKey(), reply, ctx.now(), writes);
            ticket = ctx.journal().append(writes);
        }
        ticket.await();
        if (capacities.values().stream().anyMatch(c -> c != null)) {
            ArrayNode out = reply.putArray("ConsumedCapacity");
            capacities.values().forEach(c -> out.add(c.toJson()));
        }
        return reply;
    }

    /** One put (item non-null) or delete of a batch, checked before any is applied. */
    private record Planned(Table table, Key key, ObjectNode item) {}

    private List<Planned> plan(ServiceCall call, ObjectNode requests) {
        int total = 0;
        for (JsonNode r : requests) total += r.size();
        if (requests.isEmpty() || total > MAX_WRITES) {
            throw Errors.validation("1 validation error detected: Value '" + requests + "' at 'requestItems' failed to satisfy constraint: "
                    + "Map value must satisfy constraint: [Member must have length less than or equal to 25, Member must have length greater than or equal to 1]");
        }
        List<Planned> out = new ArrayList<>();
        for (Map.Entry<String, JsonNode> e : requests.properties()) {
            Table t = items.table(call.withParams(Json.object().put("TableName", e.getKey())));
            Set<Key> seen = new HashSet<>();
            for (JsonNode r : e.getValue()) {
                Planned w;
                if (r.has("PutRequest")) {
                    ObjectNode item = (ObjectNode) r.get("PutRequest").get("Item");
                    if (item == null) throw Errors.missingParameter("item");
                    w = new Planned(t, Keys.ofItem(t.schema, item), item);
                } else if (r.has("DeleteRequest")) {
                    w = new Planned(t, Keys.ofRequest(t.schema, (ObjectNode) r.get("DeleteRequest").get("Key")), null);
                } else {
                    throw Errors.validation("1 validation error detected: a WriteRequest of table " + e.getKey() + " has neither PutRequest nor DeleteRequest");
                }
                if (!seen.add(w.key)) throw Errors.validation("Provided list of item keys contains duplicates");
                out.add(w);
            }
        }
        return out;
    }
}
