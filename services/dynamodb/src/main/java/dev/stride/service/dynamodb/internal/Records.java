package dev.stride.service.dynamodb.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * DynamoDB's tables in the record store and the JSON of their records.
 *
 * <ul>
 *   <li>{@code dynamodb.tables}: {@code region/account/name} → the table's schema, tags, TTL</li>
 *   <li>{@code dynamodb.items}: table key + {@code /} + the item's encoded key → the item's JSON,
 *       exactly as it is kept in memory</li>
 *   <li>{@code dynamodb.idempotency}: an in-process caller's idempotency key → its first reply</li>
 *   <li>{@code dynamodb.tokens}: a transaction's ClientRequestToken → the request it ran</li>
 * </ul>
 */
final class Records {
    static final String TABLES = "dynamodb.tables";
    static final String ITEMS = "dynamodb.items";
    static final String IDEMPOTENCY = "dynamodb.idempotency";
    static final String TOKENS = "dynamodb.tokens";

    private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();

    private Records() {}

    /** The record key of an item: unique per table key; recovery re-derives the key from the item itself. */
    static String itemKey(TableSchema t, Key k) {
        String p = B64.encodeToString(k.partition);
        return k.sort.length == 0 ? t.storeKey() + "/" + p : t.storeKey() + "/" + p + "." + B64.encodeToString(k.sort);
    }

    /** The table key ({@code region/account/name}) an item record belongs to. */
    static String tableOf(String itemKey) {
        int first = itemKey.indexOf('/');
        int second = itemKey.indexOf('/', first + 1);
        int third = itemKey.indexOf('/', second + 1);
        return third < 0 ? null : itemKey.substring(0, third);
    }

    static String writeTable(TableSchema t) {
        ObjectNode o = Json.object();
        o.put("region", t.region()).put("account", t.account()).put("name", t.name()).put("id", t.tableId()).put("created", t.createdAt());
        writeKey(o.putObject("key"), t.key());
        ObjectNode attrs = o.putObject("attributes");
        t.attributes().forEach(attrs::put);
        o.put("payPerRequest", t.payPerRequest()).put("read", t.readCapacity()).put("write", t.writeCapacity());
        o.put("billingChanged", t.billingModeChangedAt());
        ArrayNode ix = o.putArray("indexes");
        for (IndexSchema i : t.indexes()) {
            ObjectNode n = ix.addObject().put("name", i.name()).put("global", i.global()).put("projection", i.projectionType());
            writeKey(n.putObject("key"), i.key());
            ArrayNode nk = n.putArray("nonKey");
            i.nonKeyAttributes().forEach(nk::add);
            n.put("read", i.readCapacity()).put("write", i.writeCapacity());
        }
        if (t.ttlAttribute() != null) o.put("ttl", t.ttlAttribute());
        ObjectNode tags = o.putObject("tags");
        t.tags().forEach(tags::put);
        o.put("deletionProtection", t.deletionProtection());
        return Json.write(o);
    }

    static TableSchema readTable(JsonNode o) {
        Map<String, String> attrs = new LinkedHashMap<>();
        o.path("attributes").properties().forEach(e -> attrs.put(e.getKey(), e.getValue().asText()));
        List<IndexSchema> indexes = new ArrayList<>();
        for (JsonNode n : o.path("indexes")) {
            List<String> nonKey = new ArrayList<>();
            n.path("nonKey").forEach(v -> nonKey.add(v.asText()));
            indexes.add(new IndexSchema(n.path("name").asText(), n.path("global").asBoolean(), readKey(n.path("key")),
                    n.path("projection").asText(), List.copyOf(nonKey), n.path("read").asLong(), n.path("write").asLong()));
        }
        Map<String, String> tags = new LinkedHashMap<>();
        o.path("tags").properties().forEach(e -> tags.put(e.getKey(), e.getValue().asText()));
        return new TableSchema(o.path("region").asText(), o.path("account").asText(), o.path("name").asText(), o.path("id").asText(),
                o.path("created").asLong(), readKey(o.path("key")), Map.copyOf(attrs), o.path("payPerRequest").asBoolean(),
                o.path("read").asLong(), o.path("write").asLong(), List.copyOf(indexes), o.path("ttl").textValue(), Map.copyOf(tags),
                o.path("deletionProtection").asBoolean(), o.path("billingChanged").asLong());
    }

    private static void writeKey(ObjectNode o, KeySchema k) {
        o.put("p", k.partition()).put("pt", k.partitionType());
        if (k.hasSort()) o.put("s", k.sort()).put("st", k.sortType());
    }

    private static KeySchema readKey(JsonNode o) {
        return new KeySchema(o.path("p").asText(), o.path("pt").asText(), o.path("s").textValue(), o.path("st").textValue());
    }
}
