package dev.stride.service.dynamodb.expression.internal;

import com.fasterxml.jackson.databind.JsonNode;
import dev.stride.service.dynamodb.expression.KeyCondition;
import java.util.Arrays;

/** A checked key condition: the partition key's value and an optional sort key condition. */
public final class ParsedKeyCondition implements KeyCondition {
    private final JsonNode partitionValue;
    private final Op sortOp;
    private final JsonNode[] sortValues;

    ParsedKeyCondition(JsonNode partitionValue, Op sortOp, JsonNode[] sortValues) {
        this.partitionValue = partitionValue;
        this.sortOp = sortOp;
        this.sortValues = sortValues;
    }

    @Override
    public JsonNode partitionValue() { return partitionValue; }

    @Override
    public Op sortOp() { return sortOp; }

    @Override
    public JsonNode[] sortValues() { return sortValues.clone(); }

    @Override
    public boolean matchesSort(JsonNode value) {
        if (sortOp == null) return true;
        if (value == null || !ValueOrder.comparable(value, sortValues[0])) return false;
        int c = ValueOrder.compare(value, sortValues[0]);
        return switch (sortOp) {
            case EQ -> c == 0;
            case LT -> c < 0;
            case LE -> c <= 0;
            case GT -> c > 0;
            case GE -> c >= 0;
            case BETWEEN -> c >= 0 && ValueOrder.compare(value, sortValues[1]) <= 0;
            case BEGINS_WITH -> beginsWith(value, sortValues[0]);
        };
    }

    private static boolean beginsWith(JsonNode value, JsonNode prefix) {
        JsonNode v = AttributeKind.payload(value), p = AttributeKind.payload(prefix);
        if (AttributeKind.of(value) == AttributeKind.S) return v.asText().startsWith(p.asText());
        byte[] bytes = ValueOrder.bytes(v), start = ValueOrder.bytes(p);
        return bytes.length >= start.length && Arrays.equals(bytes, 0, start.length, start, 0, start.length);
    }
}
