package dev.stride.service.dynamodb.internal;

import dev.stride.service.WriteJournal;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.stride.engine.spi.RecordStore.Write;
import dev.stride.service.ServiceCall;
import java.util.ArrayList;
import java.util.List;

/** UpdateTimeToLive and DescribeTimeToLive; {@link Sweeper} deletes the expired items. */
final class TimeToLive {
    private final Context ctx;
    private final TableActions tables;

    TimeToLive(Context ctx, TableActions tables) {
        this.ctx = ctx;
        this.tables = tables;
    }

    JsonNode update(ServiceCall call) {
        ObjectNode p = call.params();
        Table t = tables.find(call, Params.required(p, "TableName"));
        ObjectNode spec = Params.requiredObject(p, "TimeToLiveSpecification");
        if (!spec.has("Enabled")) throw Errors.missingParameter("timeToLiveSpecification.enabled");
        boolean enable = spec.get("Enabled").asBoolean();
        String attribute = Params.required(spec, "AttributeName");
        ObjectNode reply = Json.object();
        reply.set("TimeToLiveSpecification", Json.object().put("Enabled", enable).put("AttributeName", attribute));
        List<Write> writes = new ArrayList<>();
        WriteJournal.Ticket ticket;
        t.structure.writeLock().lock();
        try {
            String current = t.schema.ttlAttribute();
            if (enable && current != null) throw Errors.validation("TimeToLive is already enabled");
            if (!enable && current == null) throw Errors.validation("TimeToLive is already disabled");
            if (!enable && !current.equals(attribute)) {
                throw Errors.validation("TimeToLive is active on a different AttributeName: current AttributeName is " + current);
            }
            t.schema = t.schema.withTtl(enable ? attribute : null);
            writes.add(Write.put(Records.TABLES, t.schema.storeKey(), Records.writeTable(t.schema)));
            ctx.idempotency().record(call.idempotencyKey(), reply, ctx.now(), writes);
            ticket = ctx.journal().append(writes);
        } finally {
            t.structure.writeLock().unlock();
        }
        ticket.await();
        return reply;
    }

    JsonNode describe(ServiceCall call) {
        Table t = tables.find(call, Params.required(call.params(), "TableName"));
        String attribute = t.schema.ttlAttribute();
        ObjectNode d = Json.object().put("TimeToLiveStatus", attribute == null ? "DISABLED" : "ENABLED");
        if (attribute != null) d.put("AttributeName", attribute);
        ObjectNode reply = Json.object();
        reply.set("TimeToLiveDescription", d);
        return reply;
    }
}
