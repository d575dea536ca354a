package dev.stride.expr.intrinsic;

import com.fasterxml.jackson.databind.JsonNode;
import dev.stride.expr.ErrorNames;
import dev.stride.expr.Json;
import dev.stride.expr.Scope;
import dev.stride.expr.StatesError;

import java.util.ArrayList;
import java.util.List;

/**
 * A compiled intrinsic function call such as {@code States.Format('Hello {}', $.name)}, parsed once into a tree of
 * nested calls, literals and JSONPaths.
 */
public final class IntrinsicCall {
    private final String text;
    private final Arg.Call call;

    private IntrinsicCall(String text, Arg.Call call) {
        this.text = text;
        this.call = call;
    }

    /** True when the text is meant as an intrinsic call (starts with {@code States.}); it may still be malformed. */
    public static boolean isCall(String text) {
        return text != null && text.stripLeading().startsWith("States.");
    }

    /**
     * Parses a call.
     *
     * @throws IllegalArgumentException on bad syntax, an unknown function, a wrong argument count, a malformed path
     *                                  argument or nesting deeper than 10
     */
    public static IntrinsicCall compile(String text) {
        if (text == null) throw new IllegalArgumentException("intrinsic function call must not be null");
        return new IntrinsicCall(text, new IntrinsicParser(text).parse());
    }

    public String text() { return text; }

    /** The outermost function's name, e.g. {@code States.Format}. */
    public String functionName() { return call.function().fullName; }

    /**
     * Evaluates the call.
     *
     * @param fieldName the field holding the call (e.g. {@code value.$}, {@code CausePath}), used in error causes
     * @throws StatesError {@code States.IntrinsicFailure} when a function rejects its arguments;
     *                     {@code States.Runtime} when a path argument selects nothing
     */
    public JsonNode evaluate(Scope scope, IntrinsicRuntime runtime, String fieldName) {
        return eval(call, scope, runtime, fieldName);
    }

    // instanceof tests rather than a pattern switch: this runs for every intrinsic argument, and
    // the switch's bootstrap-made dispatch was most of an intrinsic call's cost before the JIT's
    // last tier (most of a short execution).
    private static JsonNode eval(Arg arg, Scope scope, IntrinsicRuntime runtime, String fieldName) {
        if (arg instanceof Arg.Path p) {
            JsonNode v = p.path().read(scope);
            if (v == null) throw pathNotFound(p.path().text(), fieldName, scope);
            return v;
        }
        if (arg instanceof Arg.Literal l) return l.value();
        Arg.Call c = (Arg.Call) arg;
        List<Arg> args = c.args();
        int n = args.size();
        List<JsonNode> values = new ArrayList<>(n);
        for (int i = 0; i < n; i++) values.add(eval(args.get(i), scope, runtime, fieldName));
        String rawTemplate = null;
        if (c.function() == Function.FORMAT && args.get(0) instanceof Arg.Literal l && l.raw() != null) {
            rawTemplate = l.raw();
        }
        return Functions.apply(c.function(), values, rawTemplate, runtime);
    }

    /** AWS's cause when a path selects nothing (the same words it uses for payload templates). */
    public static StatesError pathNotFound(String path, String fieldName, Scope scope) {
        JsonNode input = scope.input() == null ? Json.NODES.nullNode() : scope.input();
        return new StatesError(ErrorNames.RUNTIME, "The JSONPath '" + path + "' specified for the field '" + fieldName
                + "' could not be found in the input '" + Json.write(input) + "'");
    }

    @Override
    public String toString() { return text; }
}
