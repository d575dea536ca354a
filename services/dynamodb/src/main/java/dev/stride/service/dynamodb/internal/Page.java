package dev.stride.service.dynamodb.internal;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.stride.service.dynamodb.expression.Condition;
import dev.stride.service.dynamodb.expression.Projection;
import java.util.Iterator;
import java.util.Map;
import java.util.NavigableMap;

/**
 * One page of a Query or Scan over a range of a table's or an index's sorted map: reads
 * entries in order until Limit items were evaluated or 1 MB was read, filters and projects
 * them, and ends with the LastEvaluatedKey to go on from. Count and ScannedCount are as
 * DynamoDB counts them: ScannedCount before the filter, Count after.
 */
final class Page {
    static final long MAX_PAGE_BYTES = 1024 * 1024;

    enum Select { ALL_ATTRIBUTES, ALL_PROJECTED_ATTRIBUTES, SPECIFIC_ATTRIBUTES, COUNT }

    /** What a read returns of each item and where it reads from. */
    record Plan(Table table, Index index, Condition filter, Projection projection, Select select, Integer limit, boolean consistent,
                Capacity capacity) {}

    private Page() {}

    static ObjectNode read(Plan plan, NavigableMap<Key, byte[]> range) {
        ObjectNode reply = Json.object();
        ArrayNode items = plan.select == Select.COUNT ? null : reply.putArray("Items");
        int count = 0, scanned = 0;
        long bytesRead = 0;
        Iterator<Map.Entry<Key, byte[]>> it = range.entrySet().iterator();
        while (it.hasNext()) {
            Map.Entry<Key, byte[]> e = it.next();
            scanned++;
            bytesRead += e.getValue().length;
            // a COUNT without a filter needs no item parsed, except the last for its key
            ObjectNode item = items == null && plan.filter == null ? null : Json.item(e.getValue());
            if (item == null) {
                count++;
            } else {
                ObjectNode whole = fetch(plan, e.getKey(), item);
                if (plan.filter == null || plan.filter.test(whole)) {
                    count++;
                    if (items != null) items.add(plan.projection == null ? whole : plan.projection.apply(whole));
                }
            }
            boolean limitReached = plan.limit != null && scanned >= plan.limit;
            if (limitReached || bytesRead >= MAX_PAGE_BYTES) {
                // DynamoDB answers a key whenever Limit stopped the read, even at the range's very end
                if (limitReached || it.hasNext()) {
                    reply.set("LastEvaluatedKey", lastEvaluatedKey(plan, item != null ? item : Json.item(e.getValue())));
                }
                break;
            }
        }
        reply.put("Count", count).put("ScannedCount", scanned);
        if (plan.capacity != null) {
            double units = Capacity.readUnits(Math.max(1, bytesRead), plan.consistent);
            if (plan.index == null) plan.capacity.table(units);
            else plan.capacity.index(plan.index.schema.name(), plan.index.schema.global(), units);
            Capacity.into(reply, plan.capacity);
        }
        return reply;
    }

    /** An LSI read asked for attributes it does not project: DynamoDB fetches them from the table. */
    private static ObjectNode fetch(Plan plan, Key key, ObjectNode item) {
        if (plan.index == null || plan.index.schema.projectsAll() || plan.index.schema.global()) return item;
        if (plan.select != Select.ALL_ATTRIBUTES && plan.select != Select.SPECIFIC_ATTRIBUTES) return item;
        byte[] whole = plan.table.items.get(key.tableKey());
        return whole == null ? item : Json.item(whole);
    }

    static ObjectNode lastEvaluatedKey(Plan plan, ObjectNode item) {
        ObjectNode k = Keys.keyAttributes(item, plan.table.schema.key(), Json.object());
        if (plan.index != null) Keys.keyAttributes(item, plan.index.schema.key(), k);
        return k;
    }
}
