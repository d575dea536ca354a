package dev.stride.service.dynamodb.expression.internal;

import dev.stride.service.dynamodb.expression.ExpressionContext;
import dev.stride.service.dynamodb.expression.internal.Token.Kind;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;

/**
 * Recursive descent over DynamoDB's update grammar:
 *
 * <pre>
 * update   := clause+                      each of SET, REMOVE, ADD, DELETE at most once
 * clause   := "SET" set ("," set)* | "REMOVE" path ("," path)*
 *           | "ADD" path :value ("," path :value)* | "DELETE" path :value ("," path :value)*
 * set      := path "=" operand (("+" | "-") operand)?
 * operand  := path | :value | "if_not_exists" "(" path "," operand ")" | "list_append" "(" operand "," operand ")"
 * </pre>
 */
public final class UpdateParser extends ExpressionParser {
    private enum Clause { SET, REMOVE, ADD, DELETE }

    private final List<UpdateAction> actions = new ArrayList<>();
    private final EnumSet<Clause> seen = EnumSet.noneOf(Clause.class);

    private UpdateParser(String source, ExpressionContext context) {
        super(source, context, "UpdateExpression");
    }

    public static ParsedUpdate parse(String source, ExpressionContext context) {
        UpdateParser parser = new UpdateParser(source, context);
        do parser.clause(); while (!parser.peek().is(Kind.EOF));
        parser.finish();
        List<DocumentPath> paths = new ArrayList<>(parser.actions.size());
        for (UpdateAction a : parser.actions) paths.add(a.path());
        PathOverlap.check(paths, "UpdateExpression");
        return new ParsedUpdate(parser.actions);
    }

    private void clause() {
        Clause clause = clauseAt(peek());
        if (clause == null) throw syntaxError();
        next();
        if (!seen.add(clause)) semantic("The \"" + clause + "\" section can only be used once in an update expression;");
        do actions.add(action(clause)); while (accept(Kind.COMMA));
    }

    private static Clause clauseAt(Token t) {
        if (!t.is(Kind.IDENTIFIER)) return null;
        return switch (t.text().toUpperCase(Locale.ROOT)) {
            case "SET" -> Clause.SET;
            case "REMOVE" -> Clause.REMOVE;
            case "ADD" -> Clause.ADD;
            case "DELETE" -> Clause.DELETE;
            default -> null;
        };
    }

    private UpdateAction action(Clause clause) {
        DocumentPath path = path();
        return switch (clause) {
            case SET -> {
                expect(Kind.EQ);
                yield new UpdateAction.Set(path, value());
            }
            case REMOVE -> new UpdateAction.Remove(path);
            case ADD -> {
                Operand.Literal v = literal();
                AttributeKind kind = v.kind();
                if (kind != AttributeKind.N && !kind.isSet()) wrongType("ADD", kind);
                yield new UpdateAction.Add(path, v);
            }
            case DELETE -> {
                Operand.Literal v = literal();
                if (!v.kind().isSet()) wrongType("DELETE", v.kind());
                yield new UpdateAction.Delete(path, v);
            }
        };
    }

    private void wrongType(String operator, AttributeKind kind) {
        semantic("Incorrect operand type for operator or function; operator: " + operator + ", operand type: " + kind.longName);
    }

    private Operand value() {
        Operand left = operand();
        boolean plus = peek().is(Kind.PLUS);
        if (!plus && !peek().is(Kind.MINUS)) return left;
        String symbol = next().text();
        Operand right = operand();
        for (Operand side : List.of(left, right)) {
            if (side instanceof Operand.Literal l && l.kind() != AttributeKind.N) wrongOperandType(symbol, side);
        }
        return new Operand.Arithmetic(left, plus, right);
    }

    private Operand operand() {
        if (peek().is(Kind.IDENTIFIER) && peek(1).is(Kind.LPAREN)) return function();
        if (peek().is(Kind.VALUE_REF)) return literal();
        if (startsPath()) return new Operand.Path(path());
        throw syntaxError();
    }

    private Operand function() {
        String name = next().text();
        expect(Kind.LPAREN);
        List<Operand> args = new ArrayList<>(2);
        if (!peek().is(Kind.RPAREN)) {
            do args.add(operand()); while (accept(Kind.COMMA));
        }
        expect(Kind.RPAREN);
        switch (name) {
            case "if_not_exists" -> {
                if (args.size() != 2) break;
                if (args.get(0) instanceof Operand.Path p) return new Operand.IfNotExists(p.path(), args.get(1));
                wrongOperandType(name, args.get(0));
                return args.get(1);
            }
            case "list_append" -> {
                if (args.size() != 2) break;
                for (Operand a : args) {
                    if (a instanceof Operand.Literal l && l.kind() != AttributeKind.L) wrongOperandType(name, a);
                }
                return new Operand.ListAppend(args.get(0), args.get(1));
            }
            case "attribute_exists", "attribute_not_exists", "attribute_type", "begins_with", "contains", "size" -> {
                semantic("The function is not allowed in an update expression; function: " + name);
                return new Operand.Literal(name, JsonNodes.NULL_VALUE);
            }
            default -> {
                semantic("Invalid function name; function: " + name);
                return new Operand.Literal(name, JsonNodes.NULL_VALUE);
            }
        }
        wrongArity(name, args.size());
        return new Operand.Literal(name, JsonNodes.NULL_VALUE);
    }
}
