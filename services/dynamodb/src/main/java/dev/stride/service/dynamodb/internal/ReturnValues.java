package dev.stride.service.dynamodb.internal;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Set;

/** ReturnValues of PutItem, UpdateItem and DeleteItem: which attributes the reply carries. */
enum ReturnValues {
    NONE, ALL_OLD, UPDATED_OLD, ALL_NEW, UPDATED_NEW;

    static ReturnValues of(ObjectNode p, boolean updateItem) {
        String v = Params.oneOf(p, "ReturnValues", "NONE", Set.of("NONE", "ALL_OLD", "UPDATED_OLD", "ALL_NEW", "UPDATED_NEW"));
        ReturnValues r = valueOf(v);
        if (!updateItem && r != NONE && r != ALL_OLD) throw Errors.validation("ReturnValues can only be ALL_OLD or NONE");
        return r;
    }

    static boolean allOldOnConditionFailure(ObjectNode p) {
        return Params.oneOf(p, "ReturnValuesOnConditionCheckFailure", "NONE", Set.of("NONE", "ALL_OLD")).equals("ALL_OLD");
    }

    /** The reply's Attributes, or null for none; {@code touched} are the attributes an update wrote. */
    ObjectNode select(ObjectNode oldItem, ObjectNode newItem, Set<String> touched) {
        return switch (this) {
            case NONE -> null;
            case ALL_OLD -> oldItem;
            case ALL_NEW -> newItem;
            case UPDATED_OLD -> only(oldItem, touched);
            case UPDATED_NEW -> only(newItem, touched);
        };
    }

    private static ObjectNode only(ObjectNode item, Set<String> names) {
        if (item == null) return null;
        ObjectNode out = Json.object();
        for (String n : names) if (item.has(n)) out.set(n, item.get(n));
        return out.isEmpty() ? null : out;
    }
}
