package dev.stride.service.dynamodb.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.stride.service.dynamodb.expression.Condition;
import dev.stride.service.dynamodb.expression.ExpressionContext;
import dev.stride.service.dynamodb.expression.Projection;
import java.util.Set;

/** The parts Query and Scan share: which index, Select, filter, projection, Limit, consistency, and ExclusiveStartKey. */
final class ReadPlans {
    private ReadPlans() {}

    static Index index(ObjectNode p, Table t) {
        String name = Params.string(p, "IndexName");
        if (name == null) return null;
        Index ix = t.index(name);
        if (ix == null) throw Errors.noSuchIndex(name);
        if (ix.schema.global() && Params.bool(p, "ConsistentRead")) {
            throw Errors.validation("Consistent reads are not supported on global secondary indexes");
        }
        return ix;
    }

    static Page.Plan plan(ObjectNode p, Table t, Index ix, ExpressionContext ec, String legacyFilter) {
        Condition filter = ExpressionParams.filter(p, ec, legacyFilter);
        Projection projection = ExpressionParams.projection(p, ec);
        Page.Select select = select(p, ix, projection != null);
        if (select == Page.Select.COUNT) projection = null;
        Integer limit = Params.limit(p);
        boolean consistent = Params.bool(p, "ConsistentRead");
        return new Page.Plan(t, ix, filter, projection, select, limit, consistent, Capacity.of(p, t.schema.name(), false));
    }

    private static Page.Select select(ObjectNode p, Index ix, boolean hasProjection) {
        String given = Params.oneOf(p, "Select", null, Set.of("ALL_ATTRIBUTES", "ALL_PROJECTED_ATTRIBUTES", "SPECIFIC_ATTRIBUTES", "COUNT"));
        if (given == null) {
            if (hasProjection) return Page.Select.SPECIFIC_ATTRIBUTES;
            return ix == null ? Page.Select.ALL_ATTRIBUTES : Page.Select.ALL_PROJECTED_ATTRIBUTES;
        }
        Page.Select s = Page.Select.valueOf(given);
        if (s == Page.Select.SPECIFIC_ATTRIBUTES && !hasProjection) {
            throw Errors.validation("One or more parameter values were invalid: Select type SPECIFIC_ATTRIBUTES requires "
                    + "ProjectionExpression or AttributesToGet to be specified");
        }
        if (s != Page.Select.SPECIFIC_ATTRIBUTES && hasProjection) {
            throw Errors.validation("One or more parameter values were invalid: Cannot specify the ProjectionExpression or AttributesToGet when "
                    + "choosing to get " + (s == Page.Select.COUNT ? "only the Count" : s.name()));
        }
        if (s == Page.Select.ALL_PROJECTED_ATTRIBUTES && ix == null) {
            throw Errors.validation("One or more parameter values were invalid: Select type ALL_PROJECTED_ATTRIBUTES is not supported when "
                    + "no IndexName is specified");
        }
        if (s == Page.Select.ALL_ATTRIBUTES && ix != null && ix.schema.global() && !ix.schema.projectsAll()) {
            throw Errors.invalidParameter("Select type ALL_ATTRIBUTES is not supported for global secondary index " + ix.schema.name()
                    + " because its projection type is not ALL");
        }
        return s;
    }

    /** ExclusiveStartKey as a position in the map read: the table's key, or for an index its key then the table's. */
    static Key startKey(ObjectNode p, Table t, Index ix) {
        ObjectNode start = Params.object(p, "ExclusiveStartKey");
        if (start == null) return null;
        KeySchema tk = t.schema.key();
        byte[] tp = startPart(start, tk.partition(), tk.partitionType());
        byte[] ts = tk.hasSort() ? startPart(start, tk.sort(), tk.sortType()) : Key.NONE;
        Key tableKey = Key.table(tp, ts);
        if (ix == null) {
            if (start.size() != (tk.hasSort() ? 2 : 1)) throw invalidStart();
            return tableKey;
        }
        KeySchema ik = ix.schema.key();
        byte[] ip = startPart(start, ik.partition(), ik.partitionType());
        byte[] is = ik.hasSort() ? startPart(start, ik.sort(), ik.sortType()) : Key.NONE;
        return Key.index(ip, is, tableKey);
    }

    private static byte[] startPart(ObjectNode start, String name, String type) {
        JsonNode v = start.get(name);
        byte[] b = v == null ? null : KeyBytes.of(v, type);
        if (b == null) throw invalidStart();
        return b;
    }

    private static RuntimeException invalidStart() {
        return Errors.validation("The provided starting key is invalid: The provided key element does not match the schema");
    }
}
