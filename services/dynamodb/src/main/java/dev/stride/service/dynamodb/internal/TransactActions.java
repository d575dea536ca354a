package dev.stride.service.dynamodb.internal;

import dev.stride.service.WriteJournal;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.stride.engine.spi.RecordStore.Write;
import dev.stride.service.ServiceCall;
import dev.stride.service.ServiceException;
import dev.stride.service.dynamodb.expression.Condition;
import dev.stride.service.dynamodb.expression.ExpressionContext;
import dev.stride.service.dynamodb.expression.Projection;
import dev.stride.service.dynamodb.expression.Update;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * TransactWriteItems and TransactGetItems. A write transaction parses every action first, then
 * holds the locks of all its items (in {@link ItemLocks}' global order) while it checks every
 * condition; only when all pass does it apply them, and their records go to the store in one
 * commit. Otherwise nothing changes and the caller gets TransactionCanceledException with one
 * reason per action, in order, as DynamoDB reports them.
 */
final class TransactActions {
    static final int MAX_ITEMS = 100;

    private final Context ctx;
    private final ItemActions items;

    TransactActions(Context ctx, ItemActions items) {
        this.ctx = ctx;
        this.items = items;
    }

    private enum Kind { Put, Update, Delete, ConditionCheck }

    private record Action(Kind kind, Table table, Key key, ObjectNode keyAttributes, ObjectNode item, Condition condition, Update update,
                          boolean oldOnFailure) {}

    JsonNode write(ServiceCall call) {
        ObjectNode p = call.params();
        JsonNode list = p.get("TransactItems");
        checkCount(list);
        List<Action> actions = new ArrayList<>();
        for (JsonNode n : list) actions.add(parse(call, n));
        Set<String> seen = new HashSet<>();
        for (Action a : actions) {
            if (!seen.add(a.table.schema.storeKey() + "\u0000" + Records.itemKey(a.table.schema, a.key))) {
                throw Errors.validation("Transaction request cannot include multiple operations on one item");
            }
        }
        String token = Params.string(p, "ClientRequestToken");
        String tokenKey = token == null ? null : ClientTokens.tokenKey(call.region(), call.account(), token);
        String request = token == null ? null : withoutToken(p);
        ObjectNode reply = Json.object();
        List<Write> writes = new ArrayList<>();
        WriteJournal.Ticket ticket;
        try (ItemLocks locks = ItemLocks.all(actions.stream().map(a -> new ItemLocks.Target(a.table, a.key)).toList())) {
            if (tokenKey != null && ctx.tokens().seen(tokenKey, request, ctx.now())) return reply;
            List<ObjectNode> olds = new ArrayList<>();
            List<ObjectNode> nexts = new ArrayList<>();
            decide(actions, olds, nexts);
            Map<String, Capacity> capacities = new LinkedHashMap<>();
            for (int i = 0; i < actions.size(); i++) {
                Action a = actions.get(i);
                Capacity cap = capacities.computeIfAbsent(a.table.schema.name(), n -> Capacity.of(p, n, true));
                if (a.kind == Kind.ConditionCheck) continue;
                ItemWrites.Applied applied = ItemWrites.store(a.table, a.key, olds.get(i), nexts.get(i), writes);
                ItemWrites.meter(cap, a.table, a.key, applied);
            }
            if (!capacities.isEmpty()) {
                ArrayNode out = reply.putArray("ConsumedCapacity");
                capacities.values().forEach(c -> out.add(c.toJson()));
            }
            if (tokenKey != null) ctx.tokens().record(tokenKey, request, ctx.now(), writes);
            ctx.idempotency().record(call.idempotencyKey(), reply, ctx.now(), writes);
            ticket = ctx.journal().append(writes);
        }
        ticket.await();
        return reply;
    }

    /** Checks every action under the locks; fills the old and new item of each, or cancels with every action's reason. */
    private void decide(List<Action> actions, List<ObjectNode> olds, List<ObjectNode> nexts) {
        ArrayNode reasons = Json.array();
        boolean cancelled = false;
        for (Action a : actions) {
            if (a.table.deleted) throw Errors.resourceNotFound();
            ObjectNode old = ItemWrites.current(a.table, a.key);
            olds.add(old);
            ObjectNode reason = Json.object();
            try {
                if (a.condition != null && !a.condition.test(old)) {
                    reason.put("Code", "ConditionalCheckFailed");
                    if (a.oldOnFailure && old != null) reason.set("Item", old);
                    reason.put("Message", "The conditional request failed");
                    cancelled = true;
                    nexts.add(null);
                } else {
                    nexts.add(next(a, old));
                    reason.put("Code", "None");
                }
            } catch (ServiceException e) {
                reason.removeAll();
                reason.put("Code", e.type().equals("ValidationException") ? "ValidationError" : e.type()).put("Message", e.getMessage());
                cancelled = true;
                nexts.add(null);
            }
            reasons.add(reason);
        }
        if (cancelled) throw cancelled(reasons);
    }

    private static ObjectNode next(Action a, ObjectNode old) {
        return switch (a.kind) {
            case Put -> a.item;
            case Delete -> null;
            case ConditionCheck -> old;
            case Update -> ItemActions.updated(a.table.schema, a.keyAttributes, old, a.update);
        };
    }

    static Errors.Detailed cancelled(ArrayNode reasons) {
        List<String> codes = new ArrayList<>();
        reasons.forEach(r -> codes.add(r.path("Code").asText()));
        String message = "Transaction cancelled, please refer cancellation reasons for specific reasons " + codes;
        ObjectNode members = Json.object();
        members.set("CancellationReasons", reasons);
        return new Errors.Detailed(ServiceException.client("TransactionCanceledException", message), members, true);
    }

    private Action parse(ServiceCall call, JsonNode n) {
        Kind kind = null;
        ObjectNode body = null;
        for (Kind k : Kind.values()) {
            if (n.hasNonNull(k.name())) {
                if (kind != null) throw Errors.validation("TransactItems can only contain one of Check, Put, Update or Delete");
                kind = k;
                body = (ObjectNode) n.get(k.name());
            }
        }
        if (kind == null) throw Errors.validation("TransactItems can only contain one of Check, Put, Update or Delete");
        Table t = items.table(call.withParams(Json.object().put("TableName", Params.required(body, "TableName"))));
        ExpressionContext ec = Params.expressions(body);
        Condition condition = ExpressionParams.condition(body, ec);
        if (kind == Kind.ConditionCheck && condition == null) {
            throw Errors.missingParameter("transactItems.member.conditionCheck.conditionExpression");
        }
        boolean oldOnFailure = ReturnValues.allOldOnConditionFailure(body);
        if (kind == Kind.Put) {
            ObjectNode item = Params.requiredObject(body, "Item");
            Key k = Keys.ofItem(t.schema, item);
            ec.checkAllUsed();
            return new Action(kind, t, k, null, item, condition, null, oldOnFailure);
        }
        ObjectNode key = Params.requiredObject(body, "Key");
        Key k = Keys.ofRequest(t.schema, key);
        Update update = kind == Kind.Update ? ItemActions.updateOf(body, ec, t.schema) : null;
        if (kind == Kind.Update && update == null) throw Errors.missingParameter("transactItems.member.update.updateExpression");
        ec.checkAllUsed();
        return new Action(kind, t, k, key, null, condition, update, oldOnFailure);
    }

    private static void checkCount(JsonNode list) {
        if (list == null || !list.isArray()) throw Errors.missingParameter("transactItems");
        if (list.isEmpty() || list.size() > MAX_ITEMS) {
            throw Errors.validation("1 validation error detected: Value '" + list + "' at 'transactItems' failed to satisfy constraint: Member must have length "
                    + (list.isEmpty() ? "greater than or equal to 1" : "less than or equal to 100"));
        }
    }

    private static String withoutToken(ObjectNode p) {
        ObjectNode copy = p.deepCopy();
        copy.remove("ClientRequestToken");
        copy.remove("ReturnConsumedCapacity");
        return Json.write(copy);
    }

    JsonNode get(ServiceCall call) {
        JsonNode list = call.params().get("TransactItems");
        checkCount(list);
        record Read(Table table, Key key, Projection projection) {}
        List<Read> reads = new ArrayList<>();
        for (JsonNode n : list) {
            JsonNode g = n.get("Get");
            if (g == null) throw Errors.missingParameter("transactItems.member.get");
            ObjectNode body = (ObjectNode) g;
            Table t = items.table(call.withParams(Json.object().put("TableName", Params.required(body, "TableName"))));
            ExpressionContext ec = Params.expressions(body);
            Projection projection = ExpressionParams.projection(body, ec);
            ec.checkAllUsed();
            reads.add(new Read(t, Keys.ofRequest(t.schema, Params.requiredObject(body, "Key")), projection));
        }
        ObjectNode reply = Json.object();
        ArrayNode responses = reply.putArray("Responses");
        Map<String, Capacity> capacities = new LinkedHashMap<>();
        // holding the items' locks makes the reads one snapshot: no write lands between them
        try (ItemLocks locks = ItemLocks.all(reads.stream().map(r -> new ItemLocks.Target(r.table, r.key)).toList())) {
            for (Read r : reads) {
                ObjectNode item = ItemWrites.current(r.table, r.key);
                ObjectNode out = responses.addObject();
                if (item != null) out.set("Item", r.projection == null ? item : r.projection.apply(item));
                Capacity cap = capacities.computeIfAbsent(r.table.schema.name(), n -> Capacity.of(call.params(), n, false));
                if (cap != null) cap.table(2 * Capacity.readUnits(item == null ? 0 : Json.bytes(item).length, true));
            }
        }
        if (!capacities.isEmpty()) {
            ArrayNode out = reply.putArray("ConsumedCapacity");
            capacities.values().forEach(c -> out.add(c.toJson()));
        }
        return reply;
    }
}
