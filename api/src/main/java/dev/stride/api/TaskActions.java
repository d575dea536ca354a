package dev.stride.api;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Callback outcomes: SendTaskSuccess, SendTaskFailure, SendTaskHeartbeat. The engine answers only
 * "known or not"; a token that is not even shaped like one Stride issues (a UUID) is InvalidToken,
 * a well-shaped unknown or finished one is TaskDoesNotExist.
 */
final class TaskActions {
    private static final Pattern ISSUED_SHAPE =
            Pattern.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");
    private final ApiContext ctx;

    TaskActions(ApiContext ctx) { this.ctx = ctx; }

    void register(Map<String, Operation> table) {
        table.put("SendTaskSuccess", this::success);
        table.put("SendTaskFailure", this::failure);
        table.put("SendTaskHeartbeat", this::heartbeat);
    }

    private JsonNode success(Request r) {
        String token = token(r);
        String outputText = r.required("output");
        if (outputText.getBytes(StandardCharsets.UTF_8).length > 262_144) {
            throw ApiError.INVALID_OUTPUT.with("Invalid State Machine Execution Output: 'The output exceeds the maximum size of 262144 bytes'");
        }
        JsonNode output = Wire.parse(outputText, ApiError.INVALID_OUTPUT, "Invalid State Machine Execution Output");
        return answer(ctx.engine.sendTaskSuccess(token, output));
    }

    private JsonNode failure(Request r) {
        String token = token(r);
        String error = Request.bounded("error", r.string("error"), 256);
        String cause = Request.bounded("cause", r.string("cause"), 32_768);
        return answer(ctx.engine.sendTaskFailure(token, error, cause));
    }

    private JsonNode heartbeat(Request r) { return answer(ctx.engine.sendTaskHeartbeat(token(r))); }

    private static String token(Request r) {
        String token = Request.bounded("taskToken", r.required("taskToken"), 2048);
        if (!ISSUED_SHAPE.matcher(token).matches()) throw ApiError.INVALID_TOKEN.quoting("Invalid Token", "Invalid token");
        return token;
    }

    private static JsonNode answer(boolean known) {
        if (!known) throw ApiError.TASK_DOES_NOT_EXIST.with("Task Does Not Exist: 'The task is unknown or has already completed'");
        return Wire.object();
    }
}
