package dev.stride.service.dynamodb.internal;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * ConsumedCapacity as DynamoDB reports it when asked (ReturnConsumedCapacity TOTAL or INDEXES):
 * a write costs one unit per started KB, a strongly consistent read one per started 4 KB, an
 * eventually consistent read half that, a transactional one twice. Nothing is throttled.
 */
final class Capacity {
    private final String table;
    private final boolean indexes;
    private final boolean write;
    private double tableUnits;
    private final Map<String, Double> global = new TreeMap<>();
    private final Map<String, Double> local = new TreeMap<>();

    private Capacity(String table, boolean indexes, boolean write) {
        this.table = table;
        this.indexes = indexes;
        this.write = write;
    }

    /** A meter for one table, or null when the request did not ask (so callers skip the arithmetic). */
    static Capacity of(ObjectNode params, String table, boolean write) {
        String mode = Params.oneOf(params, "ReturnConsumedCapacity", "NONE", Set.of("INDEXES", "TOTAL", "NONE"));
        if (mode.equals("NONE")) return null;
        return new Capacity(table, mode.equals("INDEXES"), write);
    }

    static double writeUnits(long bytes) { return Math.max(1, Math.ceil(bytes / 1024.0)); }

    static double readUnits(long bytes, boolean consistent) {
        double units = Math.max(1, Math.ceil(bytes / 4096.0));
        return consistent ? units : units / 2;
    }

    void table(double units) { tableUnits += units; }

    void index(String name, boolean isGlobal, double units) { (isGlobal ? global : local).merge(name, units, Double::sum); }

    ObjectNode toJson() {
        ObjectNode o = Json.object().put("TableName", table);
        double total = tableUnits + global.values().stream().mapToDouble(d -> d).sum() + local.values().stream().mapToDouble(d -> d).sum();
        o.put("CapacityUnits", total);
        o.put(write ? "WriteCapacityUnits" : "ReadCapacityUnits", total);
        if (indexes) {
            o.putObject("Table").put("CapacityUnits", tableUnits).put(write ? "WriteCapacityUnits" : "ReadCapacityUnits", tableUnits);
            if (!global.isEmpty()) units(o.putObject("GlobalSecondaryIndexes"), global);
            if (!local.isEmpty()) units(o.putObject("LocalSecondaryIndexes"), local);
        }
        return o;
    }

    private void units(ObjectNode out, Map<String, Double> m) {
        m.forEach((k, v) -> out.putObject(k).put("CapacityUnits", v).put(write ? "WriteCapacityUnits" : "ReadCapacityUnits", v));
    }

    /** Puts the meter into a reply (as one object; batch and transaction replies wrap it in a list). */
    static void into(ObjectNode reply, Capacity c) {
        if (c != null) reply.set("ConsumedCapacity", c.toJson());
    }
}
