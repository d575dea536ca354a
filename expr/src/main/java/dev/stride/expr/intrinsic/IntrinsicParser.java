package dev.stride.expr.intrinsic;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.NullNode;
import dev.stride.expr.Json;
import dev.stride.expr.path.JsonPath;

import java.util.ArrayList;
import java.util.List;

/** Parses an intrinsic call such as {@code States.Format('{}', $.a)} into an {@link Arg.Call} tree, once. */
final class IntrinsicParser {
    /** Calls nest at most this deep in one field (the outermost call counts as 1). */
    static final int MAX_DEPTH = 10;

    private final String text;
    private int pos;

    IntrinsicParser(String text) { this.text = text; }

    Arg.Call parse() {
        skipSpaces();
        Arg.Call call = parseCall(1);
        skipSpaces();
        if (pos < text.length()) throw error("unexpected text after the call");
        return call;
    }

    private IllegalArgumentException error(String what) {
        return new IllegalArgumentException("Invalid intrinsic function call '" + text + "': " + what + " at position " + pos);
    }

    private void skipSpaces() {
        while (pos < text.length() && Character.isWhitespace(text.charAt(pos))) pos++;
    }

    private boolean peekIs(char c) { return pos < text.length() && text.charAt(pos) == c; }

    private Arg.Call parseCall(int depth) {
        if (depth > MAX_DEPTH) throw error("intrinsic functions nest at most " + MAX_DEPTH + " deep");
        int start = pos;
        if (!text.startsWith("States.", pos)) throw error("expected an intrinsic function name");
        pos += "States.".length();
        while (pos < text.length() && Character.isLetterOrDigit(text.charAt(pos))) pos++;
        String name = text.substring(start, pos);
        Function function = Function.byName(name);
        if (function == null) throw new IllegalArgumentException("Unknown intrinsic function '" + name + "' in '" + text + "'");
        skipSpaces();
        if (!peekIs('(')) throw error("expected '(' after " + name);
        pos++;
        List<Arg> args = new ArrayList<>();
        skipSpaces();
        if (peekIs(')')) {
            pos++;
        } else {
            while (true) {
                skipSpaces();
                args.add(parseArg(depth));
                skipSpaces();
                if (peekIs(',')) {
                    pos++;
                } else if (peekIs(')')) {
                    pos++;
                    break;
                } else {
                    throw error("expected ',' or ')'");
                }
            }
        }
        if (args.size() < function.minArgs || args.size() > function.maxArgs) {
            throw new IllegalArgumentException("The intrinsic function " + name + " takes " + function.arity()
                    + " but was given " + args.size() + " in '" + text + "'");
        }
        return new Arg.Call(function, List.copyOf(args));
    }

    private Arg parseArg(int depth) {
        if (pos >= text.length()) throw error("missing argument");
        char c = text.charAt(pos);
        if (c == '\'') return parseString();
        if (c == '$') return parsePath();
        if (text.startsWith("States.", pos)) return parseCall(depth + 1);
        if (c == '-' || Character.isDigit(c)) return parseNumber();
        for (String kw : new String[]{"true", "false", "null"}) {
            if (text.startsWith(kw, pos) && !continuesWord(pos + kw.length())) {
                pos += kw.length();
                JsonNode v = switch (kw) {
                    case "true" -> BooleanNode.TRUE;
                    case "false" -> BooleanNode.FALSE;
                    default -> NullNode.instance;
                };
                return new Arg.Literal(v, null);
            }
        }
        throw error("unexpected character '" + c + "'");
    }

    private boolean continuesWord(int at) {
        return at < text.length() && Character.isLetterOrDigit(text.charAt(at));
    }

    private Arg parseString() {
        int start = ++pos;
        StringBuilder value = new StringBuilder();
        while (pos < text.length()) {
            char c = text.charAt(pos);
            if (c == '\\') {
                if (pos + 1 >= text.length()) break;
                value.append(text.charAt(pos + 1));
                pos += 2;
            } else if (c == '\'') {
                String raw = text.substring(start, pos);
                pos++;
                return new Arg.Literal(Json.NODES.textNode(value.toString()), raw);
            } else {
                value.append(c);
                pos++;
            }
        }
        throw error("unterminated string literal");
    }

    private Arg parseNumber() {
        int start = pos;
        pos++;
        while (pos < text.length()) {
            char c = text.charAt(pos);
            if (Character.isDigit(c) || c == '.' || c == 'e' || c == 'E'
                    || ((c == '+' || c == '-') && (text.charAt(pos - 1) == 'e' || text.charAt(pos - 1) == 'E'))) {
                pos++;
            } else {
                break;
            }
        }
        String num = text.substring(start, pos);
        try {
            JsonNode n = Json.MAPPER.readTree(num);
            if (n != null && n.isNumber()) return new Arg.Literal(n, null);
        } catch (JsonProcessingException e) {
            // fall through
        }
        pos = start;
        throw error("invalid number '" + num + "'");
    }

    /** A path runs to the next ',' or ')' outside brackets, parentheses and quotes. */
    private Arg parsePath() {
        int start = pos;
        int brackets = 0;
        int parens = 0;
        char quote = 0;
        while (pos < text.length()) {
            char c = text.charAt(pos);
            if (quote != 0) {
                if (c == '\\') pos++;
                else if (c == quote) quote = 0;
            } else if (brackets > 0 && (c == '\'' || c == '"')) {
                quote = c;
            } else if (c == '[') {
                brackets++;
            } else if (c == ']') {
                brackets--;
            } else if (c == '(') {
                parens++;
            } else if (c == ')') {
                if (parens == 0 && brackets == 0) break;
                parens--;
            } else if (c == ',' && brackets == 0 && parens == 0) {
                break;
            }
            pos++;
        }
        String pathText = text.substring(start, Math.min(pos, text.length())).strip();
        try {
            return new Arg.Path(JsonPath.compile(pathText));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("Invalid path argument in intrinsic function call '" + text + "': " + e.getMessage(), e);
        }
    }
}
