package dev.stride.service.dynamodb.expression.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.stride.service.ServiceException;
import dev.stride.service.dynamodb.expression.ExpressionContext;
import dev.stride.service.dynamodb.expression.internal.Token.Kind;
import java.util.ArrayList;
import java.util.List;

/**
 * What the condition, update and projection parsers share: the token cursor, document paths,
 * placeholders, and DynamoDB's order of complaints.
 *
 * <p>DynamoDB reports a syntax error before anything else, then a reserved word, then an
 * undefined name, then an undefined value, then the first semantic problem (arity, operand
 * types, ...). A recursive-descent parser meets these in source order, so problems other than
 * syntax are remembered by rank and thrown by {@link #finish} once the whole text has parsed.
 */
abstract class ExpressionParser {
    private static final int RESERVED = 0, UNDEFINED_NAME = 1, UNDEFINED_VALUE = 2, SEMANTIC = 3;

    protected final String source;
    protected final String parameter;
    protected final ExpressionContext context;
    private final List<Token> tokens;
    private final String[] problems = new String[4];
    private int pos;

    ExpressionParser(String source, ExpressionContext context, String parameter) {
        this.source = source == null ? "" : source;
        this.context = context;
        this.parameter = parameter;
        this.tokens = Lexer.tokens(this.source);
        if (tokens.size() == 1) throw Errors.invalid(parameter, "The expression can not be empty;");
    }

    // ---- cursor

    protected Token peek() { return tokens.get(pos); }

    protected Token peek(int ahead) { return tokens.get(Math.min(pos + ahead, tokens.size() - 1)); }

    protected int position() { return pos; }

    protected Token next() {
        Token t = tokens.get(pos);
        if (t.kind() != Kind.EOF) pos++;
        return t;
    }

    protected boolean accept(Kind kind) {
        if (peek().kind() != kind) return false;
        pos++;
        return true;
    }

    protected boolean acceptKeyword(String word) {
        if (!peek().isKeyword(word)) return false;
        pos++;
        return true;
    }

    protected Token expect(Kind kind) {
        if (peek().kind() != kind) throw syntaxError();
        return next();
    }

    /** DynamoDB's syntax error at the current token; "near" spans the previous token to the next one. */
    protected ServiceException syntaxError() {
        Token t = peek();
        int start = pos > 0 ? tokens.get(pos - 1).start() : t.start();
        Token after = t.kind() == Kind.EOF ? t : tokens.get(pos + 1);
        int end = after.kind() == Kind.EOF ? t.end() : after.end();
        return Errors.invalid(parameter, "Syntax error; token: \"" + t.text() + "\", near: \""
                + source.substring(start, Math.max(start, end)) + "\"");
    }

    // ---- deferred problems

    protected void semantic(String message) { remember(SEMANTIC, message); }

    private void remember(int rank, String message) {
        if (problems[rank] == null) problems[rank] = message;
    }

    /** Requires the end of the text, then throws the highest-ranked problem met on the way, if any. */
    protected void finish() {
        if (peek().kind() != Kind.EOF) throw syntaxError();
        for (String problem : problems) {
            if (problem != null) throw Errors.invalid(parameter, problem);
        }
    }

    // ---- shared grammar

    protected boolean startsPath() {
        return peek().is(Kind.IDENTIFIER) || peek().is(Kind.NAME_REF);
    }

    /** path := element ('.' element | '[' integer ']')* where element is a name or #placeholder. */
    protected DocumentPath path() {
        List<Object> elements = new ArrayList<>(4);
        elements.add(pathName());
        while (true) {
            if (accept(Kind.DOT)) {
                elements.add(pathName());
            } else if (accept(Kind.LBRACKET)) {
                elements.add(index());
                expect(Kind.RBRACKET);
            } else {
                return new DocumentPath(elements.toArray());
            }
        }
    }

    private String pathName() {
        Token t = peek();
        if (t.is(Kind.IDENTIFIER)) {
            if (isGrammarKeyword(t)) throw syntaxError();
            next();
            if (ReservedWords.contains(t.text())) {
                remember(RESERVED, "Attribute name is a reserved keyword; reserved keyword: " + t.text());
            }
            return t.text();
        }
        if (t.is(Kind.NAME_REF)) {
            next();
            String name = context.name(t.text());
            if (name == null) {
                remember(UNDEFINED_NAME, "An expression attribute name used in the document path is not defined; attribute name: " + t.text());
                return t.text();
            }
            return name;
        }
        throw syntaxError();
    }

    private Integer index() {
        Token t = peek();
        if (!t.is(Kind.INTEGER)) throw syntaxError();
        try {
            int index = Integer.parseInt(t.text());
            next();
            return index;
        } catch (NumberFormatException e) {
            throw syntaxError();
        }
    }

    /** An expression attribute value at the cursor, resolved (a missing one is remembered, and stands as NULL). */
    protected Operand.Literal literal() {
        Token t = expect(Kind.VALUE_REF);
        JsonNode value = context.value(t.text());
        if (value == null) {
            remember(UNDEFINED_VALUE, "An expression attribute value used in expression is not defined; attribute value: " + t.text());
            value = UNDEFINED;
        }
        return new Operand.Literal(t.text(), value);
    }

    private static final JsonNode UNDEFINED = JsonNodeFactory.instance.objectNode().put("NULL", true);

    /** Words the grammars give meaning to; where an operand is expected they are syntax errors, not names. */
    protected boolean isGrammarKeyword(Token t) {
        return t.isKeyword("AND") || t.isKeyword("OR") || t.isKeyword("NOT") || t.isKeyword("BETWEEN") || t.isKeyword("IN");
    }

    /** "operand type: N" names a literal's type; a path or function has no type until run time. */
    protected static String typeOf(Operand operand) {
        return operand instanceof Operand.Literal l ? String.valueOf(l.kind()) : null;
    }

    protected void wrongOperandType(String function, Operand operand) {
        String type = typeOf(operand);
        semantic("Incorrect operand type for operator or function; operator or function: " + function
                + ", operand type: " + (type == null ? "N" : type));
    }

    protected void wrongArity(String function, int count) {
        semantic("Incorrect number of operands for operator or function; operator or function: " + function
                + ", number of operands: " + count);
    }
}
