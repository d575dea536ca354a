package dev.stride.service.batch.internal;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Locale;

/**
 * Whether a failed attempt is retried (AWS Batch's retryStrategy): only while attempts remain;
 * then the first {@code evaluateOnExit} condition whose given patterns all match decides (RETRY
 * or EXIT), and when none matches the job is retried. A pattern matches exactly, or by its start
 * when it ends in {@code *}.
 */
final class RetryDecision {
    private RetryDecision() {}

    static boolean retry(JsonNode retryStrategy, int attemptsMade, Integer exitCode, String reason, String statusReason) {
        int attempts = Math.max(1, retryStrategy.path("attempts").asInt(1));
        if (attemptsMade >= attempts) return false;
        for (JsonNode c : retryStrategy.path("evaluateOnExit")) {
            if (!matches(c.path("onExitCode").textValue(), exitCode == null ? null : exitCode.toString())) continue;
            if (!matches(c.path("onReason").textValue(), reason)) continue;
            if (!matches(c.path("onStatusReason").textValue(), statusReason)) continue;
            return "RETRY".equals(c.path("action").asText().toUpperCase(Locale.ROOT));
        }
        return true;
    }

    /** A pattern absent matches anything; a value absent matches only {@code *}. */
    static boolean matches(String pattern, String value) {
        if (pattern == null) return true;
        if (pattern.endsWith("*")) return value != null && value.startsWith(pattern.substring(0, pattern.length() - 1)) || pattern.equals("*");
        return pattern.equals(value);
    }
}
