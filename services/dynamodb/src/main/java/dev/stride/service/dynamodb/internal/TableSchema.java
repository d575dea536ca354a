package dev.stride.service.dynamodb.internal;

import java.util.List;
import java.util.Map;

/**
 * Everything declared about a table, immutable: a change (UpdateTable, tags, TTL) makes a new
 * one that the {@link Table} swaps in. Written whole to the store as the table's record.
 *
 * @param attributes    AttributeDefinitions: name to type, in the order given
 * @param payPerRequest BillingMode PAY_PER_REQUEST (else PROVISIONED with the capacities)
 * @param ttlAttribute  the TimeToLive attribute, or null when TTL is disabled
 */
record TableSchema(String region, String account, String name, String tableId, long createdAt, KeySchema key,
                   Map<String, String> attributes, boolean payPerRequest, long readCapacity, long writeCapacity,
                   List<IndexSchema> indexes, String ttlAttribute, Map<String, String> tags, boolean deletionProtection,
                   long billingModeChangedAt) {

    String arn() { return "arn:aws:dynamodb:" + region + ":" + account + ":table/" + name; }

    /** The key the table is found by: {@code region/account/name}. */
    String storeKey() { return region + "/" + account + "/" + name; }

    IndexSchema index(String indexName) {
        for (IndexSchema i : indexes) if (i.name().equals(indexName)) return i;
        return null;
    }

    TableSchema withIndexes(List<IndexSchema> v) {
        return new TableSchema(region, account, name, tableId, createdAt, key, attributes, payPerRequest, readCapacity, writeCapacity,
                List.copyOf(v), ttlAttribute, tags, deletionProtection, billingModeChangedAt);
    }

    TableSchema withAttributes(Map<String, String> v) {
        return new TableSchema(region, account, name, tableId, createdAt, key, Map.copyOf(v), payPerRequest, readCapacity, writeCapacity,
                indexes, ttlAttribute, tags, deletionProtection, billingModeChangedAt);
    }

    TableSchema withBilling(boolean ppr, long read, long write, long changedAt) {
        return new TableSchema(region, account, name, tableId, createdAt, key, attributes, ppr, read, write, indexes, ttlAttribute, tags,
                deletionProtection, changedAt);
    }

    TableSchema withTtl(String attribute) {
        return new TableSchema(region, account, name, tableId, createdAt, key, attributes, payPerRequest, readCapacity, writeCapacity,
                indexes, attribute, tags, deletionProtection, billingModeChangedAt);
    }

    TableSchema withTags(Map<String, String> v) {
        return new TableSchema(region, account, name, tableId, createdAt, key, attributes, payPerRequest, readCapacity, writeCapacity,
                indexes, ttlAttribute, Map.copyOf(v), deletionProtection, billingModeChangedAt);
    }

    TableSchema withDeletionProtection(boolean v) {
        return new TableSchema(region, account, name, tableId, createdAt, key, attributes, payPerRequest, readCapacity, writeCapacity,
                indexes, ttlAttribute, tags, v, billingModeChangedAt);
    }
}
