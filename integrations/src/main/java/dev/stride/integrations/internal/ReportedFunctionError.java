package dev.stride.integrations.internal;

import com.fasterxml.jackson.databind.JsonNode;
import dev.stride.integrations.FunctionError;

/** A function error reported as Lambda's error JSON by an out-of-process function, with its own stack trace. */
public final class ReportedFunctionError extends FunctionError {
    private final transient JsonNode reportedStackTrace;

    public ReportedFunctionError(String errorType, String errorMessage, JsonNode reportedStackTrace) {
        super(errorType, errorMessage);
        this.reportedStackTrace = reportedStackTrace;
    }

    public JsonNode reportedStackTrace() { return reportedStackTrace; }

    /** The result is Lambda's error shape: {"errorType": ..., "errorMessage": ...} with at most requestId/stackTrace/cause besides. */
    public static ReportedFunctionError fromResult(JsonNode result) {
        if (result == null || !result.isObject() || !result.path("errorType").isTextual()) return null;
        var names = result.fieldNames();
        while (names.hasNext()) {
            String n = names.next();
            if (!java.util.Set.of("errorType", "errorMessage", "requestId", "stackTrace", "cause").contains(n)) return null;
        }
        JsonNode msg = result.get("errorMessage");
        return new ReportedFunctionError(result.get("errorType").textValue(),
                msg == null || msg.isNull() ? null : msg.isTextual() ? msg.textValue() : msg.toString(), result.get("stackTrace"));
    }
}
