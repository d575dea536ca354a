package dev.stride.service.dynamodb.expression.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;

/**
 * Reads the right-hand side of a SET against the item as it was before the update. Unlike a
 * condition, an update cannot carry on without a value: a missing attribute or a wrong type is
 * an error.
 */
final class UpdateOperands {
    private UpdateOperands() {}

    static JsonNode evaluate(Operand operand, ObjectNode item) {
        return switch (operand) {
            case Operand.Literal l -> l.literal();
            case Operand.Path p -> {
                JsonNode v = p.path().find(item);
                if (v == null) throw Errors.missingAttribute();
                yield v;
            }
            case Operand.IfNotExists f -> {
                JsonNode v = f.path().find(item);
                yield v != null ? v : evaluate(f.fallback(), item);
            }
            case Operand.ListAppend f -> append(evaluate(f.first(), item), evaluate(f.second(), item));
            case Operand.Arithmetic a -> arithmetic(evaluate(a.left(), item), a.plus(), evaluate(a.right(), item));
            case Operand.Size s -> throw new IllegalStateException("size() is refused in updates by the parser");
        };
    }

    private static JsonNode append(JsonNode first, JsonNode second) {
        if (AttributeKind.of(first) != AttributeKind.L || AttributeKind.of(second) != AttributeKind.L) {
            throw Errors.incorrectOperandType();
        }
        ArrayNode joined = JsonNodes.F.arrayNode(first.get("L").size() + second.get("L").size());
        joined.addAll((ArrayNode) first.get("L").deepCopy());
        joined.addAll((ArrayNode) second.get("L").deepCopy());
        ObjectNode list = JsonNodes.F.objectNode();
        list.set("L", joined);
        return list;
    }

    private static JsonNode arithmetic(JsonNode left, boolean plus, JsonNode right) {
        if (AttributeKind.of(left) != AttributeKind.N || AttributeKind.of(right) != AttributeKind.N) {
            throw Errors.incorrectOperandType();
        }
        BigDecimal a = ValueOrder.number(left.get("N")), b = ValueOrder.number(right.get("N"));
        BigDecimal result = plus ? a.add(b) : a.subtract(b);
        Numbers.checkRange(result);
        return JsonNodes.number(Numbers.format(result));
    }
}
