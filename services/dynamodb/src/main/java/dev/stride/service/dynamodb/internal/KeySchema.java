package dev.stride.service.dynamodb.internal;

/**
 * The key of a table or an index: its partition (HASH) attribute and optional sort (RANGE)
 * attribute, each with its scalar type ("S", "N", "B").
 */
record KeySchema(String partition, String partitionType, String sort, String sortType) {
    boolean hasSort() { return sort != null; }

    boolean isKeyAttribute(String name) { return name.equals(partition) || name.equals(sort); }
}
