package dev.stride.expr.path;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.NullNode;
import dev.stride.expr.Json;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/** Recursive-descent parser for AWS's (Jayway) JSONPath dialect. Used once per path, at compile time. */
final class PathParser {
    private final String text;
    private int pos;
    /** Inside a filter a dot-property name also ends at operator characters, spaces and ')'. */
    private final boolean inFilter;

    PathParser(String text, int pos, boolean inFilter) {
        this.text = text;
        this.pos = pos;
        this.inFilter = inFilter;
    }

    int pos() { return pos; }

    IllegalArgumentException error(String what) {
        return new IllegalArgumentException("Invalid JSONPath '" + text + "': " + what + " at position " + pos);
    }

    private boolean atEnd() { return pos >= text.length(); }

    private char peek() { return text.charAt(pos); }

    private boolean peekIs(char c) { return pos < text.length() && text.charAt(pos) == c; }

    private void skipSpaces() {
        while (pos < text.length() && text.charAt(pos) == ' ') pos++;
    }

    private void expect(char c) {
        skipSpaces();
        if (!peekIs(c)) throw error("expected '" + c + "'");
        pos++;
    }

    /** Parses steps until the end of the text (top level) or until a character that cannot continue a path (filters). */
    /** Set when the path ended with {@code .length()}. */
    boolean lengthFunction;

    List<Segment> parseSegments() {
        List<Segment> segments = new ArrayList<>();
        while (!atEnd()) {
            char c = peek();
            if (c == '.') {
                pos++;
                if (peekIs('.')) {
                    pos++;
                    segments.add(new Segment.DeepScan(parseScanStep()));
                } else if (peekIs('*')) {
                    pos++;
                    segments.add(new Segment.Wildcard());
                } else if (peekIs('[')) {
                    throw error("unexpected '[' after '.'");
                } else {
                    String name = readDotName();
                    if (peekIs('(')) {
                        parseFunction(name);
                        lengthFunction = true;
                        return segments;
                    }
                    segments.add(new Segment.Property(name));
                }
            } else if (c == '[') {
                segments.add(parseBracket());
            } else if (inFilter) {
                return segments;
            } else {
                throw error("unexpected character '" + c + "'");
            }
        }
        return segments;
    }

    private Segment parseScanStep() {
        if (atEnd()) throw error("path must not end with '..'");
        char c = peek();
        if (c == '*') {
            pos++;
            return new Segment.Wildcard();
        }
        if (c == '[') return parseBracket();
        if (c == '.') throw error("unexpected '.'");
        return new Segment.Property(readDotName());
    }

    private void parseFunction(String name) {
        pos++; // '('
        skipSpaces();
        if (!peekIs(')')) throw error("functions take no arguments");
        pos++;
        if (!name.equals("length")) throw error("unsupported function '" + name + "()'");
        if (!atEnd() && !inFilter) throw error("a function must end the path");
    }

    private String readDotName() {
        int start = pos;
        while (!atEnd()) {
            char c = peek();
            if (c == '.' || c == '[' || c == '(' || c == ' ') break;
            if (inFilter && (c == ')' || c == '=' || c == '!' || c == '<' || c == '>' || c == '&' || c == '|'
                    || c == ',' || c == '~')) break;
            pos++;
        }
        if (pos == start) throw error("empty property name");
        if (!inFilter && peekIs(' ')) throw error("unexpected space");
        return text.substring(start, pos);
    }

    private Segment parseBracket() {
        pos++; // '['
        skipSpaces();
        if (atEnd()) throw error("unterminated '['");
        char c = peek();
        Segment result;
        if (c == '\'' || c == '"') {
            List<String> names = new ArrayList<>();
            names.add(readQuoted());
            skipSpaces();
            while (peekIs(',')) {
                pos++;
                skipSpaces();
                if (atEnd() || (peek() != '\'' && peek() != '"')) throw error("expected a quoted property name");
                names.add(readQuoted());
                skipSpaces();
            }
            result = names.size() == 1 ? new Segment.Property(names.get(0)) : new Segment.Properties(List.copyOf(names));
        } else if (c == '*') {
            pos++;
            result = new Segment.Wildcard();
        } else if (c == '?') {
            pos++;
            expect('(');
            FilterExpr expr = parseOr();
            expect(')');
            result = new Segment.Filter(expr);
        } else if (c == '-' || c == ':' || Character.isDigit(c)) {
            result = parseIndexes();
        } else {
            throw error("unexpected character '" + c + "' after '['");
        }
        expect(']');
        return result;
    }

    /** Jayway keeps the text between the quotes verbatim; a backslash only stops the next character from closing it. */
    private String readQuoted() {
        char quote = peek();
        int start = ++pos;
        boolean escape = false;
        while (!atEnd()) {
            char c = peek();
            if (escape) {
                escape = false;
            } else if (c == '\\') {
                escape = true;
            } else if (c == quote) {
                String name = text.substring(start, pos);
                pos++;
                return name;
            }
            pos++;
        }
        throw error("unterminated quoted property name");
    }

    private Segment parseIndexes() {
        Integer first = peekIs(':') ? null : readInt();
        skipSpaces();
        if (peekIs(':')) {
            pos++;
            skipSpaces();
            Integer second = (peekIs(']')) ? null : readInt();
            skipSpaces();
            if (peekIs(':')) throw error("slice steps are not supported");
            return new Segment.Slice(first, second);
        }
        if (first == null) throw error("expected an index");
        if (!peekIs(',')) return new Segment.Index(first);
        List<Integer> all = new ArrayList<>();
        all.add(first);
        while (peekIs(',')) {
            pos++;
            skipSpaces();
            all.add(readInt());
            skipSpaces();
        }
        return new Segment.Indexes(all.stream().mapToInt(Integer::intValue).toArray());
    }

    private int readInt() {
        skipSpaces();
        int start = pos;
        if (peekIs('-')) pos++;
        while (!atEnd() && Character.isDigit(peek())) pos++;
        if (pos == start || (pos == start + 1 && text.charAt(start) == '-')) throw error("expected an integer");
        try {
            return Integer.parseInt(text.substring(start, pos));
        } catch (NumberFormatException e) {
            throw error("index out of range");
        }
    }

    // ---- filters ----

    private FilterExpr parseOr() {
        FilterExpr left = parseAnd();
        while (true) {
            skipSpaces();
            if (text.startsWith("||", pos)) {
                pos += 2;
                left = new FilterExpr.Or(left, parseAnd());
            } else {
                return left;
            }
        }
    }

    private FilterExpr parseAnd() {
        FilterExpr left = parseUnary();
        while (true) {
            skipSpaces();
            if (text.startsWith("&&", pos)) {
                pos += 2;
                left = new FilterExpr.And(left, parseUnary());
            } else {
                return left;
            }
        }
    }

    private FilterExpr parseUnary() {
        skipSpaces();
        if (atEnd()) throw error("incomplete filter");
        if (peek() == '!' && !text.startsWith("!=", pos)) {
            pos++;
            return new FilterExpr.Not(parseUnary());
        }
        if (peek() == '(') {
            pos++;
            FilterExpr inner = parseOr();
            expect(')');
            return inner;
        }
        FilterExpr.Operand left = parseOperand();
        skipSpaces();
        FilterExpr.Op op = readOp();
        if (op == null) {
            if (left instanceof FilterExpr.Operand.PathOperand p) return new FilterExpr.Exists(p);
            throw error("expected a comparison operator");
        }
        skipSpaces();
        FilterExpr.Operand right = op == FilterExpr.Op.REGEX ? parseRegex() : parseOperand();
        return new FilterExpr.Compare(left, op, right);
    }

    private FilterExpr.Op readOp() {
        String[] ops = {"==", "!=", "<=", ">=", "=~", "<", ">"};
        FilterExpr.Op[] kinds = {FilterExpr.Op.EQ, FilterExpr.Op.NE, FilterExpr.Op.LE, FilterExpr.Op.GE,
                FilterExpr.Op.REGEX, FilterExpr.Op.LT, FilterExpr.Op.GT};
        for (int i = 0; i < ops.length; i++) {
            if (text.startsWith(ops[i], pos)) {
                pos += ops[i].length();
                return kinds[i];
            }
        }
        return null;
    }

    private FilterExpr.Operand parseRegex() {
        if (!peekIs('/')) throw error("expected a /regex/ after '=~'");
        int start = ++pos;
        boolean escape = false;
        while (!atEnd()) {
            char c = peek();
            if (escape) escape = false;
            else if (c == '\\') escape = true;
            else if (c == '/') break;
            pos++;
        }
        if (atEnd()) throw error("unterminated regex");
        String body = text.substring(start, pos++);
        int flags = 0;
        while (!atEnd() && Character.isLetter(peek())) {
            switch (peek()) {
                case 'i' -> flags |= Pattern.CASE_INSENSITIVE;
                case 'm' -> flags |= Pattern.MULTILINE;
                case 's' -> flags |= Pattern.DOTALL;
                case 'x' -> flags |= Pattern.COMMENTS;
                case 'u' -> flags |= Pattern.UNICODE_CASE;
                default -> throw error("unknown regex flag '" + peek() + "'");
            }
            pos++;
        }
        try {
            return new FilterExpr.Operand.RegexOperand(Pattern.compile(body, flags));
        } catch (PatternSyntaxException e) {
            throw error("invalid regex: " + e.getDescription());
        }
    }

    private FilterExpr.Operand parseOperand() {
        skipSpaces();
        if (atEnd()) throw error("incomplete filter");
        char c = peek();
        if (c == '@' || c == '$') {
            pos++;
            PathParser sub = new PathParser(text, pos, true);
            List<Segment> segs = sub.parseSegments();
            pos = sub.pos;
            if (sub.lengthFunction) throw error("functions are not supported inside filters");
            return new FilterExpr.Operand.PathOperand(c == '@', segs.toArray(new Segment[0]));
        }
        if (c == '\'' || c == '"') {
            String s = readQuoted();
            return new FilterExpr.Operand.Literal(Json.NODES.textNode(s));
        }
        if (c == '-' || Character.isDigit(c)) {
            int start = pos;
            pos++;
            while (!atEnd() && (Character.isDigit(peek()) || peek() == '.' || peek() == 'e' || peek() == 'E'
                    || ((peek() == '-' || peek() == '+') && (text.charAt(pos - 1) == 'e' || text.charAt(pos - 1) == 'E')))) pos++;
            String num = text.substring(start, pos);
            try {
                JsonNode n = Json.MAPPER.readTree(num);
                if (n == null || !n.isNumber()) throw error("invalid number '" + num + "'");
                return new FilterExpr.Operand.Literal(n);
            } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
                throw error("invalid number '" + num + "'");
            }
        }
        for (String kw : new String[]{"true", "false", "null"}) {
            if (text.startsWith(kw, pos)) {
                pos += kw.length();
                JsonNode v = switch (kw) {
                    case "true" -> BooleanNode.TRUE;
                    case "false" -> BooleanNode.FALSE;
                    default -> NullNode.instance;
                };
                return new FilterExpr.Operand.Literal(v);
            }
        }
        throw error("unexpected character '" + c + "' in filter");
    }
}
