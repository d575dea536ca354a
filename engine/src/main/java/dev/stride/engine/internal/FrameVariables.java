package dev.stride.engine.internal;

import com.fasterxml.jackson.databind.JsonNode;
import dev.stride.expr.VariableLookup;

/** Variable lookup for a frame: its own scope first, then the enclosing frames' scopes (read-only). */
final class FrameVariables implements VariableLookup {
    private final ExecutionRecord ex;
    private final Frame frame;

    FrameVariables(ExecutionRecord ex, Frame frame) {
        this.ex = ex;
        this.frame = frame;
    }

    @Override
    public JsonNode lookup(String name) {
        for (Frame f = frame; f != null; f = f.parentId < 0 ? null : ex.frames.get(f.parentId)) {
            JsonNode v = f.variables == null ? null : f.variables.get(name);
            if (v != null) return v;
        }
        return null;
    }
}
