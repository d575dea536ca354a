package dev.stride.service.batch.internal;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * ListJobs' filters: JOB_NAME and JOB_DEFINITION match exactly or by prefix with a trailing
 * {@code *}; BEFORE_CREATED_AT and AFTER_CREATED_AT compare epoch milliseconds. With filters,
 * jobs of every status are listed.
 */
final class Filters {
    private Filters() {}

    static boolean matches(JsonNode filters, Job j) {
        for (JsonNode f : filters) {
            String name = f.path("name").asText();
            String value = f.path("values").path(0).asText("");
            boolean ok = switch (name) {
                case "JOB_NAME" -> RetryDecision.matches(value, j.name());
                case "JOB_DEFINITION" -> RetryDecision.matches(value, j.definitionArn()) || RetryDecision.matches(value, Arns.name(j.definitionArn()))
                        || RetryDecision.matches(value, Arns.name(j.definitionArn()).replaceAll(":\\d+$", ""));
                case "BEFORE_CREATED_AT" -> j.createdAt() < Long.parseLong(value);
                case "AFTER_CREATED_AT" -> j.createdAt() > Long.parseLong(value);
                default -> throw Errors.client("Invalid filter name " + name);
            };
            if (!ok) return false;
        }
        return true;
    }
}
