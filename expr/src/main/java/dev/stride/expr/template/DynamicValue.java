package dev.stride.expr.template;

import com.fasterxml.jackson.databind.JsonNode;
import dev.stride.expr.Scope;
import dev.stride.expr.intrinsic.IntrinsicCall;
import dev.stride.expr.intrinsic.IntrinsicRuntime;
import dev.stride.expr.path.JsonPath;

/**
 * A value given as a string that is either a path ({@code $...}, {@code $$...}, {@code $name...}) or an intrinsic
 * call ({@code States.Format(...)}), e.g. Fail's ErrorPath/CausePath or a {@code .$} field of a payload template.
 */
public final class DynamicValue {
    private final String text;
    private final JsonPath path;
    private final IntrinsicCall call;

    private DynamicValue(String text, JsonPath path, IntrinsicCall call) {
        this.text = text;
        this.path = path;
        this.call = call;
    }

    /** @throws IllegalArgumentException when the text is neither a valid path nor a valid intrinsic call. */
    public static DynamicValue compile(String text) {
        if (text == null) throw new IllegalArgumentException("a path or intrinsic function call is required, got null");
        if (IntrinsicCall.isCall(text)) return new DynamicValue(text, null, IntrinsicCall.compile(text));
        if (text.stripLeading().startsWith("$")) return new DynamicValue(text, JsonPath.compile(text), null);
        throw new IllegalArgumentException("'" + text + "' is neither a JSONPath (starting with '$') nor an intrinsic function call (States.*)");
    }

    public String text() { return text; }

    /** The path, or null when this is an intrinsic call. */
    public JsonPath path() { return path; }

    /** The intrinsic call, or null when this is a path. */
    public IntrinsicCall call() { return call; }

    /** Evaluates with a secure random runtime. @throws dev.stride.expr.StatesError naming fieldName in AWS's words when the value cannot be found. */
    public JsonNode evaluate(Scope scope, String fieldName) {
        return evaluate(scope, fieldName, IntrinsicRuntime.secure());
    }

    /**
     * @throws dev.stride.expr.StatesError {@code States.Runtime} "The JSONPath '...' specified for the field '...'
     *         could not be found in the input '...'" when a path selects nothing; {@code States.IntrinsicFailure}
     *         when an intrinsic function rejects its arguments
     */
    public JsonNode evaluate(Scope scope, String fieldName, IntrinsicRuntime runtime) {
        if (call != null) return call.evaluate(scope, runtime, fieldName);
        JsonNode v = path.read(scope);
        if (v == null) throw IntrinsicCall.pathNotFound(path.text(), fieldName, scope);
        return v;
    }

    @Override
    public String toString() { return text; }
}
