package dev.stride.service.dynamodb.internal;

import dev.stride.service.WriteJournal;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.stride.engine.spi.RecordStore.Write;
import dev.stride.service.ServiceCall;
import dev.stride.service.dynamodb.expression.AttributeValues;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * UpdateTable: billing mode and throughput, deletion protection, and GlobalSecondaryIndexUpdates
 * (Create, Update, Delete). A new index is filled from the table's items at once, with the
 * table's writes held off meanwhile, and is ACTIVE when the call returns.
 */
final class TableUpdates {
    private final Context ctx;
    private final TableActions tables;

    TableUpdates(Context ctx, TableActions tables) {
        this.ctx = ctx;
        this.tables = tables;
    }

    JsonNode update(ServiceCall call) {
        ObjectNode p = call.params();
        Table t = tables.find(call, Params.required(p, "TableName"));
        List<Write> writes = new ArrayList<>();
        ObjectNode reply = Json.object();
        WriteJournal.Ticket ticket;
        t.structure.writeLock().lock();
        try {
            if (t.deleted) throw Errors.tableNotFound(t.schema.name());
            TableSchema s = t.schema;
            Map<String, String> attributes = new LinkedHashMap<>(s.attributes());
            if (p.has("AttributeDefinitions")) attributes.putAll(SchemaParser.attributes(p));
            s = billing(p, s);
            if (p.has("DeletionProtectionEnabled")) s = s.withDeletionProtection(Params.bool(p, "DeletionProtectionEnabled"));
            Map<String, Index> indexes = new LinkedHashMap<>(t.indexes);
            List<IndexSchema> schemas = new ArrayList<>(s.indexes());
            for (JsonNode u : p.path("GlobalSecondaryIndexUpdates")) indexUpdate(u, s, attributes, schemas, indexes, t);
            s = s.withIndexes(schemas).withAttributes(attributes);
            t.schema = s;
            t.indexes = Map.copyOf(indexes);
            reply.set("TableDescription", TableDescriptions.of(t, "ACTIVE"));
            writes.add(Write.put(Records.TABLES, s.storeKey(), Records.writeTable(s)));
            ctx.idempotency().record(call.idempotencyKey(), reply, ctx.now(), writes);
            ticket = ctx.journal().append(writes);
        } finally {
            t.structure.writeLock().unlock();
        }
        ticket.await();
        return reply;
    }

    private TableSchema billing(ObjectNode p, TableSchema s) {
        if (!p.has("BillingMode") && !p.has("ProvisionedThroughput")) return s;
        String mode = Params.oneOf(p, "BillingMode", s.payPerRequest() ? "PAY_PER_REQUEST" : "PROVISIONED", Set.of("PROVISIONED", "PAY_PER_REQUEST"));
        boolean ppr = mode.equals("PAY_PER_REQUEST");
        long[] c = ppr ? new long[] {0, 0}
                : TableActions.capacity(p.has("ProvisionedThroughput") ? p.get("ProvisionedThroughput") : capacityOf(s), false);
        long changed = ppr != s.payPerRequest() ? ctx.now() : s.billingModeChangedAt();
        return s.withBilling(ppr, c[0], c[1], changed);
    }

    private static JsonNode capacityOf(TableSchema s) {
        return s.readCapacity() > 0 ? Json.object().put("ReadCapacityUnits", s.readCapacity()).put("WriteCapacityUnits", s.writeCapacity()) : null;
    }

    private void indexUpdate(JsonNode u, TableSchema s, Map<String, String> attributes, List<IndexSchema> schemas, Map<String, Index> indexes, Table t) {
        if (u.has("Create")) {
            IndexSchema ix = SchemaParser.index(u.get("Create"), true, attributes, s.key(), s.payPerRequest());
            if (s.index(ix.name()) != null || indexes.containsKey(ix.name())) {
                throw Errors.validation("One or more parameter values were invalid: Index already exists: " + ix.name());
            }
            Index index = new Index(ix);
            KeySchema tableKey = s.key();
            t.items.forEach((k, bytes) -> {
                ObjectNode item = Json.item(bytes);
                index.update(k, null, 0, item, bytes, AttributeValues.itemSize(item), tableKey);
            });
            schemas.add(ix);
            indexes.put(ix.name(), index);
        } else if (u.has("Delete")) {
            String name = u.get("Delete").path("IndexName").asText();
            IndexSchema ix = s.index(name);
            if (ix == null || !ix.global()) throw Errors.resourceNotFoundIndex(s.name(), name);
            schemas.remove(ix);
            indexes.remove(name);
        } else if (u.has("Update")) {
            JsonNode n = u.get("Update");
            String name = n.path("IndexName").asText();
            IndexSchema ix = s.index(name);
            if (ix == null || !ix.global()) throw Errors.resourceNotFoundIndex(s.name(), name);
            JsonNode pt = n.path("ProvisionedThroughput");
            IndexSchema changed = new IndexSchema(ix.name(), true, ix.key(), ix.projectionType(), ix.nonKeyAttributes(),
                    pt.path("ReadCapacityUnits").asLong(ix.readCapacity()), pt.path("WriteCapacityUnits").asLong(ix.writeCapacity()));
            schemas.set(schemas.indexOf(ix), changed);
        }
    }
}
