package dev.stride.engine.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Iterator;
import java.util.Map;

/** AWS's limits on workflow variables: 256 KiB per assigned value, 10 MiB for all of an execution's variables. */
final class VariableLimits {
    static final int MAX_VALUE_BYTES = 256 * 1024;
    static final long MAX_TOTAL_BYTES = 10L * 1024 * 1024;
    /** Below this, a value cannot push the total over the limit by itself, so the total is not recounted. */
    private static final int RECOUNT_THRESHOLD = 64 * 1024;

    private VariableLimits() {}

    /** The cause of a violation, or null when the assignment is within the limits. */
    static String violation(ExecutionRecord ex, Frame f, ObjectNode assigned) {
        boolean large = false;
        for (Iterator<Map.Entry<String, JsonNode>> it = assigned.fields(); it.hasNext(); ) {
            var e = it.next();
            if (PayloadSize.exceeds(e.getValue(), MAX_VALUE_BYTES)) {
                return "The variable '" + e.getKey() + "' assigned in state '" + f.stateName
                        + "' has a size exceeding the maximum number of bytes service limit (256 KiB).";
            }
            large |= PayloadSize.exceeds(e.getValue(), RECOUNT_THRESHOLD);
        }
        if (!large) return null;
        long total = 0;
        for (Frame frame : ex.frames.inAnyOrder()) {
            if (frame.variables == null) continue;
            for (var v : frame.variables.entrySet()) {
                if (!assigned.has(v.getKey()) || frame != f) total += PayloadSize.bytes(v.getValue());
            }
        }
        for (Iterator<JsonNode> it = assigned.elements(); it.hasNext(); ) total += PayloadSize.bytes(it.next());
        return total > MAX_TOTAL_BYTES
                ? "The variables of this execution have a total size exceeding the maximum number of bytes service limit (10 MiB)."
                : null;
    }
}
