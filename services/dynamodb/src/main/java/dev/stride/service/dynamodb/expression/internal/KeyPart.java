package dev.stride.service.dynamodb.expression.internal;

import com.fasterxml.jackson.databind.JsonNode;
import dev.stride.service.dynamodb.expression.KeyCondition.Op;
import java.util.List;

/**
 * One condition of a Query on one attribute, from a KeyConditionExpression or the legacy
 * KeyConditions; {@link #assemble} checks them against the key schema.
 */
public record KeyPart(String attribute, Op op, JsonNode[] values) {
    private static final String PARAMETER = "KeyConditionExpression";

    public static ParsedKeyCondition assemble(List<KeyPart> parts, String partitionKey, String partitionKeyType,
                                              String sortKey, String sortKeyType) {
        KeyPart partition = null, sort = null;
        for (KeyPart part : parts) {
            boolean isPartition = part.attribute.equals(partitionKey);
            boolean isSort = sortKey != null && part.attribute.equals(sortKey);
            if ((isPartition && partition != null) || (isSort && sort != null)) {
                throw Errors.invalid(PARAMETER, "KeyConditionExpressions must only contain one condition per key");
            }
            if (isPartition) partition = part;
            else if (isSort) sort = part;
        }
        if (partition == null) throw Errors.validation("Query condition missed key schema element: " + partitionKey);
        for (KeyPart part : parts) {
            if (part != partition && part != sort) {
                if (sortKey != null && sort == null) throw Errors.validation("Query condition missed key schema element: " + sortKey);
                throw Errors.validation("Query key condition not supported");
            }
        }
        if (partition.op != Op.EQ) throw Errors.validation("Query key condition not supported");
        partition.checkTypes(partitionKeyType);
        if (sort == null) return new ParsedKeyCondition(partition.values[0], null, new JsonNode[0]);
        sort.checkTypes(sortKeyType);
        if (sort.op == Op.BEGINS_WITH && "N".equals(sortKeyType)) throw Errors.validation("Query key condition not supported");
        return new ParsedKeyCondition(partition.values[0], sort.op, sort.values);
    }

    private void checkTypes(String keyType) {
        for (JsonNode v : values) {
            AttributeKind kind = AttributeKind.of(v);
            if (kind == null || !kind.name().equals(keyType)) {
                throw Errors.validation("One or more parameter values were invalid: Condition parameter type does not match schema type");
            }
        }
    }
}
