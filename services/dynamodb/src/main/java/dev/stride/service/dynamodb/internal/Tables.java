package dev.stride.service.dynamodb.internal;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/** Every table, by region, account and name. */
final class Tables {
    private final Map<String, Table> byKey = new ConcurrentHashMap<>();

    static String key(String region, String account, String name) { return region + "/" + account + "/" + name; }

    Table find(String region, String account, String name) { return byKey.get(key(region, account, name)); }

    /** Adds a table unless one of that name exists; returns the one that was there, or null. */
    Table addIfAbsent(Table t) { return byKey.putIfAbsent(t.schema.storeKey(), t); }

    Table byStoreKey(String storeKey) { return byKey.get(storeKey); }

    void remove(Table t) { byKey.remove(t.schema.storeKey(), t); }

    /** The names of one account's tables in one region, sorted as ListTables lists them. */
    List<String> names(String region, String account) {
        String prefix = region + "/" + account + "/";
        return byKey.keySet().stream().filter(k -> k.startsWith(prefix)).map(k -> k.substring(prefix.length())).sorted()
                .collect(Collectors.toList());
    }

    Iterable<Table> all() { return List.copyOf(byKey.values()); }
}
