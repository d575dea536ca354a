package dev.stride.service.dynamodb.expression.internal;

import com.fasterxml.jackson.databind.JsonNode;
import dev.stride.service.dynamodb.expression.ExpressionContext;
import dev.stride.service.dynamodb.expression.internal.ConditionNode.Comparator;
import dev.stride.service.dynamodb.expression.internal.Token.Kind;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Recursive descent over DynamoDB's condition grammar (ConditionExpression, FilterExpression,
 * and KeyConditionExpression before its key checks):
 *
 * <pre>
 * condition  := or
 * or         := and ("OR" and)*
 * and        := not ("AND" not)*
 * not        := "NOT" not | primary
 * primary    := "(" or ")" | function | operand tail
 * tail       := comparator operand | "BETWEEN" operand "AND" operand | "IN" "(" operand ("," operand)* ")"
 * operand    := path | :value | size "(" path ")"
 * </pre>
 */
public final class ConditionParser extends ExpressionParser {
    private static final int MAX_IN_OPERANDS = 100;

    /** Token positions of each parenthesised group, as (open << 32 | close), to spot "((a))". */
    private final Set<Long> groups = new HashSet<>();

    private ConditionParser(String source, ExpressionContext context, String parameter) {
        super(source, context, parameter);
    }

    public static ConditionNode parse(String source, ExpressionContext context, String parameter) {
        ConditionParser parser = new ConditionParser(source, context, parameter);
        ConditionNode node = parser.or();
        parser.finish();
        return node;
    }

    private ConditionNode or() {
        ConditionNode left = and();
        while (acceptKeyword("OR")) left = new ConditionNode.Or(left, and());
        return left;
    }

    private ConditionNode and() {
        ConditionNode left = not();
        while (acceptKeyword("AND")) left = new ConditionNode.And(left, not());
        return left;
    }

    private ConditionNode not() {
        if (acceptKeyword("NOT")) return new ConditionNode.Not(not());
        return primary();
    }

    private ConditionNode primary() {
        if (peek().is(Kind.LPAREN)) return group();
        if (isFunctionCall()) {
            FunctionCall call = functionCall();
            if (startsTail()) return tail(operandOf(call));
            return conditionOf(call);
        }
        return tail(operand());
    }

    private ConditionNode group() {
        int open = position();
        next();
        ConditionNode inner = or();
        expect(Kind.RPAREN);
        int close = position() - 1;
        if (groups.contains(pair(open + 1, close - 1))) semantic("The expression has redundant parentheses;");
        groups.add(pair(open, close));
        return inner;
    }

    private static long pair(int open, int close) { return ((long) open << 32) | close; }

    private boolean startsTail() {
        return peek().isComparator() || peek().isKeyword("BETWEEN") || peek().isKeyword("IN");
    }

    private ConditionNode tail(Operand left) {
        Token t = peek();
        if (t.isComparator()) {
            next();
            Comparator op = Comparator.valueOf(t.kind().name());
            Operand right = operand();
            distinct(op.symbol, left, List.of(right));
            return new ConditionNode.Compare(op, left, right);
        }
        if (acceptKeyword("BETWEEN")) {
            Operand low = operand();
            if (!acceptKeyword("AND")) throw syntaxError();
            Operand high = operand();
            distinct("BETWEEN", left, List.of(low, high));
            checkBounds(low, high);
            return new ConditionNode.Between(left, low, high);
        }
        if (acceptKeyword("IN")) {
            expect(Kind.LPAREN);
            List<Operand> options = new ArrayList<>();
            do options.add(operand()); while (accept(Kind.COMMA));
            expect(Kind.RPAREN);
            if (options.size() > MAX_IN_OPERANDS) {
                semantic("The IN operator is provided with too many operands; number of operands: " + options.size());
            }
            distinct("IN", left, options);
            return new ConditionNode.In(left, options);
        }
        throw syntaxError();
    }

    private Operand operand() {
        if (isFunctionCall()) return operandOf(functionCall());
        if (peek().is(Kind.VALUE_REF)) return literal();
        if (startsPath()) return new Operand.Path(path());
        throw syntaxError();
    }

    // ---- functions

    private record FunctionCall(String name, List<Operand> args) {}

    private boolean isFunctionCall() {
        return peek().is(Kind.IDENTIFIER) && peek(1).is(Kind.LPAREN) && !isGrammarKeyword(peek());
    }

    private FunctionCall functionCall() {
        String name = next().text();
        expect(Kind.LPAREN);
        List<Operand> args = new ArrayList<>(2);
        if (!peek().is(Kind.RPAREN)) {
            do args.add(operand()); while (accept(Kind.COMMA));
        }
        expect(Kind.RPAREN);
        return new FunctionCall(name, args);
    }

    /** A function in operand position: only size() yields a value. */
    private Operand operandOf(FunctionCall call) {
        if (!call.name().equals("size")) {
            if (isConditionFunction(call.name()) || isUpdateFunction(call.name())) misplaced(call.name());
            else unknown(call.name());
            return new Operand.Literal(call.name(), JsonNodes.NULL_VALUE);
        }
        if (arity(call, 1)) return new Operand.Size(call.args().get(0));
        return new Operand.Literal(call.name(), JsonNodes.NULL_VALUE);
    }

    /** A function in condition position: everything but size() (and the update functions) tests the item. */
    private ConditionNode conditionOf(FunctionCall call) {
        List<Operand> args = call.args();
        String name = call.name();
        switch (name) {
            case "attribute_exists", "attribute_not_exists" -> {
                if (!arity(call, 1)) break;
                if (args.get(0) instanceof Operand.Path p) return new ConditionNode.Exists(p.path(), name.equals("attribute_exists"));
                wrongOperandType(name, args.get(0));
            }
            case "attribute_type" -> {
                if (arity(call, 2)) return attributeType(args.get(0), args.get(1));
            }
            case "begins_with" -> {
                if (!arity(call, 2)) break;
                for (Operand a : args) {
                    String type = typeOf(a);
                    if (type != null && !type.equals("S") && !type.equals("B")) wrongOperandType(name, a);
                }
                distinct(name, args.get(0), List.of(args.get(1)));
                return new ConditionNode.BeginsWith(args.get(0), args.get(1));
            }
            case "contains" -> {
                if (!arity(call, 2)) break;
                distinct(name, args.get(0), List.of(args.get(1)));
                return new ConditionNode.Contains(args.get(0), args.get(1));
            }
            default -> {
                if (name.equals("size") || isUpdateFunction(name)) misplaced(name);
                else unknown(name);
            }
        }
        return new ConditionNode.Exists(new DocumentPath(new Object[] {name}), false);
    }

    private ConditionNode attributeType(Operand subject, Operand type) {
        if (!(subject instanceof Operand.Path p)) {
            wrongOperandType("attribute_type", subject);
        } else if (!(type instanceof Operand.Literal l) || l.kind() != AttributeKind.S) {
            wrongOperandType("attribute_type", type);
        } else {
            String name = AttributeKind.payload(l.literal()).asText();
            AttributeKind kind = AttributeKind.named(name);
            if (kind != null) return new ConditionNode.TypeIs(p.path(), kind);
            semantic("Invalid attribute type name found; type: " + name + ", valid types: { B,NULL,SS,BOOL,L,BS,N,NS,S,M }");
        }
        return new ConditionNode.TypeIs(new DocumentPath(new Object[] {"?"}), AttributeKind.NULL);
    }

    private boolean arity(FunctionCall call, int wanted) {
        if (call.args().size() == wanted) return true;
        wrongArity(call.name(), call.args().size());
        return false;
    }

    private void misplaced(String name) {
        semantic("The function is not allowed to be used this way in an expression; function: " + name);
    }

    private void unknown(String name) { semantic("Invalid function name; function: " + name); }

    private static boolean isConditionFunction(String name) {
        return switch (name) {
            case "attribute_exists", "attribute_not_exists", "attribute_type", "begins_with", "contains" -> true;
            default -> false;
        };
    }

    private static boolean isUpdateFunction(String name) {
        return name.equals("if_not_exists") || name.equals("list_append");
    }

    // ---- checks DynamoDB makes before evaluating

    /** "a = a" can only ever be true or false, so DynamoDB refuses the same path on both sides. */
    private void distinct(String operator, Operand first, List<Operand> others) {
        if (!(first instanceof Operand.Path p)) return;
        for (Operand other : others) {
            if (other instanceof Operand.Path q && p.path().equals(q.path())) {
                semantic("The first operand must be distinct from the remaining operands for this operator or function; operator: "
                        + operator + ", first operand: " + p.path());
                return;
            }
        }
    }

    private void checkBounds(Operand low, Operand high) {
        if (!(low instanceof Operand.Literal lo) || !(high instanceof Operand.Literal hi)) return;
        JsonNode a = lo.literal(), b = hi.literal();
        if (ValueOrder.comparable(a, b) && ValueOrder.compare(a, b) > 0) {
            semantic("The BETWEEN operator requires upper bound to be greater than or equal to lower bound; lower bound operand: AttributeValue: "
                    + JsonNodes.brief(a) + ", upper bound operand: AttributeValue: " + JsonNodes.brief(b));
        }
    }
}
