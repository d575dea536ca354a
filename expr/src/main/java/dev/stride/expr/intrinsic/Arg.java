package dev.stride.expr.intrinsic;

import com.fasterxml.jackson.databind.JsonNode;
import dev.stride.expr.path.JsonPath;

import java.util.List;

/** A node of a parsed intrinsic call: a literal, a path or a nested call. */
sealed interface Arg {

    /** A literal; for a string literal {@code raw} keeps the text between the quotes with its escapes. */
    record Literal(JsonNode value, String raw) implements Arg {}

    record Path(JsonPath path) implements Arg {}

    record Call(Function function, List<Arg> args) implements Arg {}
}
