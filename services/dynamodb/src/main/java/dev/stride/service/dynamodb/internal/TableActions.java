package dev.stride.service.dynamodb.internal;

import dev.stride.service.WriteJournal;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.stride.engine.spi.RecordStore.Write;
import dev.stride.service.ServiceCall;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * CreateTable, DescribeTable, DeleteTable and ListTables. A table is ACTIVE as soon as it is
 * created (there is nothing to provision locally), so SDK waiters and
 * {@code aws dynamodb wait table-exists} return at their first look.
 */
final class TableActions {
    private final Context ctx;

    TableActions(Context ctx) { this.ctx = ctx; }

    JsonNode create(ServiceCall call) {
        ObjectNode p = call.params();
        String name = SchemaParser.tableName(p);
        Map<String, String> attributes = SchemaParser.attributes(p);
        KeySchema key = SchemaParser.key(p.get("KeySchema"), attributes, "keySchema");
        String billing = Params.oneOf(p, "BillingMode", "PROVISIONED", Set.of("PROVISIONED", "PAY_PER_REQUEST"));
        boolean ppr = billing.equals("PAY_PER_REQUEST");
        long[] capacity = capacity(p.get("ProvisionedThroughput"), ppr);
        List<IndexSchema> indexes = new ArrayList<>();
        Set<String> names = new HashSet<>();
        for (JsonNode n : p.path("GlobalSecondaryIndexes")) indexes.add(SchemaParser.index(n, true, attributes, key, ppr));
        JsonNode lsis = p.get("LocalSecondaryIndexes");
        if (lsis != null && !lsis.isEmpty() && !key.hasSort()) {
            throw Errors.invalidParameter("Table KeySchema does not have a range key, which is required when specifying a LocalSecondaryIndex");
        }
        if (lsis != null) for (JsonNode n : lsis) indexes.add(SchemaParser.index(n, false, attributes, key, ppr));
        for (IndexSchema i : indexes) if (!names.add(i.name())) throw Errors.invalidParameter("Duplicate index name: " + i.name());
        SchemaParser.checkAllDefinitionsUsed(attributes, key, indexes);
        long now = ctx.now();
        TableSchema schema = new TableSchema(call.region(), call.account(), name, UUID.randomUUID().toString(), now, key, attributes, ppr,
                capacity[0], capacity[1], List.copyOf(indexes), null, Tagging.read(p.get("Tags")), Params.bool(p, "DeletionProtectionEnabled"), 0);
        Table table = new Table(schema);
        if (ctx.tables().addIfAbsent(table) != null) throw Errors.tableExists(name);
        ObjectNode reply = Json.object();
        reply.set("TableDescription", TableDescriptions.of(table, "ACTIVE"));
        List<Write> writes = new ArrayList<>();
        writes.add(Write.put(Records.TABLES, schema.storeKey(), Records.writeTable(schema)));
        ctx.idempotency().record(call.idempotencyKey(), reply, now, writes);
        ctx.journal().append(writes).await();
        return reply;
    }

    /** ProvisionedThroughput as {read, write}; PAY_PER_REQUEST tables report zeros. */
    static long[] capacity(JsonNode pt, boolean payPerRequest) {
        if (payPerRequest) {
            if (pt != null && !pt.isNull()) {
                throw Errors.invalidParameter("Neither ReadCapacityUnits nor WriteCapacityUnits can be specified when BillingMode is PAY_PER_REQUEST");
            }
            return new long[] {0, 0};
        }
        if (pt == null || !pt.has("ReadCapacityUnits") || !pt.has("WriteCapacityUnits")) {
            throw Errors.invalidParameter("ReadCapacityUnits and WriteCapacityUnits must both be specified when BillingMode is PROVISIONED");
        }
        long read = pt.get("ReadCapacityUnits").asLong(), write = pt.get("WriteCapacityUnits").asLong();
        if (read < 1 || write < 1) {
            throw Errors.validation("1 validation error detected: Value '" + Math.min(read, write) + "' at 'provisionedThroughput."
                    + (read < 1 ? "readCapacityUnits" : "writeCapacityUnits") + "' failed to satisfy constraint: Member must have value greater than or equal to 1");
        }
        return new long[] {read, write};
    }

    JsonNode describe(ServiceCall call) {
        Table t = find(call, Params.required(call.params(), "TableName"));
        ObjectNode reply = Json.object();
        reply.set("Table", TableDescriptions.of(t, "ACTIVE"));
        return reply;
    }

    JsonNode delete(ServiceCall call) {
        String name = Params.required(call.params(), "TableName");
        Table t = find(call, name);
        if (t.schema.deletionProtection()) {
            throw Errors.resourceInUse("Resource cannot be deleted as it is currently protected against deletion. Disable deletion protection first.");
        }
        List<Write> writes = new ArrayList<>();
        ObjectNode reply = Json.object();
        WriteJournal.Ticket ticket;
        t.structure.writeLock().lock();
        try {
            if (t.deleted) throw Errors.tableNotFound(name);
            reply.set("TableDescription", TableDescriptions.of(t, "DELETING"));
            t.deleted = true;
            ctx.tables().remove(t);
            writes.add(Write.delete(Records.TABLES, t.schema.storeKey()));
            for (Key k : t.items.keySet()) writes.add(Write.delete(Records.ITEMS, Records.itemKey(t.schema, k)));
            ctx.idempotency().record(call.idempotencyKey(), reply, ctx.now(), writes);
            ticket = ctx.journal().append(writes);
        } finally {
            t.structure.writeLock().unlock();
        }
        ticket.await();
        return reply;
    }

    JsonNode list(ServiceCall call) {
        ObjectNode p = call.params();
        String start = Params.string(p, "ExclusiveStartTableName");
        int limit = 100;
        if (p.hasNonNull("Limit")) {
            limit = p.get("Limit").asInt();
            if (limit < 1 || limit > 100) {
                throw Errors.validation("1 validation error detected: Value '" + limit + "' at 'limit' failed to satisfy constraint: Member must have value "
                        + (limit < 1 ? "greater than or equal to 1" : "less than or equal to 100"));
            }
        }
        List<String> names = ctx.tables().names(call.region(), call.account());
        ArrayNode out = Json.array();
        String last = null;
        for (String n : names) {
            if (start != null && n.compareTo(start) <= 0) continue;
            if (out.size() == limit) break;
            out.add(n);
            last = n;
        }
        ObjectNode reply = Json.object();
        reply.set("TableNames", out);
        if (last != null && out.size() == limit && !names.get(names.size() - 1).equals(last)) reply.put("LastEvaluatedTableName", last);
        return reply;
    }

    /** The table a request names (by name or ARN); ResourceNotFoundException naming it when there is none. */
    Table find(ServiceCall call, String nameOrArn) {
        String name = nameOrArn;
        if (name.startsWith("arn:")) name = name.substring(name.lastIndexOf('/') + 1);
        Table t = ctx.tables().find(call.region(), call.account(), name);
        if (t == null) throw Errors.tableNotFound(name);
        return t;
    }
}
