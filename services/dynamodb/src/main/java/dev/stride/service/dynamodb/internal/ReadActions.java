package dev.stride.service.dynamodb.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.stride.service.ServiceCall;
import dev.stride.service.dynamodb.expression.ExpressionContext;
import dev.stride.service.dynamodb.expression.KeyCondition;
import java.util.NavigableMap;

/**
 * Query and Scan. A Query reads one item collection: a range of the sorted map bounded by the
 * partition key and the sort key condition, forward or backward. A Scan reads the whole map
 * in hash order, or the hash range of one segment, so segments never overlap and together
 * cover the table. Neither copies the map: they walk a live view of it.
 */
final class ReadActions {
    private final ItemActions items;

    ReadActions(ItemActions items) { this.items = items; }

    JsonNode query(ServiceCall call) {
        ObjectNode p = call.params();
        Table t = items.table(call);
        Index ix = ReadPlans.index(p, t);
        KeySchema key = ix == null ? t.schema.key() : ix.schema.key();
        ExpressionContext ec = Params.expressions(p);
        KeyCondition kc = ExpressionParams.keyCondition(p, ec, key);
        Page.Plan plan = ReadPlans.plan(p, t, ix, ec, "QueryFilter");
        ec.checkAllUsed();
        boolean forward = !p.has("ScanIndexForward") || p.get("ScanIndexForward").asBoolean(true);
        NavigableMap<Key, byte[]> range = QueryRange.of(ix == null ? t.items : ix.entries, key, kc, ReadPlans.startKey(p, t, ix), forward);
        return Page.read(plan, range);
    }

    JsonNode scan(ServiceCall call) {
        ObjectNode p = call.params();
        Table t = items.table(call);
        Index ix = ReadPlans.index(p, t);
        ExpressionContext ec = Params.expressions(p);
        Page.Plan plan = ReadPlans.plan(p, t, ix, ec, "ScanFilter");
        ec.checkAllUsed();
        NavigableMap<Key, byte[]> map = ix == null ? t.items : ix.entries;
        return Page.read(plan, Segments.range(p, map, ReadPlans.startKey(p, t, ix)));
    }
}
