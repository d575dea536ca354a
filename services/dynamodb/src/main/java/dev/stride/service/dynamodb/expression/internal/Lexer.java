package dev.stride.service.dynamodb.expression.internal;

import dev.stride.service.dynamodb.expression.internal.Token.Kind;
import java.util.ArrayList;
import java.util.List;

/**
 * Splits an expression into tokens in one pass over its characters. Anything it does not know
 * becomes an UNKNOWN token rather than an error, so that the parser reports it where DynamoDB
 * does: as the token its grammar did not expect.
 */
final class Lexer {
    private Lexer() {}

    static List<Token> tokens(String source) {
        List<Token> out = new ArrayList<>(16);
        int i = 0, n = source.length();
        while (i < n) {
            char c = source.charAt(i);
            if (Character.isWhitespace(c)) { i++; continue; }
            int start = i;
            if (isNameStart(c)) {
                i = skipWord(source, i + 1);
                out.add(token(Kind.IDENTIFIER, source, start, i));
            } else if (c == '#' || c == ':') {
                i = skipWord(source, i + 1);
                Kind kind = i == start + 1 ? Kind.UNKNOWN : c == '#' ? Kind.NAME_REF : Kind.VALUE_REF;
                out.add(token(kind, source, start, i));
            } else if (c >= '0' && c <= '9') {
                while (i < n && source.charAt(i) >= '0' && source.charAt(i) <= '9') i++;
                out.add(token(Kind.INTEGER, source, start, i));
            } else {
                i = symbol(source, i, out);
            }
        }
        out.add(new Token(Kind.EOF, "<EOF>", n, n));
        return out;
    }

    private static int symbol(String s, int i, List<Token> out) {
        char c = s.charAt(i);
        char next = i + 1 < s.length() ? s.charAt(i + 1) : 0;
        Kind kind = switch (c) {
            case '(' -> Kind.LPAREN;
            case ')' -> Kind.RPAREN;
            case '[' -> Kind.LBRACKET;
            case ']' -> Kind.RBRACKET;
            case ',' -> Kind.COMMA;
            case '.' -> Kind.DOT;
            case '+' -> Kind.PLUS;
            case '-' -> Kind.MINUS;
            case '=' -> Kind.EQ;
            case '<' -> next == '>' ? Kind.NE : next == '=' ? Kind.LE : Kind.LT;
            case '>' -> next == '=' ? Kind.GE : Kind.GT;
            default -> Kind.UNKNOWN;
        };
        int end = i + (kind == Kind.NE || kind == Kind.LE || kind == Kind.GE ? 2 : 1);
        if (kind == Kind.UNKNOWN && Character.isHighSurrogate(c) && end < s.length()) end++;
        out.add(token(kind, s, i, end));
        return end;
    }

    private static boolean isNameStart(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_';
    }

    private static int skipWord(String s, int i) {
        while (i < s.length()) {
            char c = s.charAt(i);
            if (!(isNameStart(c) || (c >= '0' && c <= '9'))) break;
            i++;
        }
        return i;
    }

    private static Token token(Kind kind, String source, int start, int end) {
        return new Token(kind, source.substring(start, end), start, end);
    }
}
