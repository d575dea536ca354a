package dev.stride.service.dynamodb.internal;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;

/** The TableDescription that CreateTable, DescribeTable, UpdateTable and DeleteTable answer. */
final class TableDescriptions {
    private TableDescriptions() {}

    static ObjectNode of(Table table, String status) {
        TableSchema t = table.schema;
        ObjectNode o = Json.object();
        ArrayNode defs = o.putArray("AttributeDefinitions");
        t.attributes().forEach((n, type) -> defs.addObject().put("AttributeName", n).put("AttributeType", type));
        o.put("TableName", t.name());
        o.set("KeySchema", keySchema(t.key()));
        o.put("TableStatus", status);
        o.put("CreationDateTime", epochSeconds(t.createdAt()));
        o.set("ProvisionedThroughput", throughput(t.readCapacity(), t.writeCapacity()));
        o.put("TableSizeBytes", Math.max(0, table.sizeBytes.get()));
        o.put("ItemCount", Math.max(0, table.itemCount.get()));
        o.put("TableArn", t.arn());
        o.put("TableId", t.tableId());
        if (t.payPerRequest() || t.billingModeChangedAt() != 0) {
            ObjectNode b = o.putObject("BillingModeSummary").put("BillingMode", t.payPerRequest() ? "PAY_PER_REQUEST" : "PROVISIONED");
            b.put("LastUpdateToPayPerRequestDateTime", epochSeconds(t.billingModeChangedAt() != 0 ? t.billingModeChangedAt() : t.createdAt()));
        }
        ArrayNode gsis = null, lsis = null;
        for (IndexSchema i : t.indexes()) {
            Index ix = table.index(i.name());
            ObjectNode n;
            if (i.global()) {
                if (gsis == null) gsis = o.putArray("GlobalSecondaryIndexes");
                n = gsis.addObject();
            } else {
                if (lsis == null) lsis = o.putArray("LocalSecondaryIndexes");
                n = lsis.addObject();
            }
            n.put("IndexName", i.name());
            n.set("KeySchema", keySchema(i.key()));
            ObjectNode proj = n.putObject("Projection").put("ProjectionType", i.projectionType());
            if (!i.nonKeyAttributes().isEmpty()) i.nonKeyAttributes().forEach(proj.putArray("NonKeyAttributes")::add);
            if (i.global()) {
                n.put("IndexStatus", "ACTIVE");
                n.set("ProvisionedThroughput", throughput(i.readCapacity(), i.writeCapacity()));
            }
            n.put("IndexSizeBytes", ix == null ? 0 : Math.max(0, ix.sizeBytes.get()));
            n.put("ItemCount", ix == null ? 0 : Math.max(0, ix.itemCount.get()));
            n.put("IndexArn", t.arn() + "/index/" + i.name());
        }
        o.put("DeletionProtectionEnabled", t.deletionProtection());
        return o;
    }

    /** The JSON protocol's timestamp: epoch seconds with millis as a plain decimal (a double would print 1.7E9). */
    static BigDecimal epochSeconds(long millis) { return BigDecimal.valueOf(millis, 3); }

    static ArrayNode keySchema(KeySchema k) {
        ArrayNode a = Json.array();
        a.addObject().put("AttributeName", k.partition()).put("KeyType", "HASH");
        if (k.hasSort()) a.addObject().put("AttributeName", k.sort()).put("KeyType", "RANGE");
        return a;
    }

    private static ObjectNode throughput(long read, long write) {
        return Json.object().put("NumberOfDecreasesToday", 0).put("ReadCapacityUnits", read).put("WriteCapacityUnits", write);
    }
}
