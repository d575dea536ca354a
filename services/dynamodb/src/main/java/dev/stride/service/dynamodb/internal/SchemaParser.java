package dev.stride.service.dynamodb.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads and checks the declarations of CreateTable and UpdateTable: table name, KeySchema,
 * AttributeDefinitions, billing, and secondary indexes with their projections.
 */
final class SchemaParser {
    private static final Pattern NAME = Pattern.compile("[a-zA-Z0-9_.-]+");
    private static final Set<String> TYPES = Set.of("S", "N", "B");

    private SchemaParser() {}

    static String tableName(ObjectNode p) {
        String name = Params.required(p, "TableName");
        checkName(name, "tableName");
        return name;
    }

    static void checkName(String name, String member) {
        if (name.length() < 3 || name.length() > 255) {
            throw Errors.validation("1 validation error detected: Value '" + name + "' at '" + member + "' failed to satisfy constraint: "
                    + "Member must have length " + (name.length() < 3 ? "greater than or equal to 3" : "less than or equal to 255"));
        }
        if (!NAME.matcher(name).matches()) {
            throw Errors.validation("1 validation error detected: Value '" + name + "' at '" + member + "' failed to satisfy constraint: "
                    + "Member must satisfy regular expression pattern: [a-zA-Z0-9_.-]+");
        }
    }

    static Map<String, String> attributes(ObjectNode p) {
        JsonNode defs = p.get("AttributeDefinitions");
        if (defs == null || !defs.isArray()) throw Errors.missingParameter("attributeDefinitions");
        Map<String, String> out = new LinkedHashMap<>();
        int i = 0;
        for (JsonNode d : defs) {
            i++;
            String name = d.path("AttributeName").asText(null);
            String type = d.path("AttributeType").asText(null);
            if (name == null) throw Errors.missingParameter("attributeDefinitions." + i + ".member.attributeName");
            if (type == null || !TYPES.contains(type)) {
                throw Errors.validation("1 validation error detected: Value '" + type + "' at 'attributeDefinitions." + i
                        + ".member.attributeType' failed to satisfy constraint: Member must satisfy enum value set: [B, N, S]");
            }
            if (out.put(name, type) != null) throw Errors.invalidParameter("Duplicate AttributeName attributes in AttributeDefinitions");
        }
        return out;
    }

    /** A KeySchema list; {@code where} names it in errors ("keySchema", or an index's). */
    static KeySchema key(JsonNode list, Map<String, String> attributes, String where) {
        if (list == null || !list.isArray() || list.isEmpty()) throw Errors.missingParameter(where);
        if (list.size() > 2) {
            throw Errors.validation("1 validation error detected: Value '" + list + "' at '" + where
                    + "' failed to satisfy constraint: Member must have length less than or equal to 2");
        }
        String hash = null, range = null;
        for (int i = 0; i < list.size(); i++) {
            JsonNode e = list.get(i);
            String name = e.path("AttributeName").asText(null);
            String type = e.path("KeyType").asText("");
            if (name == null) throw Errors.missingParameter(where + "." + (i + 1) + ".member.attributeName");
            if (i == 0 && !type.equals("HASH")) throw Errors.validation("Invalid KeySchema: The first KeySchemaElement is not a HASH key type");
            if (i == 1 && !type.equals("RANGE")) throw Errors.validation("Invalid KeySchema: The second KeySchemaElement is not a RANGE key type");
            if (i == 1 && name.equals(hash)) throw Errors.validation("Both the Hash Key and the Range Key element in the KeySchema have the same name");
            if (i == 0) hash = name;
            else range = name;
        }
        List<String> missing = new ArrayList<>();
        if (!attributes.containsKey(hash)) missing.add(hash);
        if (range != null && !attributes.containsKey(range)) missing.add(range);
        if (!missing.isEmpty()) {
            throw Errors.invalidParameter("Some index key attributes are not defined in AttributeDefinitions. Keys: " + missing
                    + ", AttributeDefinitions: " + new ArrayList<>(attributes.keySet()));
        }
        return new KeySchema(hash, attributes.get(hash), range, range == null ? null : attributes.get(range));
    }

    /** One GlobalSecondaryIndexes or LocalSecondaryIndexes element. */
    static IndexSchema index(JsonNode n, boolean global, Map<String, String> attributes, KeySchema table, boolean payPerRequest) {
        String name = n.path("IndexName").asText(null);
        if (name == null) throw Errors.missingParameter("indexName");
        checkName(name, "indexName");
        KeySchema key = key(n.get("KeySchema"), attributes, "keySchema");
        if (!global && !key.partition().equals(table.partition())) {
            throw Errors.invalidParameter("Index KeySchema does not have the same leading hash key as table KeySchema for index: " + name
                    + ". index hash key: " + key.partition() + ", table hash key: " + table.partition());
        }
        if (!global && !key.hasSort()) throw Errors.invalidParameter("Index KeySchema must have a range key for local secondary index: " + name);
        JsonNode proj = n.get("Projection");
        String type = proj == null ? null : proj.path("ProjectionType").asText(null);
        if (type == null) throw Errors.invalidParameter("Unknown ProjectionType: null");
        if (!Set.of("ALL", "KEYS_ONLY", "INCLUDE").contains(type)) {
            throw Errors.validation("1 validation error detected: Value '" + type + "' at 'projection.projectionType' failed to satisfy "
                    + "constraint: Member must satisfy enum value set: [ALL, INCLUDE, KEYS_ONLY]");
        }
        List<String> nonKey = new ArrayList<>();
        if (proj.has("NonKeyAttributes")) proj.get("NonKeyAttributes").forEach(v -> nonKey.add(v.asText()));
        if (type.equals("INCLUDE") && nonKey.isEmpty()) {
            throw Errors.invalidParameter("ProjectionType is INCLUDE, but NonKeyAttributes is not specified");
        }
        if (!type.equals("INCLUDE") && !nonKey.isEmpty()) {
            throw Errors.invalidParameter("ProjectionType is " + type + ", but NonKeyAttributes is specified");
        }
        long read = 0, write = 0;
        JsonNode pt = n.get("ProvisionedThroughput");
        if (global) {
            if (payPerRequest && pt != null) {
                throw Errors.invalidParameter("ProvisionedThroughput should not be specified for index: " + name + " when BillingMode is PAY_PER_REQUEST");
            }
            if (!payPerRequest && pt == null) throw Errors.invalidParameter("ProvisionedThroughput is not specified for index: " + name);
            if (pt != null) {
                read = pt.path("ReadCapacityUnits").asLong();
                write = pt.path("WriteCapacityUnits").asLong();
            }
        }
        return new IndexSchema(name, global, key, type, List.copyOf(nonKey), read, write);
    }

    /** Every attribute definition must be used by a key of the table or an index, as DynamoDB insists. */
    static void checkAllDefinitionsUsed(Map<String, String> attributes, KeySchema table, List<IndexSchema> indexes) {
        Set<String> used = new HashSet<>();
        used.add(table.partition());
        if (table.hasSort()) used.add(table.sort());
        for (IndexSchema i : indexes) {
            used.add(i.key().partition());
            if (i.key().hasSort()) used.add(i.key().sort());
        }
        if (!used.equals(attributes.keySet())) {
            throw Errors.invalidParameter("Number of attributes in KeySchema does not exactly match number of attributes defined in AttributeDefinitions");
        }
    }
}
