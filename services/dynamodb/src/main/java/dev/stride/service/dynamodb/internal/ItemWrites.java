package dev.stride.service.dynamodb.internal;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.stride.engine.spi.RecordStore.Write;
import dev.stride.service.dynamodb.expression.AttributeValues;
import dev.stride.service.dynamodb.expression.Condition;
import java.util.List;

/**
 * The step every item write shares, run while the item's locks are held: read the old item,
 * let the change decide the new one (checking its condition, which may refuse), then store it
 * with its index entries and add its record. PutItem, UpdateItem, DeleteItem, BatchWriteItem
 * and TransactWriteItems differ only in the change and in what they reply.
 */
final class ItemWrites {
    private ItemWrites() {}

    /** Decides an item's next version from its current one (null: absent); returns null to delete it. */
    interface Change {
        ObjectNode next(ObjectNode old);
    }

    /** What a write did: the old and new versions (either may be null) and their sizes. */
    record Applied(ObjectNode old, long oldSize, ObjectNode next, long newSize) {}

    /** The current version of an item, parsed (no lock needed: stored bytes never change). */
    static ObjectNode current(Table t, Key k) {
        byte[] b = t.items.get(k);
        return b == null ? null : Json.item(b);
    }

    /** Runs {@code change} on the item at {@code k} and stores the result; the caller holds the item's locks. */
    static Applied apply(Table t, Key k, Change change, List<Write> out) {
        ObjectNode old = current(t, k);
        ObjectNode next = change.next(old);
        return store(t, k, old, next, out);
    }

    static Applied store(Table t, Key k, ObjectNode old, ObjectNode next, List<Write> out) {
        long oldSize = old == null ? 0 : AttributeValues.itemSize(old);
        if (old == null && next == null) return new Applied(null, 0, null, 0);
        long newSize = next == null ? 0 : AttributeValues.itemSize(next);
        t.write(k, old, oldSize, next, next == null ? null : Json.bytes(next), newSize, out);
        return new Applied(old, oldSize, next, newSize);
    }

    /** Refuses the write when its condition fails, with the old item in the error when the request asked for it. */
    static void check(Condition condition, ObjectNode old, boolean returnOldOnFailure) {
        if (condition == null || condition.test(old)) return;
        if (returnOldOnFailure && old != null) {
            ObjectNode members = Json.object();
            members.set("Item", old);
            throw new Errors.Detailed(Errors.conditionalCheckFailed(), members, false);
        }
        throw Errors.conditionalCheckFailed();
    }

    /** The write's cost, and with INDEXES each index it touched. */
    static void meter(Capacity c, Table t, Key k, Applied a) {
        if (c == null) return;
        c.table(Capacity.writeUnits(Math.max(a.oldSize(), a.newSize())));
        for (Index ix : t.indexes.values()) {
            boolean before = a.old() != null && ix.keyOf(a.old(), k) != null;
            boolean after = a.next() != null && ix.keyOf(a.next(), k) != null;
            if (before || after) c.index(ix.schema.name(), ix.schema.global(), Capacity.writeUnits(Math.max(a.oldSize(), a.newSize())));
        }
    }
}
