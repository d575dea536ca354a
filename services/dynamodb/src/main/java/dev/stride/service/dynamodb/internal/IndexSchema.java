package dev.stride.service.dynamodb.internal;

import java.util.List;

/**
 * A global or local secondary index as declared: its key, what it projects (ALL, KEYS_ONLY,
 * INCLUDE with the listed non-key attributes) and, for a provisioned GSI, its throughput.
 */
record IndexSchema(String name, boolean global, KeySchema key, String projectionType, List<String> nonKeyAttributes,
                   long readCapacity, long writeCapacity) {
    boolean projectsAll() { return projectionType.equals("ALL"); }

    /** Whether the index holds attribute {@code name} of an item of a table keyed by {@code table}. */
    boolean projects(String name, KeySchema table) {
        if (projectsAll() || key.isKeyAttribute(name) || table.isKeyAttribute(name)) return true;
        return projectionType.equals("INCLUDE") && nonKeyAttributes.contains(name);
    }
}
