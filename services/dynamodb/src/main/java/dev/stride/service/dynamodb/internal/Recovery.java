package dev.stride.service.dynamodb.internal;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.stride.engine.spi.RecordStore;
import dev.stride.service.dynamodb.expression.AttributeValues;

/**
 * Rebuilds every table from the store on start: the tables, then their items (each item's key
 * and index entries follow from the item itself), then the stored replies and client tokens.
 * An item record whose table is gone (deleted between two commits) is skipped.
 */
final class Recovery {
    private Recovery() {}

    static void load(RecordStore store, Context ctx) {
        store.scan(Records.TABLES, (key, value) -> ctx.tables().addIfAbsent(new Table(Records.readTable(Json.read(value)))));
        store.scan(Records.ITEMS, (key, value) -> {
            String tableKey = Records.tableOf(key);
            Table t = tableKey == null ? null : ctx.tables().byStoreKey(tableKey);
            if (t == null) return;
            byte[] bytes = Json.utf8(value);
            ObjectNode item = Json.item(bytes);
            t.restore(item, bytes, AttributeValues.itemSize(item));
        });
        store.scan(Records.IDEMPOTENCY, (key, value) -> ctx.idempotency().restore(key, Json.read(value)));
        store.scan(Records.TOKENS, (key, value) -> ctx.tokens().restore(key, Json.read(value)));
    }
}
