package dev.stride.service.dynamodb.internal;

import dev.stride.service.WriteJournal;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.stride.engine.spi.RecordStore.Write;
import dev.stride.service.ServiceCall;
import dev.stride.service.dynamodb.expression.AttributeValues;
import dev.stride.service.dynamodb.expression.Condition;
import dev.stride.service.dynamodb.expression.ExpressionContext;
import dev.stride.service.dynamodb.expression.Projection;
import dev.stride.service.dynamodb.expression.Update;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * PutItem, GetItem, UpdateItem and DeleteItem. Expressions are parsed once per request, before
 * any lock; a write then holds only its item's stripe while it checks, applies and appends its
 * record, and waits for the store after letting go.
 */
final class ItemActions {
    private final Context ctx;

    ItemActions(Context ctx) { this.ctx = ctx; }

    /** The table an item action names; DynamoDB answers these without naming the table. */
    Table table(ServiceCall call) {
        String name = Params.required(call.params(), "TableName");
        if (name.startsWith("arn:")) name = name.substring(name.lastIndexOf('/') + 1);
        else SchemaParser.checkName(name, "tableName");
        Table t = ctx.tables().find(call.region(), call.account(), name);
        if (t == null) throw Errors.resourceNotFound();
        return t;
    }

    JsonNode put(ServiceCall call) {
        ObjectNode item = Params.requiredObject(call.params(), "Item");
        Table t = table(call);
        return replace(call, t, Keys.ofItem(t.schema, item), item);
    }

    JsonNode delete(ServiceCall call) {
        ObjectNode key = Params.requiredObject(call.params(), "Key");
        Table t = table(call);
        return replace(call, t, Keys.ofRequest(t.schema, key), null);
    }

    /** PutItem ({@code next} the new item) and DeleteItem ({@code next} null): the same conditional whole-item write. */
    private JsonNode replace(ServiceCall call, Table t, Key k, ObjectNode next) {
        ObjectNode p = call.params();
        ExpressionContext ec = Params.expressions(p);
        Condition condition = ExpressionParams.condition(p, ec);
        ec.checkAllUsed();
        ReturnValues rv = ReturnValues.of(p, false);
        boolean oldOnFailure = ReturnValues.allOldOnConditionFailure(p);
        Capacity cap = Capacity.of(p, t.schema.name(), true);
        return write(call, t, k, old -> {
            ItemWrites.check(condition, old, oldOnFailure);
            return next;
        }, rv, Set.of(), cap);
    }

    JsonNode update(ServiceCall call) {
        ObjectNode p = call.params();
        ObjectNode key = Params.requiredObject(p, "Key");
        Table t = table(call);
        Key k = Keys.ofRequest(t.schema, key);
        ExpressionContext ec = Params.expressions(p);
        Condition condition = ExpressionParams.condition(p, ec);
        Update update = updateOf(p, ec, t.schema);
        ec.checkAllUsed();
        ReturnValues rv = ReturnValues.of(p, true);
        boolean oldOnFailure = ReturnValues.allOldOnConditionFailure(p);
        Capacity cap = Capacity.of(p, t.schema.name(), true);
        Set<String> touched = update == null ? Set.of() : update.touchedAttributes();
        return write(call, t, k, old -> {
            ItemWrites.check(condition, old, oldOnFailure);
            return updated(t.schema, key, old, update);
        }, rv, touched, cap);
    }

    /** Parses UpdateExpression and refuses one that writes a key attribute. Null when the request has none (UpdateItem then only creates the key). */
    static Update updateOf(ObjectNode p, ExpressionContext ec, TableSchema s) {
        String expr = Params.string(p, "UpdateExpression");
        if (p.hasNonNull("AttributeUpdates")) {
            if (expr != null) {
                throw Errors.validation("Can not use both expression and non-expression parameters in the same request: "
                        + "Non-expression parameters: {AttributeUpdates} Expression parameters: {UpdateExpression}");
            }
            return refuseKeyUpdates(AttributeUpdates.parse(Params.object(p, "AttributeUpdates")), s);
        }
        if (expr == null) return null;
        return refuseKeyUpdates(Update.parse(expr, ec), s);
    }

    private static Update refuseKeyUpdates(Update u, TableSchema s) {
        for (String name : u.touchedAttributes()) {
            if (s.key().isKeyAttribute(name)) {
                throw Errors.invalidParameter("Cannot update attribute " + name + ". This attribute is part of the key");
            }
        }
        return u;
    }

    /** The item after an update: from the old item, or from just the key when there is none; checked as any written item is. */
    static ObjectNode updated(TableSchema s, ObjectNode key, ObjectNode old, Update update) {
        ObjectNode base = old != null ? old : key.deepCopy();
        ObjectNode next = update == null ? base : update.apply(base);
        if (AttributeValues.itemSize(next) > Keys.MAX_ITEM_BYTES) throw Errors.itemTooLarge();
        Keys.checkIndexKeys(s, next);
        return next;
    }

    private JsonNode write(ServiceCall call, Table t, Key k, ItemWrites.Change change, ReturnValues rv, Set<String> touched, Capacity cap) {
        List<Write> writes = new ArrayList<>();
        ObjectNode reply = Json.object();
        WriteJournal.Ticket ticket;
        try (ItemLocks locks = ItemLocks.one(t, k)) {
            if (t.deleted) throw Errors.resourceNotFound();
            ItemWrites.Applied a = ItemWrites.apply(t, k, change, writes);
            ObjectNode attributes = rv.select(a.old(), a.next(), touched);
            if (attributes != null) reply.set("Attributes", attributes);
            ItemWrites.meter(cap, t, k, a);
            Capacity.into(reply, cap);
            ctx.idempotency().record(call.idempotencyKey(), reply, ctx.now(), writes);
            ticket = ctx.journal().append(writes);
        }
        ticket.await();
        return reply;
    }

    JsonNode get(ServiceCall call) {
        ObjectNode p = call.params();
        ObjectNode key = Params.requiredObject(p, "Key");
        Table t = table(call);
        Key k = Keys.ofRequest(t.schema, key);
        ExpressionContext ec = Params.expressions(p);
        Projection projection = ExpressionParams.projection(p, ec);
        ec.checkAllUsed();
        boolean consistent = Params.bool(p, "ConsistentRead");
        Capacity cap = Capacity.of(p, t.schema.name(), false);
        byte[] bytes = t.items.get(k);
        ObjectNode reply = Json.object();
        ObjectNode item = bytes == null ? null : Json.item(bytes);
        if (item != null) reply.set("Item", projection == null ? item : projection.apply(item));
        if (cap != null) cap.table(Capacity.readUnits(item == null ? 0 : AttributeValues.itemSize(item), consistent));
        Capacity.into(reply, cap);
        return reply;
    }
}
