package dev.stride.engine.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.stride.asl.model.WaitState;
import dev.stride.engine.internal.Interpreter.Step;
import dev.stride.expr.ErrorNames;
import dev.stride.expr.Json;
import dev.stride.expr.StatesError;
import java.time.Instant;

/** Wait: works out when the wait ends, sleeps on a timer, then exits with the input. */
final class WaitStep {
    /** AWS refuses waits whose delay does not fit a signed 32-bit number of seconds. */
    private static final long MAX_DELAY_SECONDS = Integer.MAX_VALUE;

    private final Interpreter in;

    WaitStep(Interpreter in) { this.in = in; }

    Step start(ExecutionRecord ex, Frame f, WaitState w) {
        long now = in.now();
        long due = w.common().jsonata() ? dueJsonata(ex, f, w, now) : dueJsonPath(ex, f, w, now);
        if ((due - now) / 1000 > MAX_DELAY_SECONDS) throw new StatesError(ErrorNames.RUNTIME, "Wait state delay is too long.");
        f.timerDue = due;
        f.phase = Phase.WAIT_TIMER;
        in.effects.scheduleTimer(ex, f.id, due);
        return Step.BLOCKED;
    }

    Step resume(ExecutionRecord ex, Frame f, WaitState w) {
        if (in.now() < f.timerDue) return Step.BLOCKED;
        f.phase = Phase.ENTER;
        if (w.common().jsonata()) return in.exitJsonata(ex, f, w, null, null);
        ObjectNode assigned = in.assign(ex, f, w.common().assign(), f.effectiveInput, null);
        return in.exit(ex, f, w, in.plainOutput(ex, f, w), assigned, null);
    }

    private long dueJsonPath(ExecutionRecord ex, Frame f, WaitState w, long now) {
        if (w.seconds() != null) return now + w.seconds() * 1000;
        if (w.timestamp() != null) return Timestamps.parse(w.timestamp()).toEpochMilli();
        var scope = in.scope(ex, f, f.effectiveInput, null);
        if (w.secondsPath() != null) {
            JsonNode v = w.secondsPath().read(scope);
            String where = w.secondsPath().text() + " == " + (v == null ? "null" : display(v));
            if (v == null || !v.isIntegralNumber()) {
                throw new StatesError(ErrorNames.RUNTIME, "The SecondsPath parameter cannot be parsed as a long value: " + where);
            }
            if (v.longValue() < 0) {
                throw new StatesError(ErrorNames.RUNTIME, "The SecondsPath parameter references a negative value: " + where);
            }
            return now + v.longValue() * 1000;
        }
        JsonNode v = w.timestampPath().read(scope);
        Instant at = v != null && v.isTextual() ? Timestamps.parse(v.textValue()) : null;
        if (at == null) {
            throw new StatesError(ErrorNames.RUNTIME,
                    "The TimestampPath parameter does not reference a valid ISO-8601 extended offset date-time format string: "
                            + w.timestampPath().text() + " == " + (v == null ? "null" : display(v)));
        }
        return at.toEpochMilli();
    }

    private long dueJsonata(ExecutionRecord ex, Frame f, WaitState w, long now) {
        ObjectNode states = StateIo.states(f.rawInput, null, null, ContextObject.build(ex, f, null));
        if (w.secondsExpr() != null) {
            JsonNode v = w.secondsExpr().evaluate(states, new FrameVariables(ex, f), in.budget);
            if (v == null || !v.isIntegralNumber() || v.longValue() < 0) {
                throw new StatesError(ErrorNames.QUERY_EVALUATION_ERROR,
                        "The Seconds field must be a non-negative integer but was: " + (v == null ? "undefined" : Json.write(v)), "Seconds");
            }
            return now + v.longValue() * 1000;
        }
        JsonNode v = w.timestampExpr().evaluate(states, new FrameVariables(ex, f), in.budget);
        Instant at = v != null && v.isTextual() ? Timestamps.parse(v.textValue()) : null;
        if (at == null) {
            throw new StatesError(ErrorNames.QUERY_EVALUATION_ERROR,
                    "The Timestamp field cannot be parsed as an ISO-8601 extended offset date-time format string: "
                            + (v == null ? "undefined" : display(v)), "Timestamp");
        }
        return at.toEpochMilli();
    }

    private static String display(JsonNode v) {
        return v.isTextual() ? v.textValue() : Json.write(v);
    }
}
