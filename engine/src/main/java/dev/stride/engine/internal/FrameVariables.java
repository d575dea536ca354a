package dev.stride.engine.internal;

import com.fasterxml.jackson.databind.JsonNode;
import dev.stride.expr.VariableLookup;

/**
 * Variable lookup for a frame: its own scope first, then the enclosing frames' scopes
 * (read-only). It also builds the frame's context object on demand, so that a scope costs one
 * object besides itself (a scope is made for nearly every state).
 */
final class FrameVariables implements VariableLookup, java.util.function.Supplier<JsonNode> {
    private final ExecutionRecord ex;
    private final Frame frame;
    private final String taskToken;

    FrameVariables(ExecutionRecord ex, Frame frame) {
        this(ex, frame, null);
    }

    /** @param taskToken the task token the context object shows ($$.Task.Token), or null */
    FrameVariables(ExecutionRecord ex, Frame frame, String taskToken) {
        this.ex = ex;
        this.frame = frame;
        this.taskToken = taskToken;
    }

    /** The frame's context object ($$). */
    @Override
    public JsonNode get() { return ContextObject.build(ex, frame, taskToken); }

    @Override
    public JsonNode lookup(String name) {
        for (Frame f = frame; f != null; f = f.parentId < 0 ? null : ex.frames.get(f.parentId)) {
            JsonNode v = f.variables == null ? null : f.variables.get(name);
            if (v != null) return v;
        }
        return null;
    }
}
