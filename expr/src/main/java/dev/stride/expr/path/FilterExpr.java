package dev.stride.expr.path;

import com.fasterxml.jackson.databind.JsonNode;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/** A pre-parsed filter predicate ({@code [?(...)]}) with Jayway's comparison semantics. */
sealed interface FilterExpr {

    /** @param current the node {@code @} refers to; @param root the node {@code $} refers to. */
    boolean test(JsonNode current, JsonNode root);

    record Or(FilterExpr left, FilterExpr right) implements FilterExpr {
        public boolean test(JsonNode c, JsonNode r) { return left.test(c, r) || right.test(c, r); }
    }

    record And(FilterExpr left, FilterExpr right) implements FilterExpr {
        public boolean test(JsonNode c, JsonNode r) { return left.test(c, r) && right.test(c, r); }
    }

    record Not(FilterExpr inner) implements FilterExpr {
        public boolean test(JsonNode c, JsonNode r) { return !inner.test(c, r); }
    }

    /** A lone path: true when it selects something. */
    record Exists(Operand.PathOperand path) implements FilterExpr {
        public boolean test(JsonNode c, JsonNode r) { return path.value(c, r) != null; }
    }

    enum Op { EQ, NE, LT, LE, GT, GE, REGEX }

    record Compare(Operand left, Op op, Operand right) implements FilterExpr {
        public boolean test(JsonNode c, JsonNode r) {
            JsonNode a = left.value(c, r);
            if (op == Op.REGEX) {
                return a != null && a.isTextual() && right instanceof Operand.RegexOperand re
                        && re.pattern().matcher(a.textValue()).matches();
            }
            JsonNode b = right.value(c, r);
            return switch (op) {
                case EQ -> equal(a, b);
                case NE -> !equal(a, b);
                case LT -> compare(a, b, x -> x < 0);
                case LE -> compare(a, b, x -> x <= 0);
                case GT -> compare(a, b, x -> x > 0);
                case GE -> compare(a, b, x -> x >= 0);
                case REGEX -> throw new AssertionError();
            };
        }

        private static boolean equal(JsonNode a, JsonNode b) {
            if (a == null || b == null) return false;
            if (a.isNumber() && b.isNumber()) return a.decimalValue().compareTo(b.decimalValue()) == 0;
            if (a.isNumber() && b.isTextual()) {
                BigDecimal d = parseDecimal(b.textValue());
                return d != null && a.decimalValue().compareTo(d) == 0;
            }
            if (a.isTextual() && b.isNumber()) return a.textValue().equals(b.decimalValue().toString());
            return a.equals(b);
        }

        private static boolean compare(JsonNode a, JsonNode b, java.util.function.IntPredicate accept) {
            if (a == null || b == null) return false;
            if (a.isNumber() && b.isNumber()) return accept.test(a.decimalValue().compareTo(b.decimalValue()));
            if (a.isTextual() && b.isTextual()) return accept.test(a.textValue().compareTo(b.textValue()));
            return false;
        }

        private static BigDecimal parseDecimal(String s) {
            try {
                return new BigDecimal(s);
            } catch (NumberFormatException e) {
                return null;
            }
        }
    }

    sealed interface Operand {
        /** The operand's value; Java null when a path selects nothing. */
        JsonNode value(JsonNode current, JsonNode root);

        record Literal(JsonNode literal) implements Operand {
            public JsonNode value(JsonNode c, JsonNode r) { return literal; }
        }

        record RegexOperand(Pattern pattern) implements Operand {
            public JsonNode value(JsonNode c, JsonNode r) { return null; }
        }

        /** {@code @...} (relative = true) or {@code $...}. */
        record PathOperand(boolean relative, Segment[] segments) implements Operand {
            public JsonNode value(JsonNode c, JsonNode r) {
                JsonNode start = relative ? c : r;
                boolean definite = true;
                for (Segment s : segments) definite &= s.definite();
                if (definite) {
                    JsonNode node = start;
                    List<JsonNode> buf = new ArrayList<>(1);
                    for (int i = 0; i < segments.length; i++) {
                        buf.clear();
                        segments[i].select(node, r, i == segments.length - 1, buf);
                        if (buf.isEmpty()) return null;
                        node = buf.get(0);
                    }
                    return node;
                }
                List<JsonNode> all = JsonPath.evaluate(segments, start, r);
                return all.isEmpty() ? null : dev.stride.expr.Json.NODES.arrayNode().addAll(all);
            }
        }
    }
}
