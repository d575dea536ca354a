package dev.stride.service.dynamodb.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.stride.service.dynamodb.expression.AttributeValues;
import java.util.Map;

/**
 * Checks keys and items against a table's schema with DynamoDB's messages, and turns them into
 * {@link Key}s: a request's {@code Key} must name exactly the key attributes in their types; an
 * item must hold them, and any secondary index key it holds must be of the declared type.
 */
final class Keys {
    static final long MAX_ITEM_BYTES = 400 * 1024;

    private Keys() {}

    /** The Key parameter of GetItem, UpdateItem, DeleteItem, BatchGetItem, ... */
    static Key ofRequest(TableSchema t, ObjectNode key) {
        KeySchema k = t.key();
        if (key == null || key.size() != (k.hasSort() ? 2 : 1)) throw Errors.keyMismatch();
        byte[] p = part(key.get(k.partition()), k.partitionType(), k.partition());
        byte[] s = k.hasSort() ? part(key.get(k.sort()), k.sortType(), k.sort()) : Key.NONE;
        return Key.table(p, s);
    }

    private static byte[] part(JsonNode v, String type, String name) {
        if (v == null) throw Errors.keyMismatch();
        byte[] b = KeyBytes.of(v, type);
        if (b == null) throw Errors.keyMismatch();
        if (b.length == 0) throw emptyKey(name);
        return b;
    }

    /** Validates a whole item to be written (values, size, key and index key types) and returns its key. */
    static Key ofItem(TableSchema t, ObjectNode item) {
        for (Map.Entry<String, JsonNode> e : item.properties()) AttributeValues.validate(e.getValue(), e.getKey());
        if (AttributeValues.itemSize(item) > MAX_ITEM_BYTES) throw Errors.itemTooLarge();
        KeySchema k = t.key();
        byte[] p = itemPart(item, k.partition(), k.partitionType());
        byte[] s = k.hasSort() ? itemPart(item, k.sort(), k.sortType()) : Key.NONE;
        checkIndexKeys(t, item);
        return Key.table(p, s);
    }

    private static byte[] itemPart(ObjectNode item, String name, String type) {
        JsonNode v = item.get(name);
        if (v == null) throw Errors.invalidParameter("Missing the key " + name + " in the item");
        byte[] b = KeyBytes.of(v, type);
        if (b == null) throw Errors.invalidParameter("Type mismatch for key " + name + " expected: " + type + " actual: " + typeOf(v));
        if (b.length == 0) throw emptyKey(name);
        return b;
    }

    /** An item may lack an index's key (it is then not in the index) but may not hold it in another type. */
    static void checkIndexKeys(TableSchema t, ObjectNode item) {
        for (IndexSchema ix : t.indexes()) {
            checkIndexPart(item, ix, ix.key().partition(), ix.key().partitionType());
            if (ix.key().hasSort()) checkIndexPart(item, ix, ix.key().sort(), ix.key().sortType());
        }
    }

    private static void checkIndexPart(ObjectNode item, IndexSchema ix, String name, String type) {
        JsonNode v = item.get(name);
        if (v == null) return;
        byte[] b = KeyBytes.of(v, type);
        if (b == null) {
            throw Errors.invalidParameter("Type mismatch for Index Key " + name + " Expected: " + type + " Actual: " + typeOf(v)
                    + " IndexName: " + ix.name());
        }
        if (b.length == 0) {
            throw Errors.validation("One or more parameter values are not valid. A value specified for a secondary index key is not supported. "
                    + "The AttributeValue for a key attribute cannot contain an empty string value. IndexName: " + ix.name() + ", IndexKey: " + name);
        }
    }

    private static RuntimeException emptyKey(String name) {
        return Errors.validation("One or more parameter values are not valid. The AttributeValue for a key attribute cannot contain an empty "
                + "string value. Key: " + name);
    }

    static String typeOf(JsonNode v) {
        return v != null && v.size() == 1 ? v.fieldNames().next() : "?";
    }

    /** The key attributes of an item, as a Key parameter or LastEvaluatedKey writes them. */
    static ObjectNode keyAttributes(ObjectNode item, KeySchema k, ObjectNode out) {
        out.set(k.partition(), item.get(k.partition()));
        if (k.hasSort()) out.set(k.sort(), item.get(k.sort()));
        return out;
    }
}
