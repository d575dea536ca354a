package dev.stride.service.dynamodb.expression.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * A value-producing part of an expression: a document path, an expression attribute value or a
 * function. {@link #value} is the condition reading (a missing attribute is simply absent);
 * updates read operands more strictly, in {@link UpdateOperands}.
 */
public sealed interface Operand {
    /** The operand's value against {@code item}, or null when it has none (missing path, size of a number). */
    JsonNode value(ObjectNode item);

    record Path(DocumentPath path) implements Operand {
        @Override
        public JsonNode value(ObjectNode item) { return path.find(item); }

        @Override
        public String toString() { return path.toString(); }
    }

    /** An expression attribute value, resolved when parsed; {@code name} is its placeholder. */
    record Literal(String name, JsonNode literal) implements Operand {
        @Override
        public JsonNode value(ObjectNode item) { return literal; }

        public AttributeKind kind() { return AttributeKind.of(literal); }
    }

    /** size(path): characters of a string, bytes of a binary, elements of a set, list or map. */
    record Size(Operand of) implements Operand {
        @Override
        public JsonNode value(ObjectNode item) {
            JsonNode v = of.value(item);
            AttributeKind kind = AttributeKind.of(v);
            if (kind == null) return null;
            JsonNode payload = AttributeKind.payload(v);
            long size = switch (kind) {
                case S -> payload.asText().length();
                case B -> ValueOrder.bytes(payload).length;
                case SS, NS, BS, L, M -> payload.size();
                default -> -1;
            };
            return size < 0 ? null : JsonNodeFactory.instance.objectNode().put("N", Long.toString(size));
        }
    }

    /** if_not_exists(path, fallback), update only. */
    record IfNotExists(DocumentPath path, Operand fallback) implements Operand {
        @Override
        public JsonNode value(ObjectNode item) {
            JsonNode v = path.find(item);
            return v != null ? v : fallback.value(item);
        }
    }

    /** list_append(first, second), update only; evaluated by {@link UpdateOperands}. */
    record ListAppend(Operand first, Operand second) implements Operand {
        @Override
        public JsonNode value(ObjectNode item) { return UpdateOperands.evaluate(this, item); }
    }

    /** left + right or left - right, update only; evaluated by {@link UpdateOperands}. */
    record Arithmetic(Operand left, boolean plus, Operand right) implements Operand {
        @Override
        public JsonNode value(ObjectNode item) { return UpdateOperands.evaluate(this, item); }
    }
}
