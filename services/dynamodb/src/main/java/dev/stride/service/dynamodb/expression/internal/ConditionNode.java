package dev.stride.service.dynamodb.expression.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.stride.service.dynamodb.expression.Condition;
import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;

/**
 * The parsed form of a condition or filter, evaluated directly: each node tests an item with
 * DynamoDB's semantics, where a missing operand or a type mismatch makes a comparison false
 * rather than an error.
 */
public sealed interface ConditionNode extends Condition {
    enum Comparator {
        EQ("="), NE("<>"), LT("<"), LE("<="), GT(">"), GE(">=");

        public final String symbol;

        Comparator(String symbol) { this.symbol = symbol; }

        boolean holds(JsonNode a, JsonNode b) {
            if (this == EQ) return a != null && b != null && ValueOrder.same(a, b);
            if (this == NE) return !(a != null && b != null && ValueOrder.same(a, b));
            if (a == null || b == null || !ValueOrder.comparable(a, b)) return false;
            int c = ValueOrder.compare(a, b);
            return switch (this) {
                case LT -> c < 0;
                case LE -> c <= 0;
                case GT -> c > 0;
                default -> c >= 0;
            };
        }
    }

    record Compare(Comparator op, Operand left, Operand right) implements ConditionNode {
        @Override
        public boolean test(ObjectNode item) { return op.holds(left.value(item), right.value(item)); }
    }

    record Between(Operand subject, Operand low, Operand high) implements ConditionNode {
        @Override
        public boolean test(ObjectNode item) {
            JsonNode v = subject.value(item), lo = low.value(item), hi = high.value(item);
            return Comparator.GE.holds(v, lo) && Comparator.LE.holds(v, hi);
        }
    }

    record In(Operand subject, List<Operand> options) implements ConditionNode {
        @Override
        public boolean test(ObjectNode item) {
            JsonNode v = subject.value(item);
            if (v == null) return false;
            for (Operand option : options) {
                if (Comparator.EQ.holds(v, option.value(item))) return true;
            }
            return false;
        }
    }

    record And(ConditionNode left, ConditionNode right) implements ConditionNode {
        @Override
        public boolean test(ObjectNode item) { return left.test(item) && right.test(item); }
    }

    record Or(ConditionNode left, ConditionNode right) implements ConditionNode {
        @Override
        public boolean test(ObjectNode item) { return left.test(item) || right.test(item); }
    }

    record Not(ConditionNode inner) implements ConditionNode {
        @Override
        public boolean test(ObjectNode item) { return !inner.test(item); }
    }

    /** attribute_exists (exists true) and attribute_not_exists (exists false). */
    record Exists(DocumentPath path, boolean exists) implements ConditionNode {
        @Override
        public boolean test(ObjectNode item) { return (path.find(item) != null) == exists; }
    }

    record TypeIs(DocumentPath path, AttributeKind kind) implements ConditionNode {
        @Override
        public boolean test(ObjectNode item) { return AttributeKind.of(path.find(item)) == kind; }
    }

    record BeginsWith(Operand subject, Operand prefix) implements ConditionNode {
        @Override
        public boolean test(ObjectNode item) {
            JsonNode v = subject.value(item), p = prefix.value(item);
            AttributeKind kind = AttributeKind.of(v);
            if (kind == null || kind != AttributeKind.of(p)) return false;
            if (kind == AttributeKind.S) return AttributeKind.payload(v).asText().startsWith(AttributeKind.payload(p).asText());
            if (kind != AttributeKind.B) return false;
            byte[] bytes = ValueOrder.bytes(AttributeKind.payload(v)), start = ValueOrder.bytes(AttributeKind.payload(p));
            return bytes.length >= start.length && Arrays.equals(bytes, 0, start.length, start, 0, start.length);
        }
    }

    /** contains(subject, needle): a substring, a set member, or a list element. */
    record Contains(Operand subject, Operand needle) implements ConditionNode {
        @Override
        public boolean test(ObjectNode item) {
            JsonNode v = subject.value(item), n = needle.value(item);
            AttributeKind kind = AttributeKind.of(v), needleKind = AttributeKind.of(n);
            if (kind == null || needleKind == null) return false;
            JsonNode payload = AttributeKind.payload(v), sought = AttributeKind.payload(n);
            return switch (kind) {
                case S -> needleKind == AttributeKind.S && payload.asText().contains(sought.asText());
                case B -> needleKind == AttributeKind.B && containsBytes(ValueOrder.bytes(payload), ValueOrder.bytes(sought));
                case SS, NS, BS -> needleKind == kind.elementKind() && setContains(kind, payload, sought);
                case L -> listContains(payload, n);
                default -> false;
            };
        }

        private static boolean setContains(AttributeKind kind, JsonNode elements, JsonNode sought) {
            Object wanted = ValueOrder.element(kind.elementKind(), sought);
            for (JsonNode e : elements) {
                if (kind == AttributeKind.NS ? ((BigDecimal) wanted).compareTo(ValueOrder.number(e)) == 0
                        : wanted.equals(ValueOrder.element(kind.elementKind(), e))) return true;
            }
            return false;
        }

        private static boolean listContains(JsonNode elements, JsonNode sought) {
            for (JsonNode e : elements) {
                if (ValueOrder.same(e, sought)) return true;
            }
            return false;
        }

        private static boolean containsBytes(byte[] haystack, byte[] needle) {
            outer:
            for (int i = 0; i + needle.length <= haystack.length; i++) {
                for (int j = 0; j < needle.length; j++) {
                    if (haystack[i + j] != needle[j]) continue outer;
                }
                return true;
            }
            return false;
        }
    }
}
